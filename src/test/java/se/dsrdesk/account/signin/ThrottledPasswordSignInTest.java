package se.dsrdesk.account.signin;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.util.ReflectionTestUtils;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.account.mfa.MfaRequirement;
import se.dsrdesk.system.ApiCall;
import se.dsrdesk.system.SignInThrottledException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The same work for unknown, deactivated and existing accounts (OWASP ASVS 5.0 V6.3.8): a
 * name and address that must wait is refused before any account is looked up or password
 * checked; otherwise exactly one password check is made for every name, a deactivated
 * account's included, and only then is the account's state looked at.
 */
class ThrottledPasswordSignInTest {

	final AtomicInteger checks = new AtomicInteger();

	final PasswordEncoder counting = new PasswordEncoder() {

		@Override
		public String encode(CharSequence rawPassword) {
			return NoOpPasswordEncoder.getInstance().encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			ThrottledPasswordSignInTest.this.checks.incrementAndGet();
			return ("{noop}" + rawPassword).equals(encodedPassword);
		}

	};

	final SignInGuard guard = mock(SignInGuard.class);

	final ThrottledPasswordSignIn signIn = new ThrottledPasswordSignIn(this.guard, this.counting, (event) -> {
	}, MfaRequirement.ADMINS);

	static Authentication attempt(String email, String password, String address) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(email,
				password);
		token.setDetails(new ApiCall(address));
		return token;
	}

	@Test
	@DisplayName("A name that must wait is refused before any look-up or password check, whether it exists or not")
	void aWaitingNameIsRefusedUpFront() {
		given(this.guard.secondsToWait(anyString(), anyString())).willReturn(42L);
		for (String email : new String[] { "user-1@example.com", "nobody@example.com" }) {
			assertThatExceptionOfType(SignInThrottledException.class)
				.isThrownBy(() -> this.signIn.authenticate(attempt(email, "guess", "203.0.113.9")))
				.satisfies((ex) -> assertThat(ex.retryAfterSeconds()).isEqualTo(42));
		}
		verify(this.guard, never()).loadUserByUsername(anyString());
		assertThat(this.checks).hasValue(0);
	}

	@Test
	@DisplayName("A wrong password, an unknown name and a deactivated account each cost one check and give the same answer")
	void oneCheckForEveryName() {
		StaffUser active = TestAccounts.user(1, Role.CASE_HANDLER);
		given(this.guard.loadUserByUsername("user-1@example.com")).willReturn(StaffPrincipal.of(active, false));
		given(this.guard.loadUserByUsername("nobody@example.com")).willThrow(new UsernameNotFoundException("none"));
		StaffUser inactive = TestAccounts.user(2, Role.CASE_HANDLER);
		ReflectionTestUtils.setField(inactive, "active", false);
		given(this.guard.loadUserByUsername("user-2@example.com")).willReturn(StaffPrincipal.of(inactive, false));

		for (String email : new String[] { "user-1@example.com", "nobody@example.com", "user-2@example.com" }) {
			int before = this.checks.get();
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> this.signIn.authenticate(attempt(email, "not the password", "203.0.113.9")));
			assertThat(this.checks.get() - before).as(email).isEqualTo(1);
			verify(this.guard).recordFailure(email, "203.0.113.9");
		}
	}

	@Test
	@DisplayName("The right password signs in and forgets that address's failures at that name")
	void successForgetsTheFailures() {
		StaffUser active = TestAccounts.user(3, Role.CASE_HANDLER);
		given(this.guard.loadUserByUsername("user-3@example.com")).willReturn(StaffPrincipal.of(active, false));
		Authentication result = this.signIn
			.authenticate(attempt("user-3@example.com", TestAccounts.PASSWORD, "198.51.100.7"));
		assertThat(result.isAuthenticated()).isTrue();
		verify(this.guard).succeeded("user-3@example.com", "198.51.100.7");
		verify(this.guard, never()).recordFailure(anyString(), anyString());
	}

	@Test
	@DisplayName("HTTP Basic on the API is refused to an account that must show a second factor (an admin by default); the form is not")
	void basicIsNoWayAroundTheSecondFactor() {
		StaffUser admin = TestAccounts.user(4, Role.ADMIN, Role.CASE_HANDLER);
		given(this.guard.loadUserByUsername("user-4@example.com")).willReturn(StaffPrincipal.of(admin, false));
		assertThatExceptionOfType(InsufficientAuthenticationException.class).isThrownBy(
				() -> this.signIn.authenticate(attempt("user-4@example.com", TestAccounts.PASSWORD, "192.0.2.4")));
		verify(this.guard, never()).recordFailure(anyString(), anyString());

		UsernamePasswordAuthenticationToken form = UsernamePasswordAuthenticationToken
			.unauthenticated("user-4@example.com", TestAccounts.PASSWORD);
		assertThat(this.signIn.authenticate(form).isAuthenticated()).isTrue();

		ThrottledPasswordSignIn noSecondFactor = new ThrottledPasswordSignIn(this.guard, this.counting, (event) -> {
		}, MfaRequirement.NONE);
		assertThat(noSecondFactor.authenticate(attempt("user-4@example.com", TestAccounts.PASSWORD, "192.0.2.4"))
			.isAuthenticated()).isTrue();
	}

	@Test
	void onlyEmailAndPasswordAreItsBusiness() {
		assertThat(this.signIn.supports(UsernamePasswordAuthenticationToken.class)).isTrue();
		assertThat(this.signIn.supports(Authentication.class)).isFalse();
		assertThat(ThrottledPasswordSignIn.clientAddress(null)).isEqualTo("unknown");
		assertThat(ThrottledPasswordSignIn.clientAddress(new ApiCall("192.0.2.1"))).isEqualTo("192.0.2.1");
	}

}
