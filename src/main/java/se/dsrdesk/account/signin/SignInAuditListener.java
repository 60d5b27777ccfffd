package se.dsrdesk.account.signin;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.ApiCall;
import se.dsrdesk.system.EmailAddresses;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUserRepository;

/**
 * Writes sign-ins to the audit trail and counts failures. What was typed as a login name
 * is never stored unless it names an account.
 */
@Component
class SignInAuditListener {

	private final SignInGuard guard;

	private final StaffUserRepository users;

	private final AuditLog auditLog;

	SignInAuditListener(SignInGuard guard, StaffUserRepository users, AuditLog auditLog) {
		this.guard = guard;
		this.users = users;
		this.auditLog = auditLog;
	}

	/**
	 * A sign-in clears the failures and is audited. An API call with HTTP Basic
	 * authenticates on every request: it would write a line per call, so it is not.
	 */
	@EventListener
	@Transactional
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getDetails() instanceof ApiCall) {
			return;
		}
		if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
			this.guard.clear(principal.email());
			this.auditLog.record(principal.toActor(), "SIGN_IN", "STAFF_USER", principal.id(), null);
		}
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String email = EmailAddresses.normalise(event.getAuthentication().getName());
		Actor actor = this.users.findByEmail(email)
			.map((user) -> new Actor(user.getId(), user.getEmail()))
			.orElse(Actor.UNKNOWN);
		if (event.getException() instanceof LockedException) {
			this.auditLog.record(actor, "SIGN_IN_REFUSED_LOCKED", "STAFF_USER", actor.staffUserId(), null);
			return;
		}
		boolean lockedNow = this.guard.recordFailure(email);
		this.auditLog.record(actor, "SIGN_IN_FAILED", "STAFF_USER", actor.staffUserId(), null);
		if (lockedNow) {
			this.auditLog.record(actor, "SIGN_IN_LOCKED", "STAFF_USER", actor.staffUserId(), null);
		}
	}

}
