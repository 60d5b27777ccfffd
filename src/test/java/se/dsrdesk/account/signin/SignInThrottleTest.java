package se.dsrdesk.account.signin;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting failed sign-ins at one login name from one client address (OWASP ASVS 5.0
 * V6.3.1, NIST SP 800-63B 5.2.2: rate limiting without a lock-out anyone can trigger): a
 * few free failures, then waits that double at each failure up to a cap, and failures
 * forgotten a while after the last.
 */
class SignInThrottleTest {

	static final SignInProperties PROPERTIES = new SignInProperties(3, Duration.ofSeconds(5), Duration.ofMinutes(15),
			Duration.ofHours(24), 30);

	static final Instant START = Instant.parse("2026-11-02T10:00:00Z");

	final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Key("name", "address"));

	@Nested
	@DisplayName("Within the free failures")
	class Free {

		@Test
		void noWait() {
			assertThat(SignInThrottleTest.this.throttle.recordFailure(START, PROPERTIES)).isZero();
			assertThat(SignInThrottleTest.this.throttle.recordFailure(START.plusSeconds(1), PROPERTIES)).isZero();
			assertThat(SignInThrottleTest.this.throttle.isBlocked(START.plusSeconds(1))).isFalse();
			assertThat(SignInThrottleTest.this.throttle.getBlockedUntil()).isNull();
		}

	}

	@Nested
	@DisplayName("Past the free failures")
	class Growing {

		@Test
		void eachFailureDoublesTheWaitUpToTheCap() {
			Instant now = START;
			Duration last = Duration.ZERO;
			for (int i = 1; i <= 20; i++) {
				last = SignInThrottleTest.this.throttle.recordFailure(now, PROPERTIES);
				if (i == 3) {
					assertThat(last).isEqualTo(Duration.ofSeconds(5));
				}
				if (i == 4) {
					assertThat(last).isEqualTo(Duration.ofSeconds(10));
				}
				if (i == 7) {
					assertThat(last).isEqualTo(Duration.ofSeconds(80));
				}
				assertThat(SignInThrottleTest.this.throttle.getBlockedUntil())
					.isEqualTo(last.isZero() ? null : now.plus(last));
				now = now.plus(last);
			}
			assertThat(last).isEqualTo(Duration.ofMinutes(15));
			assertThat(SignInThrottleTest.this.throttle.getFailures()).isEqualTo(20);
		}

		@Test
		void theWaitHoldsUntilItsEnd() {
			for (int i = 0; i < 3; i++) {
				SignInThrottleTest.this.throttle.recordFailure(START, PROPERTIES);
			}
			Instant end = SignInThrottleTest.this.throttle.getBlockedUntil();
			assertThat(end).isEqualTo(START.plusSeconds(5));
			assertThat(SignInThrottleTest.this.throttle.isBlocked(end.minusMillis(1))).isTrue();
			assertThat(SignInThrottleTest.this.throttle.isBlocked(end)).isFalse();
		}

		@Test
		void aHugeCountStaysAtTheCap() {
			assertThat(PROPERTIES.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
			assertThat(PROPERTIES.delayAfter(45)).isEqualTo(Duration.ofMinutes(15));
		}

	}

	@Nested
	@DisplayName("After a quiet while")
	class Forgotten {

		@Test
		void failuresAreForgottenAfterTheConfiguredTime() {
			for (int i = 0; i < 5; i++) {
				SignInThrottleTest.this.throttle.recordFailure(START, PROPERTIES);
			}
			Instant later = START.plus(Duration.ofHours(24));
			assertThat(SignInThrottleTest.this.throttle.recordFailure(later, PROPERTIES)).isZero();
			assertThat(SignInThrottleTest.this.throttle.getFailures()).isEqualTo(1);
			assertThat(SignInThrottleTest.this.throttle.isBlocked(later)).isFalse();
		}

		@Test
		void butNotBefore() {
			for (int i = 0; i < 3; i++) {
				SignInThrottleTest.this.throttle.recordFailure(START, PROPERTIES);
			}
			assertThat(SignInThrottleTest.this.throttle.recordFailure(START.plus(Duration.ofHours(23)), PROPERTIES))
				.isEqualTo(Duration.ofSeconds(10));
		}

	}

}
