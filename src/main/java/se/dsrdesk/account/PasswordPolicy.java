package se.dsrdesk.account;

import java.nio.charset.StandardCharsets;

import org.springframework.validation.Errors;

/**
 * What makes an acceptable password: at least 12 characters, and at most 72 bytes, the
 * most that the bcrypt hash takes into account.
 */
public final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/**
	 * Rejects the field when the password breaks the policy.
	 * @param password the new password
	 * @param errors where to report
	 * @param field the field that holds the password
	 */
	public static void check(String password, Errors errors, String field) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			errors.rejectValue(field, "password.tooShort", new Object[] { MIN_LENGTH }, null);
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			errors.rejectValue(field, "password.tooLong", new Object[] { MAX_BYTES }, null);
		}
	}

}
