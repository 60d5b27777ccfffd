package se.dsrdesk.request;

/**
 * Someone else changed the request since the person acting on it loaded it.
 */
public class ConcurrentChangeException extends RuntimeException {

	ConcurrentChangeException(String reference) {
		super("Request " + reference + " was changed by someone else");
	}

}
