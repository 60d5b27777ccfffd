package se.dsrdesk.request.refusal;

import java.util.List;

import se.dsrdesk.system.RefusedException;

/**
 * A request can only be given to an active case handler.
 */
public class InvalidAssigneeException extends RefusedException {

	public InvalidAssigneeException() {
		super(List.of(new Invalid("assigneeId", "requestPage.assign.invalid")));
	}

}
