package se.dsrdesk.account.signin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import se.dsrdesk.account.mfa.MfaRequirement;
import se.dsrdesk.system.ApiCall;
import se.dsrdesk.system.SignInThrottledException;

/**
 * Email and password, from the sign-in form and from HTTP Basic on the API alike: Spring
 * Security's {@link DaoAuthenticationProvider}, behind the {@link SignInGuard}'s
 * throttle.
 * <ul>
 * <li>A name and address that must wait, or an address over its limit, is refused before
 * any account is looked up or password checked: the same for every name, existing or
 * not.</li>
 * <li>Otherwise the password is checked first, for every name (an unknown name against a
 * dummy hash), and only then whether the account is active, so that a deactivated account
 * answers in the same time as a wrong password.</li>
 * <li>A failure is counted for the name and the address; a success forgets that address's
 * failures at that name.</li>
 * </ul>
 * Being the only {@link AuthenticationProvider} bean, it is the one Spring Security's
 * shared authentication manager uses.
 */
@Component
class ThrottledPasswordSignIn implements AuthenticationProvider {

	private final SignInGuard guard;

	private final DaoAuthenticationProvider passwords;

	private final ApplicationEventPublisher events;

	private final MfaRequirement secondFactor;

	ThrottledPasswordSignIn(SignInGuard guard, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
			@Value("${dsr.security.mfa.required:ADMINS}") MfaRequirement secondFactor) {
		this.guard = guard;
		this.events = events;
		this.secondFactor = secondFactor;
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(guard);
		provider.setPasswordEncoder(passwordEncoder);
		provider.setUserDetailsPasswordService(guard);
		provider.setPreAuthenticationChecks((user) -> {
		});
		provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		this.passwords = provider;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String email = authentication.getName();
		String client = clientAddress(authentication.getDetails());
		long wait = this.guard.secondsToWait(email, client);
		if (wait > 0) {
			SignInThrottledException refused = new SignInThrottledException(wait);
			// Spring Security's event publisher maps exceptions by their exact class, so
			// it would announce nothing for this one: announce it here, for the audit.
			this.events.publishEvent(new AuthenticationFailureLockedEvent(authentication, refused));
			throw refused;
		}
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (AuthenticationServiceException ex) {
			// The database did not answer: not the caller's fault, nothing to count.
			throw ex;
		}
		catch (AuthenticationException ex) {
			this.guard.recordFailure(email, client);
			throw ex;
		}
		this.guard.succeeded(email, client);
		if (authentication.getDetails() instanceof ApiCall && this.secondFactor.appliesTo(result)) {
			// HTTP Basic on the API is a password alone: an account that must show a
			// second
			// factor calls the API with a personal token, made on a page behind that
			// factor.
			throw new InsufficientAuthenticationException(
					"This account signs in with a second factor: call the API with a personal API token");
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * The client's address, as the sign-in form's or the API's authentication details
	 * hold it (the proxy's client when {@code server.forward-headers-strategy} trusts
	 * it).
	 */
	static String clientAddress(Object details) {
		if (details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
			return web.getRemoteAddress();
		}
		if (details instanceof ApiCall api && api.remoteAddress() != null) {
			return api.remoteAddress();
		}
		return "unknown";
	}

}
