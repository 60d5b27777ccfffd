package se.dsrdesk.notification;

/**
 * Who a mail is for.
 */
public enum RecipientKind {

	/** The data subject: the person a request is about. */
	SUBJECT,

	/** A staff user of DSR Desk. */
	STAFF

}
