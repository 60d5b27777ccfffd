package se.dsrdesk.request.refusal;

import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestAction;

/**
 * A workflow step that the request's current status does not allow, such as completing a
 * withdrawn request. A second extension is told as an extension that is not allowed,
 * which is what it is.
 */
public class IllegalTransitionException extends RefusedException {

	private final RequestStatus status;

	private final RequestAction action;

	public IllegalTransitionException(RequestStatus status, RequestAction action) {
		super(HttpStatus.CONFLICT,
				isSecondExtension(status, action) ? "extension-not-allowed" : "transition-not-allowed",
				"requestPage.error.notAllowed");
		this.status = status;
		this.action = action;
	}

	private static boolean isSecondExtension(RequestStatus status, RequestAction action) {
		return action == RequestAction.EXTENDED && RequestStatus.EXTENDABLE.contains(status);
	}

	public RequestStatus status() {
		return this.status;
	}

	public RequestAction action() {
		return this.action;
	}

	@Override
	public String getMessage() {
		return "A request in status " + this.status + " cannot be " + this.action;
	}

	/** The API's detail names the status, in the reader's language. */
	@Override
	public Object[] problemArguments() {
		return new Object[] { new DefaultMessageSourceResolvable("inbox.status." + this.status.name()) };
	}

	@Override
	public Map<String, Object> problemProperties() {
		return isSecondExtension(this.status, this.action) ? Map.of() : Map.of("requestStatus", this.status.name());
	}

}
