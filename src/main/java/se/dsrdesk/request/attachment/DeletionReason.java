package se.dsrdesk.request.attachment;

/**
 * Why an attachment was deleted: a fixed list, so that the audit trail records the reason
 * without free text that could hold personal data.
 */
public enum DeletionReason {

	/** A copy of an identity document, no longer needed once the identity is recorded. */
	IDENTITY_RECORDED,

	/** Attached to the wrong request, or the wrong file. */
	UPLOADED_BY_MISTAKE,

	/** Not needed to handle or to show how the request was handled. */
	NOT_NEEDED,

	/** The person asked for it to be deleted. */
	PERSON_ASKED

}
