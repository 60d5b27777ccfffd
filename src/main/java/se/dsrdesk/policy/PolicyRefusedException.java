package se.dsrdesk.policy;

/**
 * A policy version cannot be published as it is; the message code says why, in the
 * admin's language.
 */
public class PolicyRefusedException extends RuntimeException {

	private final String messageCode;

	private final transient Object[] arguments;

	PolicyRefusedException(String messageCode, Object... arguments) {
		super(messageCode);
		this.messageCode = messageCode;
		this.arguments = arguments;
	}

	public String messageCode() {
		return this.messageCode;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
