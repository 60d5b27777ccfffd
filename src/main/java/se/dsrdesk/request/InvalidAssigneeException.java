package se.dsrdesk.request;

/**
 * A request can only be given to an active case handler.
 */
public class InvalidAssigneeException extends RuntimeException {

	InvalidAssigneeException() {
		super("Not an active case handler");
	}

}
