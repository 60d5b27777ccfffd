package se.dsrdesk.system;

import org.springframework.http.HttpStatus;

/**
 * Someone else changed the record since the person acting on it loaded it (a request, a
 * data location, an account), or closed it meanwhile (a task): 409. The one refusal for
 * every such conflict; Spring's own optimistic-locking failure is answered the same way.
 */
public class ConcurrentChangeException extends RefusedException {

	/** The API's problem kind of a change by someone else. */
	public static final String CHANGED_MEANWHILE = "changed-meanwhile";

	/**
	 * A change by someone else meanwhile.
	 * @param messageCode what the page says about it
	 */
	public ConcurrentChangeException(String messageCode) {
		this(CHANGED_MEANWHILE, messageCode);
	}

	/**
	 * A conflict the API names more precisely, such as a task closed meanwhile.
	 * @param problemType the API's problem kind
	 * @param messageCode what the page says about it
	 */
	public ConcurrentChangeException(String problemType, String messageCode) {
		super(HttpStatus.CONFLICT, problemType, messageCode);
	}

}
