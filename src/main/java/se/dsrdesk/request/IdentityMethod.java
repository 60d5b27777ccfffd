package se.dsrdesk.request;

/**
 * How staff verified who the person is. Only the fact is recorded, never a copy of an
 * identity document.
 */
public enum IdentityMethod {

	/** The request came from the address already known for the person. */
	KNOWN_EMAIL,

	/** An identity document was shown and checked; no copy was kept. */
	ID_DOCUMENT,

	/** Some other way, described in the note. */
	OTHER

}
