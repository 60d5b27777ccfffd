package se.dsrdesk.account.mfa;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.stereotype.Component;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;

/**
 * Writes the use of second factors to the audit trail, naming the staff member by id
 * only: a code by email, a passkey or a recovery code accepted, or refused.
 */
@Component
class SecondFactorAuditListener {

	private final AuditLog auditLog;

	SecondFactorAuditListener(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		if (!(authentication.getPrincipal() instanceof StaffPrincipal principal) || principal.id() == null) {
			return;
		}
		String action = null;
		for (var authority : authentication.getAuthorities()) {
			switch (String.valueOf(authority.getAuthority())) {
				case FactorGrantedAuthority.OTT_AUTHORITY -> action = "MFA_EMAIL_CODE_USED";
				case FactorGrantedAuthority.WEBAUTHN_AUTHORITY -> action = "MFA_PASSKEY_USED";
				case SecondFactors.RECOVERY_CODE_AUTHORITY -> action = "MFA_RECOVERY_CODE_USED";
				default -> {
				}
			}
			if (action != null) {
				break;
			}
		}
		if (action != null) {
			this.auditLog.record(MfaAudit.actor(principal.id()), action, "STAFF_USER", principal.id(), null);
		}
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		String action;
		if (attempt instanceof OneTimeTokenAuthenticationToken) {
			action = "MFA_EMAIL_CODE_REFUSED";
		}
		else if (attempt instanceof WebAuthnAuthenticationRequestToken) {
			action = "MFA_PASSKEY_REFUSED";
		}
		else if (attempt instanceof RecoveryCodeAuthentication.Request) {
			action = "MFA_RECOVERY_CODE_REFUSED";
		}
		else {
			return;
		}
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof StaffPrincipal principal && principal.id() != null) {
			this.auditLog.record(MfaAudit.actor(principal.id()), action, "STAFF_USER", principal.id(), null);
		}
		else {
			this.auditLog.record(Actor.UNKNOWN, action, "STAFF_USER", null, null);
		}
	}

}
