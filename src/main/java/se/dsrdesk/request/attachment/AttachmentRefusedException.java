package se.dsrdesk.request.attachment;

/**
 * An upload that is not accepted; the message key says why, in the reader's language.
 */
public class AttachmentRefusedException extends RuntimeException {

	private final String messageCode;

	AttachmentRefusedException(String messageCode) {
		super(messageCode);
		this.messageCode = messageCode;
	}

	/**
	 * The message key for the page.
	 * @return the key
	 */
	public String messageCode() {
		return this.messageCode;
	}

}
