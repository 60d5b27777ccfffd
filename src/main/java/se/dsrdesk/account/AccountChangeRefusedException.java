package se.dsrdesk.account;

/**
 * An account change that the rules do not allow, such as removing the last administrator.
 * The message code says why, in the person's language.
 */
public class AccountChangeRefusedException extends RuntimeException {

	static final String CHANGED_MEANWHILE = "account.changedMeanwhile";

	private final String messageCode;

	private final String field;

	AccountChangeRefusedException(String messageCode, String field) {
		super(messageCode);
		this.messageCode = messageCode;
		this.field = field;
	}

	/**
	 * Whether the edit was made on details that someone else has changed since.
	 */
	public boolean isStaleEdit() {
		return CHANGED_MEANWHILE.equals(this.messageCode);
	}

	public String messageCode() {
		return this.messageCode;
	}

	/**
	 * The form field the refusal is about, or {@code null} when it is about the whole
	 * form.
	 */
	public String field() {
		return this.field;
	}

}
