package se.dsrdesk.location;

/**
 * What sort of place a data location is.
 */
public enum LocationKind {

	NEWSLETTER_PLATFORM, MAILBOX, DOCUMENT_STORE, ACCOUNTING, OTHER

}
