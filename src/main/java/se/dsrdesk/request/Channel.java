package se.dsrdesk.request;

/**
 * How a request reached the controller.
 */
public enum Channel {

	/** The public request form. */
	WEB,

	/** An email, registered by staff. */
	EMAIL,

	/** A letter, registered by staff. */
	LETTER,

	/** A telephone call, registered by staff. */
	PHONE,

	/** In person, registered by staff. */
	IN_PERSON

}
