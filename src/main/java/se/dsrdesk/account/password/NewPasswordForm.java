package se.dsrdesk.account.password;

/**
 * A password someone chooses through an invitation or forgotten-password link, typed
 * twice, with the link's secret.
 */
public class NewPasswordForm extends ChosenPassword {

	private String token;

	public String getToken() {
		return this.token;
	}

	public void setToken(String token) {
		this.token = token;
	}

}
