package se.dsrdesk.request;

/**
 * A workflow step that the request's current status does not allow, such as completing a
 * withdrawn request.
 */
public class IllegalTransitionException extends RuntimeException {

	private final RequestStatus status;

	private final RequestAction action;

	IllegalTransitionException(RequestStatus status, RequestAction action) {
		super("A request in status " + status + " cannot be " + action);
		this.status = status;
		this.action = action;
	}

	public RequestStatus status() {
		return this.status;
	}

	public RequestAction action() {
		return this.action;
	}

}
