package se.dsrdesk.request;

/**
 * Something that happened to a request: each transition of the workflow, assignment and
 * internal notes.
 */
public enum RequestAction {

	RECEIVED, EMAIL_VERIFIED, ASSIGNED, STARTED, IDENTITY_VERIFIED, PAUSED, RESUMED, EXTENDED, COMPLETED, REJECTED,
	WITHDRAWN, EXPIRED,

	/** Looks like a second open request of the same type from the same person. */
	FLAGGED_DUPLICATE,

	/** Staff added an internal note. */
	NOTE_ADDED

}
