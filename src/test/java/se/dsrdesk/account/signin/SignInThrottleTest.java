package se.dsrdesk.account.signin;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.dsrdesk.account.signin.SignInThrottle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting failed sign-ins for one login name: five in a row lock it for fifteen minutes,
 * a lock runs out, and old failures are forgotten.
 */
class SignInThrottleTest {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK = Duration.ofMinutes(15);

	static final Instant START = Instant.parse("2026-11-02T10:00:00Z");

	final SignInThrottle throttle = new SignInThrottle("key");

	/**
	 * Fails {@code times} times, a second apart, from {@code start}.
	 * @return whether the last failure locked the name
	 */
	boolean fail(int times, Instant start) {
		boolean locked = false;
		for (int i = 0; i < times; i++) {
			locked = this.throttle.recordFailure(start.plusSeconds(i), MAX_FAILURES, LOCK);
		}
		return locked;
	}

	@Nested
	class BelowTheLimit {

		@Test
		void failuresCountUp() {
			for (int i = 1; i < MAX_FAILURES; i++) {
				assertThat(SignInThrottleTest.this.throttle.recordFailure(START.plusSeconds(i), MAX_FAILURES, LOCK))
					.isFalse();
				assertThat(SignInThrottleTest.this.throttle.getFailures()).isEqualTo(i);
			}
		}

		@Test
		void theNameIsNotLocked() {
			fail(MAX_FAILURES - 1, START);
			assertThat(SignInThrottleTest.this.throttle.isLocked(START.plusSeconds(10))).isFalse();
			assertThat(SignInThrottleTest.this.throttle.getLockedUntil()).isNull();
		}

	}

	@Nested
	class AtTheLimit {

		@Test
		void theFailureThatReachesTheLimitLocks() {
			assertThat(fail(MAX_FAILURES, START)).isTrue();
			Instant last = START.plusSeconds(MAX_FAILURES - 1);
			assertThat(SignInThrottleTest.this.throttle.getLockedUntil()).isEqualTo(last.plus(LOCK));
			assertThat(SignInThrottleTest.this.throttle.isLocked(last)).isTrue();
		}

		@Test
		void aConfiguredLimitIsHonoured() {
			assertThat(SignInThrottleTest.this.throttle.recordFailure(START, 2, LOCK)).isFalse();
			assertThat(SignInThrottleTest.this.throttle.recordFailure(START.plusSeconds(1), 2, LOCK)).isTrue();
		}

		@Test
		void furtherFailuresDoNotExtendTheLock() {
			fail(MAX_FAILURES, START);
			Instant lockedUntil = SignInThrottleTest.this.throttle.getLockedUntil();
			assertThat(SignInThrottleTest.this.throttle.recordFailure(START.plusSeconds(60), MAX_FAILURES, LOCK))
				.isFalse();
			assertThat(SignInThrottleTest.this.throttle.getLockedUntil()).isEqualTo(lockedUntil);
		}

	}

	@Nested
	class AfterALock {

		@Test
		void theLockHoldsUntilItsEnd() {
			fail(MAX_FAILURES, START);
			Instant end = SignInThrottleTest.this.throttle.getLockedUntil();
			assertThat(SignInThrottleTest.this.throttle.isLocked(end.minusSeconds(1))).isTrue();
			assertThat(SignInThrottleTest.this.throttle.isLocked(end)).isFalse();
		}

		@Test
		void aFailureAfterTheLockEndedStartsCountingAfresh() {
			fail(MAX_FAILURES, START);
			Instant end = SignInThrottleTest.this.throttle.getLockedUntil();
			assertThat(SignInThrottleTest.this.throttle.recordFailure(end, MAX_FAILURES, LOCK)).isFalse();
			assertThat(SignInThrottleTest.this.throttle.getFailures()).isEqualTo(1);
			assertThat(SignInThrottleTest.this.throttle.isLocked(end)).isFalse();
			assertThat(SignInThrottleTest.this.throttle.getLockedUntil()).isNull();
		}

	}

	@Nested
	class OldFailures {

		@Test
		void areForgottenOnceTheLockDurationHasPassedSinceTheLast() {
			fail(MAX_FAILURES - 1, START);
			Instant later = START.plusSeconds(MAX_FAILURES - 2).plus(LOCK).plusSeconds(1);
			assertThat(SignInThrottleTest.this.throttle.recordFailure(later, MAX_FAILURES, LOCK)).isFalse();
			assertThat(SignInThrottleTest.this.throttle.getFailures()).isEqualTo(1);
		}

		@Test
		void stillCountWithinTheLockDuration() {
			fail(MAX_FAILURES - 1, START);
			Instant later = START.plusSeconds(MAX_FAILURES - 2).plus(LOCK);
			assertThat(SignInThrottleTest.this.throttle.recordFailure(later, MAX_FAILURES, LOCK)).isTrue();
		}

	}

}
