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
	PORTABILITY,

	/**
	 * Art. 7(3): withdrawal of consent ("unsubscribe"). It reaches only the locations
	 * whose legal basis is consent (Art. 6(1)(a)), whatever types they list, and stops
	 * the processing there; it is as easy as giving consent and needs no reason.
	 */
	WITHDRAW_CONSENT;

	/**
	 * Whether a request of this type reaches only consent-based locations (Art. 7(3)),
	 * rather than the locations that list the type.
	 * @return {@code true} for {@link #WITHDRAW_CONSENT}
	 */
	public boolean followsConsent() {
		return this == WITHDRAW_CONSENT;
	}

}
