package se.dsrdesk.system.api;

import org.junit.jupiter.api.Test;

import se.dsrdesk.system.RateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed API authentications per client address: after the allowance an address is
 * refused for a while, others are not.
 */
class ApiAuthenticationThrottleTest {

	@Test
	void blocksAnAddressOnceItsFailuresAreUsedUp() {
		ApiAuthenticationThrottle throttle = new ApiAuthenticationThrottle(new RateLimiter(),
				new ApiProperties(3, 100, new ApiProperties.Idempotency(java.time.Duration.ofDays(1))));
		assertThat(throttle.secondsBlocked("192.0.2.1")).isZero();
		throttle.failed("192.0.2.1");
		throttle.failed("192.0.2.1");
		assertThat(throttle.secondsBlocked("192.0.2.1")).isZero();
		throttle.failed("192.0.2.1");
		// Three an hour: the next comes back in about twenty minutes.
		assertThat(throttle.secondsBlocked("192.0.2.1")).isBetween(1L, 1200L);
		assertThat(throttle.secondsBlocked("192.0.2.2")).isZero();
	}

}
