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

	/**
	 * Closed as a duplicate of another request, which is answered instead; its open tasks
	 * are cancelled.
	 */
	CLOSED_AS_DUPLICATE,

	/** Staff added an internal note. */
	NOTE_ADDED,

	/** The extension notice was recorded as posted: the extension counts (Art. 12(3)). */
	EXTENSION_POSTED,

	/** The extension notice mail was given up: the extension no longer counts. */
	EXTENSION_LAPSED,

	/** The person was told that the answer is delayed, why and when to expect it. */
	DELAY_ANNOUNCED,

	/** The delay notice mail was given up: the person was not told. */
	DELAY_NOTICE_FAILED,

	/**
	 * Staff checked a representative's authority to act for the person (Art. 12(2)); data
	 * may be disclosed to them from then.
	 */
	AUTHORITY_VERIFIED,

	/**
	 * The person answered by mail (to the request's reply address); the mail is on the
	 * timeline.
	 */
	REPLY_RECEIVED,

	/**
	 * Staff registered the request without acknowledging it, for the reason in a note.
	 */
	ACKNOWLEDGEMENT_SKIPPED,

	/**
	 * The person sent a message (and perhaps a file) from their status page; the audit
	 * trail names the message's number, never its text.
	 */
	MESSAGE_RECEIVED

}
