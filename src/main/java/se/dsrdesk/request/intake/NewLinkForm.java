package se.dsrdesk.request.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.dsrdesk.system.PlainText;
import se.dsrdesk.system.NoControlCharacters;

/**
 * The address to which new links for one's requests are sent.
 */
public class NewLinkForm {

	@NotBlank(message = "{validation.required}")
	@Email(message = "{validation.email}")
	@Size(max = 254, message = "{validation.tooLong}")
	@NoControlCharacters
	private String email;

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = PlainText.nfc(email);
	}

}
