package se.dsrdesk.request.auditing;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.audit.Change;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestActivity;

/**
 * Writes every request activity to the audit trail, in the transaction of the change,
 * with the request's id so that the trail can be filtered by request, and the values it
 * changed. An assignee is kept as the staff user's name and id, as they were at the time.
 */
@Component
public class RequestAuditor {

	public static final String TARGET = "REQUEST";

	private final AuditLog auditLog;

	private final StaffUserRepository staff;

	RequestAuditor(AuditLog auditLog, StaffUserRepository staff) {
		this.auditLog = auditLog;
		this.staff = staff;
	}

	@EventListener
	void on(RequestActivity activity) {
		String details = (activity.details() != null) ? activity.reference() + ": " + activity.details()
				: activity.reference();
		List<Change> changes = activity.changes().stream().map(this::labelled).toList();
		this.auditLog.recordAboutRequest(activity.requestId(), activity.actor(), "REQUEST_" + activity.action(), TARGET,
				activity.requestId(), details, changes);
	}

	private Change labelled(Change change) {
		if (!DsrRequest.ASSIGNEE.equals(change.field())) {
			return change;
		}
		return new Change(change.field(), staffLabel(change.before()), staffLabel(change.after()));
	}

	/**
	 * A staff user as the trail shows them: name and id, such as {@code Ada Berg (#12)}.
	 */
	private String staffLabel(String id) {
		if (id == null) {
			return null;
		}
		return this.staff.findById(Long.valueOf(id))
			.map((user) -> user.getDisplayName() + " (#" + id + ")")
			.orElse("#" + id);
	}

}
