package se.dsrdesk.request;

import java.util.List;

import se.dsrdesk.system.RefusedException;

/**
 * A request can only be given to an active case handler.
 */
public class InvalidAssigneeException extends RefusedException {

	InvalidAssigneeException() {
		super(List.of(new Invalid("assigneeId", "requestPage.assign.invalid")));
	}

}
