package se.dsrdesk.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The one rate limiter: each named limit counts per client address, refuses with the
 * seconds to wait once the hour's allowance is used up, and is defined once.
 */
class RateLimiterTest {

	private final RateLimiter limiter = new RateLimiter();

	@Test
	void allowsTheHourlyAllowancePerClientThenSaysHowLongToWait() {
		RateLimiter.Limit limit = this.limiter.hourly("test", 2, 100);
		assertThat(limit.tryConsume("192.0.2.1")).isZero();
		assertThat(limit.tryConsume("192.0.2.1")).isZero();
		// Two an hour: the next comes back in about half an hour.
		assertThat(limit.tryConsume("192.0.2.1")).isBetween(1L, 1800L);
		assertThat(limit.tryConsume("192.0.2.2")).isZero();
	}

	@Test
	void countsEventsThatHappenedAnywayAndTellsWhetherAClientIsBlockedWithoutCounting() {
		RateLimiter.Limit limit = this.limiter.hourly("failures", 2, 100);
		assertThat(limit.secondsBlocked("192.0.2.1")).isZero();
		limit.record("192.0.2.1");
		assertThat(limit.secondsBlocked("192.0.2.1")).isZero();
		assertThat(limit.secondsBlocked("192.0.2.1")).isZero();
		limit.record("192.0.2.1");
		assertThat(limit.secondsBlocked("192.0.2.1")).isBetween(1L, 1800L);
		assertThat(limit.secondsBlocked("192.0.2.2")).isZero();
	}

	@Test
	void limitsAreNamedOnce() {
		this.limiter.hourly("downloads", 5, 100);
		assertThatIllegalStateException().isThrownBy(() -> this.limiter.hourly("downloads", 10, 100));
	}

	@Test
	void limitsCountSeparately() {
		RateLimiter.Limit submits = this.limiter.hourly("submits", 1, 100);
		RateLimiter.Limit links = this.limiter.hourly("links", 1, 100);
		assertThat(submits.tryConsume("192.0.2.1")).isZero();
		assertThat(links.tryConsume("192.0.2.1")).isZero();
		assertThat(submits.tryConsume("192.0.2.1")).isPositive();
	}

}
