package se.dsrdesk.account.signin;

import java.time.Duration;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.mfa.MfaAudit;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.RateLimiter;
import se.dsrdesk.system.SecurityRefusal;

/**
 * Writes security events besides sign-ins to the audit trail, naming the staff member by
 * account id only: refused access (403) to a signed-in staff member, page or API; API
 * calls refused because their address failed to authenticate too often (429), at most one
 * line a minute per address so that a flood cannot fill the trail; sign-outs.
 */
@Component
class SecurityEventAudit {

	private final AuditLog auditLog;

	private final RateLimiter.Limit refusalLines;

	SecurityEventAudit(AuditLog auditLog, RateLimiter limiter) {
		this.auditLog = auditLog;
		this.refusalLines = limiter.limit("audit-too-many-requests", 1, Duration.ofMinutes(1), 10_000);
	}

	@EventListener
	void onRefusal(SecurityRefusal refusal) {
		Long id = staffUserId(refusal.authentication());
		String details = refusal.channel() + " " + refusal.method() + " " + refusal.path();
		if (refusal.status() == 403) {
			if (id != null) {
				this.auditLog.record(MfaAudit.actor(id), "ACCESS_DENIED", "STAFF_USER", id, details);
			}
			return;
		}
		if (refusal.status() == 429 && this.refusalLines.tryConsume(refusal.client()) == 0) {
			this.auditLog.record((id != null) ? MfaAudit.actor(id) : Actor.UNKNOWN, "RATE_LIMITED", "STAFF_USER", id,
					details);
		}
	}

	@EventListener
	void onSignOut(LogoutSuccessEvent event) {
		Long id = staffUserId(event.getAuthentication());
		if (id != null) {
			this.auditLog.record(MfaAudit.actor(id), "SIGNED_OUT", "STAFF_USER", id, null);
		}
	}

	private static Long staffUserId(Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
			return principal.id();
		}
		return null;
	}

}
