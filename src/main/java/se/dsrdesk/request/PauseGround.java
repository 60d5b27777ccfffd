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
	SCOPE

}
