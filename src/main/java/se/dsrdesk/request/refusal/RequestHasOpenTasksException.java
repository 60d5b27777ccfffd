package se.dsrdesk.request.refusal;

import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;

/**
 * A request cannot be completed while work on it is still open.
 */
public class RequestHasOpenTasksException extends RefusedException {

	private final long openItems;

	public RequestHasOpenTasksException(long openItems) {
		super(HttpStatus.CONFLICT, "open-tasks", "request.complete.openTasks");
		this.openItems = openItems;
	}

	public long openItems() {
		return this.openItems;
	}

	@Override
	public Object[] problemArguments() {
		return new Object[] { this.openItems };
	}

}
