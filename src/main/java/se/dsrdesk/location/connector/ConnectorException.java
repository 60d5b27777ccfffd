package se.dsrdesk.location.connector;

import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;

/**
 * A connector's system refused or could not be reached (a bad key, a timeout, a lost
 * connection). The page and the API show the translated message; nothing was recorded as
 * done.
 */
public class ConnectorException extends RefusedException {

	/**
	 * @param messageCode the message key that explains what happened and what to do
	 * @param arguments its arguments (never personal data beyond the request's own)
	 */
	public ConnectorException(String messageCode, Object... arguments) {
		super(HttpStatus.BAD_GATEWAY, "connector-failed", messageCode, arguments);
	}

	/** The API says what the page says: what happened and what to do. */
	@Override
	public boolean detailIsPageMessage() {
		return true;
	}

}
