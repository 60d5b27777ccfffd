package se.dsrdesk.deadline;

import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;

/**
 * Thrown when a request's response period may not be extended: it was already extended,
 * or the one-month deadline has passed.
 */
public class ExtensionNotAllowedException extends RefusedException {

	private static final long serialVersionUID = 1L;

	private final String reason;

	/**
	 * Creates the exception.
	 * @param reason why the extension is refused, for the log
	 */
	public ExtensionNotAllowedException(String reason) {
		super(HttpStatus.CONFLICT, "extension-not-allowed", "requestPage.extend.tooLate");
		this.reason = reason;
	}

	@Override
	public String getMessage() {
		return this.reason;
	}

}
