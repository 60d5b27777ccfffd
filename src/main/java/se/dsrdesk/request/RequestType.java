package se.dsrdesk.request;

/**
 * What the person asks for, by the GDPR article that gives the right.
 */
public enum RequestType {

	/** Art. 15: a copy of the data and where it is held (the "utdrag"). */
	ACCESS,

	/** Art. 17: erasure. */
	ERASURE,

	/** Art. 21: objection to processing based on legitimate interest. */
	OBJECTION,

	/** Art. 16: rectification. */
	RECTIFICATION,

	/** Art. 18: restriction of processing. */
	RESTRICTION,

	/** Art. 20: data portability. */
	PORTABILITY

}
