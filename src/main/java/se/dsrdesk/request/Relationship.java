package se.dsrdesk.request;

/**
 * How the person says they are related to the company: a hint for staff where to look for
 * their data.
 */
public enum Relationship {

	/** Receives the newsletter. */
	NEWSLETTER_SUBSCRIBER,

	/** A customer, now or earlier. */
	CUSTOMER,

	/** A contact at a supplier or partner. */
	BUSINESS_CONTACT,

	/** Applied for a job. */
	JOB_APPLICANT,

	/** Anything else. */
	OTHER

}
