package se.dsrdesk.account.signin;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.account.mfa.MfaAudit;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.ApiCall;
import se.dsrdesk.system.EmailAddresses;
import se.dsrdesk.system.SignInThrottledException;

/**
 * Writes password sign-ins to the audit trail, naming the staff member by account id only
 * (never by what was typed): a sign-in with the client address it came from, a failure, a
 * refusal because the address must wait; for HTTP Basic on the API, failures and refusals
 * (a success would write a line per call, so it is not).
 */
@Component
class SignInAuditListener {

	private final StaffUserRepository users;

	private final AuditLog auditLog;

	SignInAuditListener(StaffUserRepository users, AuditLog auditLog) {
		this.users = users;
		this.auditLog = auditLog;
	}

	@EventListener
	@Transactional
	void onSuccess(AuthenticationSuccessEvent event) {
		Object details = event.getAuthentication().getDetails();
		if (details instanceof ApiCall || !(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
			return;
		}
		if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal && principal.id() != null) {
			this.auditLog.record(MfaAudit.actor(principal.id()), "SIGN_IN", "STAFF_USER", principal.id(),
					"from " + ThrottledPasswordSignIn.clientAddress(details));
		}
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt)) {
			return;
		}
		boolean api = attempt.getDetails() instanceof ApiCall;
		boolean throttled = event.getException() instanceof SignInThrottledException;
		String action = (api ? "API_" : "") + (throttled ? "SIGN_IN_THROTTLED" : "SIGN_IN_FAILED");
		Actor actor = this.users.findByEmail(EmailAddresses.normalise(attempt.getName()))
			.map((user) -> MfaAudit.actor(user.getId()))
			.orElse(Actor.UNKNOWN);
		this.auditLog.record(actor, action, "STAFF_USER", actor.staffUserId(), api ? "HTTP Basic" : null);
	}

}
