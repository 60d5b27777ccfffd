package se.dsrdesk.request;

/**
 * Why a request was refused, by the article of the GDPR that allows it.
 */
public enum RejectionGround {

	/** Manifestly unfounded (Art. 12(5)). */
	MANIFESTLY_UNFOUNDED,

	/** Excessive, in particular because repetitive (Art. 12(5)). */
	EXCESSIVE,

	/** The person could not be identified (Art. 11(2), 12(2)). */
	NOT_IDENTIFIED

}
