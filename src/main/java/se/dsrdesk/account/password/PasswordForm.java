package se.dsrdesk.account.password;

/**
 * A new password, typed twice, and for a user's own change also the current one.
 */
public class PasswordForm extends ChosenPassword {

	private String currentPassword;

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

}
