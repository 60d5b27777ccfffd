package se.dsrdesk.request;

/**
 * A request cannot be completed while work on it is still open.
 */
public class RequestHasOpenTasksException extends RuntimeException {

	private final String reference;

	private final long openItems;

	RequestHasOpenTasksException(String reference, long openItems) {
		super("Request " + reference + " has " + openItems + " open tasks");
		this.reference = reference;
		this.openItems = openItems;
	}

	public String reference() {
		return this.reference;
	}

	public long openItems() {
		return this.openItems;
	}

	/**
	 * The message key that explains the refusal, with the number of open tasks as its
	 * argument.
	 * @return the key
	 */
	public String messageCode() {
		return "request.complete.openTasks";
	}

}
