package se.dsrdesk.account.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in protection: growing delays per login name and client address, and a limit per
 * client address (docs/staff-sign-in.md).
 *
 * @param freeFailures failed sign-ins at one name from one address before the next try
 * from there must wait
 * @param firstDelay the wait after the first failure past the free ones; each further
 * failure doubles it
 * @param maxDelay the longest wait
 * @param forgetAfter failures at a name from an address are forgotten this long after the
 * last one
 * @param failuresPerAddressPerHour failed sign-ins (any names) per client address and
 * hour; then every sign-in from that address is refused until the count recovers
 */
@ConfigurationProperties("dsr.security.sign-in")
record SignInProperties(@DefaultValue("3") int freeFailures, @DefaultValue("5s") Duration firstDelay,
		@DefaultValue("15m") Duration maxDelay, @DefaultValue("24h") Duration forgetAfter,
		@DefaultValue("30") int failuresPerAddressPerHour) {

	/**
	 * The wait before the next try, after so many failures in a row.
	 * @param failures the failures counted, the last one included
	 * @return zero while the failures are within the free ones, then the first delay
	 * doubled for each further failure, at most the longest wait
	 */
	Duration delayAfter(int failures) {
		if (failures < this.freeFailures) {
			return Duration.ZERO;
		}
		int doublings = failures - this.freeFailures;
		if (doublings >= 40) {
			return this.maxDelay;
		}
		Duration delay = this.firstDelay.multipliedBy(1L << doublings);
		return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
	}

}
