package se.dsrdesk.location;

/**
 * Someone else saved the location after it was opened for editing.
 */
public class LocationChangedException extends RuntimeException {

	LocationChangedException(long id) {
		super("Data location " + id + " was changed meanwhile");
	}

}
