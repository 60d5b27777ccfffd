package se.dsrdesk.deadline;

/**
 * Thrown when a request's response period may not be extended: it was already extended,
 * or the one-month deadline has passed.
 */
public class ExtensionNotAllowedException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message why the extension is refused
	 */
	public ExtensionNotAllowedException(String message) {
		super(message);
	}

}
