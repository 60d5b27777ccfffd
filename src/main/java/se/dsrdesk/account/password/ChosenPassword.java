package se.dsrdesk.account.password;

import org.springframework.validation.Errors;

import se.dsrdesk.account.PasswordPolicy;

/**
 * A new password as a form takes it: typed twice. The forms that set one (a user's own
 * change, an invitation or forgotten-password link) extend this, so the policy and the
 * second typing are checked one way.
 */
public abstract class ChosenPassword {

	private String newPassword;

	private String confirmPassword;

	public String getNewPassword() {
		return this.newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmPassword() {
		return this.confirmPassword;
	}

	public void setConfirmPassword(String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}

	/**
	 * Checks the new password against the policy, then that it was typed the same twice.
	 * @param policy the password policy
	 * @param email the account's address (the password may not be it)
	 * @param errors where refusals go, on {@code newPassword} or {@code confirmPassword}
	 */
	void check(PasswordPolicy policy, String email, Errors errors) {
		policy.check(this.newPassword, email, errors, "newPassword");
		if (!errors.hasFieldErrors("newPassword") && !this.newPassword.equals(this.confirmPassword)) {
			errors.rejectValue("confirmPassword", "password.mismatch");
		}
	}

}
