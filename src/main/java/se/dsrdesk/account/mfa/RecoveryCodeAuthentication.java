package se.dsrdesk.account.mfa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationConverter;

import se.dsrdesk.account.StaffPrincipal;

/**
 * A recovery code as a second factor: the converter reads it from the second-factor
 * page's form, the provider uses it up for the staff member signed in with the first
 * factor and adds {@value SecondFactors#RECOVERY_CODE_AUTHORITY}.
 */
final class RecoveryCodeAuthentication implements AuthenticationProvider, AuthenticationConverter {

	static final String PARAMETER = "recoveryCode";

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private final RecoveryCodes codes;

	RecoveryCodeAuthentication(RecoveryCodes codes) {
		this.codes = codes;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		String code = request.getParameter(PARAMETER);
		return new Request((code != null) ? code : "");
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null || !TRUST.isFullyAuthenticated(current)
				|| !(current.getPrincipal() instanceof StaffPrincipal principal)) {
			throw new BadCredentialsException("No first factor");
		}
		if (!this.codes.use(principal.id(), (String) authentication.getCredentials())) {
			throw new BadCredentialsException("Not a valid recovery code");
		}
		List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(SecondFactors.RECOVERY_CODE_AUTHORITY));
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				authorities);
		result.setDetails(current.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return Request.class.isAssignableFrom(authentication);
	}

	/** The code as typed, not yet checked. */
	static final class Request extends AbstractAuthenticationToken {

		private final String code;

		Request(String code) {
			super((Collection<? extends GrantedAuthority>) null);
			this.code = code;
		}

		@Override
		public Object getCredentials() {
			return this.code;
		}

		@Override
		public Object getPrincipal() {
			return null;
		}

	}

}
