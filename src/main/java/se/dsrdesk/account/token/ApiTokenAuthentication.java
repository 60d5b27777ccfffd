package se.dsrdesk.account.token;

import java.util.Collection;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.transaction.TransactionException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.stereotype.Component;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;

/**
 * Reads a personal API token from {@code Authorization: Bearer ...} and authenticates it,
 * for Spring Security's generic {@code AuthenticationFilter} in the API's filter chain.
 * It is deliberately not an {@code AuthenticationProvider} bean: one of those would
 * replace the sign-in's user details service in the global authentication manager.
 */
@Component
class ApiTokenAuthentication implements AuthenticationConverter, AuthenticationManagerResolver<HttpServletRequest> {

	private static final String BEARER = "bearer ";

	private final ApiTokens tokens;

	private final AuditLog auditLog;

	ApiTokenAuthentication(ApiTokens tokens, AuditLog auditLog) {
		this.tokens = tokens;
		this.auditLog = auditLog;
	}

	/**
	 * The token sent, if the request carries one.
	 * @return an unauthenticated token, or {@code null} without a Bearer header (HTTP
	 * Basic may still follow)
	 */
	@Override
	public Authentication convert(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.length() < BEARER.length()
				|| !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		String secret = header.substring(BEARER.length()).strip();
		if (secret.isEmpty()) {
			throw new BadCredentialsException("Empty bearer token");
		}
		return new Token(secret);
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		return (authentication) -> {
			String secret = (String) authentication.getCredentials();
			StaffPrincipal principal;
			try {
				principal = this.tokens.authenticate(secret).orElse(null);
			}
			catch (DataAccessException | TransactionException ex) {
				// Not the caller's fault: answered 503, and not counted as a failure.
				throw new AuthenticationServiceException("API tokens could not be read", ex);
			}
			if (principal == null) {
				// Whose token it was is not known (only a digest is stored, and the
				// caller
				// may have made it up): the line names nobody. The API's limit per
				// address
				// bounds how many such lines a client can cause.
				this.auditLog.record(Actor.UNKNOWN, "API_TOKEN_REFUSED", "API_TOKEN", null, null);
				throw new BadCredentialsException("Unknown, revoked or expired API token");
			}
			return new Token(principal, principal.getAuthorities());
		};
	}

	/**
	 * A Bearer token: before authentication it holds the secret, after it the staff user.
	 */
	static final class Token extends AbstractAuthenticationToken {

		private static final long serialVersionUID = 1L;

		private final transient Object principal;

		private transient String secret;

		Token(String secret) {
			super((Collection<? extends GrantedAuthority>) null);
			this.principal = null;
			this.secret = secret;
		}

		Token(StaffPrincipal principal, Collection<? extends GrantedAuthority> authorities) {
			super(authorities);
			this.principal = principal;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return this.secret;
		}

		@Override
		public Object getPrincipal() {
			return this.principal;
		}

		@Override
		public void eraseCredentials() {
			super.eraseCredentials();
			this.secret = null;
		}

	}

}
