package se.dsrdesk.account.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.system.EmailAddresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A locked name costs one password check, as an account with a wrong password and an
 * unknown name do (which Spring Security checks against a dummy hash), so that the time
 * of the answer does not tell existing accounts from unknown ones (OWASP ASVS 5.0
 * V6.3.8).
 */
class SignInGuardTimingTest {

	static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

	final AtomicInteger checks = new AtomicInteger();

	final PasswordEncoder counting = new PasswordEncoder() {

		@Override
		public String encode(CharSequence rawPassword) {
			return NoOpPasswordEncoder.getInstance().encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			SignInGuardTimingTest.this.checks.incrementAndGet();
			return false;
		}

	};

	final StaffUserRepository users = mock(StaffUserRepository.class);

	final SignInThrottleRepository throttles = mock(SignInThrottleRepository.class);

	final SignInGuard guard = new SignInGuard(this.users, this.throttles,
			new SignInProperties(5, Duration.ofMinutes(15)), null, Clock.fixed(NOW, ZoneOffset.UTC), this.counting);

	void lock(String email) {
		SignInThrottle throttle = new SignInThrottle(EmailAddresses.digest(email));
		for (int i = 0; i < 5; i++) {
			throttle.recordFailure(NOW.minusSeconds(10 - i), 5, Duration.ofMinutes(15));
		}
		given(this.throttles.findById(EmailAddresses.digest(email))).willReturn(Optional.of(throttle));
	}

	@Test
	@DisplayName("A locked unknown name spends one password check, then answers as a locked account")
	void aLockedUnknownNameSpendsOneCheck() {
		lock("nobody@example.com");
		StaffPrincipal principal = (StaffPrincipal) this.guard.loadUserByUsername("nobody@example.com");
		assertThat(principal.isAccountNonLocked()).isFalse();
		assertThat(this.checks).hasValue(1);
	}

	@Test
	@DisplayName("An unlocked name spends none here: Spring Security checks its password (or a dummy hash)")
	void anUnlockedNameSpendsNoneHere() {
		assertThatExceptionOfType(UsernameNotFoundException.class)
			.isThrownBy(() -> this.guard.loadUserByUsername("nobody@example.com"));
		assertThat(this.checks).hasValue(0);
	}

}
