package se.dsrdesk.request.intake;

import jakarta.validation.constraints.Size;

import se.dsrdesk.request.message.PersonMessages;
import se.dsrdesk.system.NoControlCharacters;
import se.dsrdesk.system.PlainText;

/**
 * What the person writes to us on their status page. The file that may come with it is a
 * separate multipart part, checked by the attachments' rules. The text is checked as a
 * request's details are: NFC, no control characters but line breaks, at most
 * {@value PersonMessages#MAX_LENGTH} characters.
 */
public class StatusMessageForm {

	@Size(max = PersonMessages.MAX_LENGTH, message = "{validation.tooLong}")
	@NoControlCharacters(lineBreaks = true)
	private String message;

	boolean isBlank() {
		return this.message == null || this.message.isBlank();
	}

	public String getMessage() {
		return this.message;
	}

	public void setMessage(String message) {
		this.message = PlainText.nfcLines(message);
	}

}
