package se.dsrdesk.location;

/**
 * Why data is kept despite an erasure request (GDPR Art. 17(3)).
 */
public enum LegalGround {

	/** Bokföringslagen (1999:1078), for example 7 kap. 2 §. */
	BOOKKEEPING_ACT,

	/** Lagen (2017:630) om åtgärder mot penningtvätt och finansiering av terrorism. */
	ANTI_MONEY_LAUNDERING_ACT,

	/** Consumer law, such as complaints and warranty periods. */
	CONSUMER_LAW,

	/** Establishing, exercising or defending legal claims (Art. 17(3)(e)). */
	LEGAL_CLAIMS,

	/** Another ground, described in words. */
	OTHER

}
