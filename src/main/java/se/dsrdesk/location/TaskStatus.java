package se.dsrdesk.location;

/**
 * Where a location task stands.
 */
public enum TaskStatus {

	/** Someone has to look at the location. */
	OPEN,

	/** The outcome is recorded. */
	DONE,

	/** The request was rejected or withdrawn before the task was done. */
	CANCELLED

}
