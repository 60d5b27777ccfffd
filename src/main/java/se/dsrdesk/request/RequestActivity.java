package se.dsrdesk.request;

import java.util.List;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.Change;

/**
 * A domain event: something happened to a request. Published when the request is saved,
 * in the same transaction, so that the audit trail and queued mail commit with the
 * change.
 *
 * @param requestId the request
 * @param reference the request's reference
 * @param action what happened
 * @param actor who did it
 * @param details a short description without personal data, may be {@code null}
 * @param changes the values it changed, before and after, without personal data (status,
 * assignee, deadline, extension, grounds; never a reason in words)
 */
public record RequestActivity(Long requestId, String reference, RequestAction action, Actor actor, String details,
		List<Change> changes) {

	public RequestActivity {
		changes = (changes != null) ? List.copyOf(changes) : List.of();
	}

	public RequestActivity(Long requestId, String reference, RequestAction action, Actor actor, String details) {
		this(requestId, reference, action, actor, details, List.of());
	}

}
