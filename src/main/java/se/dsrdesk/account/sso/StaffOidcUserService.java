package se.dsrdesk.account.sso;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.account.mfa.MfaAudit;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.EmailAddresses;

/**
 * Loads the signed-on person as Spring Security's OIDC support does, then admits them
 * only as an existing, active staff account whose address the provider has verified.
 * Refusals are audited by account id when one matches, without the address.
 */
class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();

	private final StaffUserRepository users;

	private final AuditLog auditLog;

	StaffOidcUserService(StaffUserRepository users, AuditLog auditLog) {
		this.users = users;
		this.auditLog = auditLog;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = this.delegate.loadUser(request);
		String email = user.getEmail();
		StaffUser account = (email != null) ? this.users.findByEmail(EmailAddresses.normalise(email)).orElse(null)
				: null;
		if (!Boolean.TRUE.equals(user.getEmailVerified())) {
			throw refused(account, "SSO_REFUSED_UNVERIFIED_EMAIL", "email_not_verified");
		}
		if (account == null) {
			throw refused(null, "SSO_REFUSED_NO_ACCOUNT", "no_account");
		}
		if (!account.isActive()) {
			throw refused(account, "SSO_REFUSED_DEACTIVATED", "account_deactivated");
		}
		return user;
	}

	private OAuth2AuthenticationException refused(StaffUser account, String action, String code) {
		Actor actor = (account != null) ? MfaAudit.actor(account.getId()) : Actor.UNKNOWN;
		this.auditLog.record(actor, action, "STAFF_USER", (account != null) ? account.getId() : null, null);
		return new OAuth2AuthenticationException(new OAuth2Error(code));
	}

}
