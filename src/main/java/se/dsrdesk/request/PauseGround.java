package se.dsrdesk.request;

/**
 * Why a request waits for the person.
 */
public enum PauseGround {

	/**
	 * Information needed to confirm the person's identity (GDPR Art. 12(6); EDPB
	 * Guidelines 01/2022): the clock stops, and the last day to extend moves with it.
	 * Allowed only while identity is not verified.
	 */
	IDENTITY,

	/**
	 * A clarification of what the request covers, where a large quantity of data is
	 * processed (Recital 63): needs a written justification; the clock runs on unless
	 * {@code dsr.requests.scope-pause-stops-clock} is set, and never moves the last day
	 * to extend.
	 */
	SCOPE,

	/**
	 * Proof that the representative who made the request may act for the person (Art.
	 * 12(2) and 12(6); EDPB Guidelines 01/2022 on the right of access, on requests made
	 * through third parties): like identity, the clock stops and the last day to extend
	 * moves with it. Allowed only for a request made by a representative whose authority
	 * is not yet verified.
	 */
	AUTHORITY;

	/**
	 * Whether a pause on this ground always stops the clock and moves the last day to
	 * extend: it waits for what is needed to know who may have the answer (identity, a
	 * representative's authority), not for a clarification of scope.
	 * @return {@code true} for {@link #IDENTITY} and {@link #AUTHORITY}
	 */
	public boolean verifiesRequester() {
		return this != SCOPE;
	}

}
