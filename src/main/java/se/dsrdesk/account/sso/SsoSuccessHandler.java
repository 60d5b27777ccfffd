package se.dsrdesk.account.sso;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.mfa.MfaAudit;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.EmailAddresses;

/**
 * After a successful sign-on, holds the staff member as the pages know them
 * ({@code StaffPrincipal}, with the roles given in DSR Desk) plus the provider's factor
 * ({@code FACTOR_AUTHORIZATION_CODE}), audits the sign-on by account id, and goes on to
 * the page first asked for.
 */
class SsoSuccessHandler implements AuthenticationSuccessHandler {

	private final UserDetailsService userDetails;

	private final AuditLog auditLog;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

	SsoSuccessHandler(UserDetailsService userDetails, AuditLog auditLog) {
		this.userDetails = userDetails;
		this.auditLog = auditLog;
		this.next.setDefaultTargetUrl("/staff");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		OidcUser user = (OidcUser) authentication.getPrincipal();
		UserDetails staff = this.userDetails.loadUserByUsername(EmailAddresses.normalise(user.getEmail()));
		if (!(staff instanceof StaffPrincipal principal) || !staff.isEnabled() || !staff.isAccountNonLocked()) {
			SecurityContextHolder.clearContext();
			this.contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
			response.sendRedirect(request.getContextPath() + "/login?ssoError");
			return;
		}
		List<GrantedAuthority> authorities = new ArrayList<>(staff.getAuthorities());
		// Spring Security's OIDC login does not add the factor itself (its plain OAuth
		// 2.0
		// login does): the provider's sign-in is the authorization code factor.
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
		UsernamePasswordAuthenticationToken staffAuthentication = UsernamePasswordAuthenticationToken
			.authenticated(principal, null, authorities);
		staffAuthentication.setDetails(authentication.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(staffAuthentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.auditLog.record(MfaAudit.actor(principal.id()), "SSO_SIGN_IN", "STAFF_USER", principal.id(), null);
		this.next.onAuthenticationSuccess(request, response, staffAuthentication);
	}

}
