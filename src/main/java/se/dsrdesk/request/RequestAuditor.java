package se.dsrdesk.request;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.dsrdesk.audit.AuditLog;

/**
 * Writes every request activity to the audit trail, in the transaction of the change.
 */
@Component
class RequestAuditor {

	static final String TARGET = "REQUEST";

	private final AuditLog auditLog;

	RequestAuditor(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void on(RequestActivity activity) {
		String details = (activity.details() != null) ? activity.reference() + ": " + activity.details()
				: activity.reference();
		this.auditLog.record(activity.actor(), "REQUEST_" + activity.action(), TARGET, activity.requestId(), details);
	}

}
