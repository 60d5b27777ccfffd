package se.dsrdesk.account.password;

/**
 * A password someone chooses through an invitation or forgotten-password link, typed
 * twice, with the link's secret.
 */
public class NewPasswordForm {

	private String token;

	private String newPassword;

	private String confirmPassword;

	public String getToken() {
		return this.token;
	}

	public void setToken(String token) {
		this.token = token;
	}

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

}
