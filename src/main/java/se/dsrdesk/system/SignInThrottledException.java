package se.dsrdesk.system;

import org.springframework.security.authentication.LockedException;

/**
 * A sign-in (the form or HTTP Basic) refused before its password was checked, because its
 * client address failed too often lately, at that name or at all. The sign-in page asks
 * the person to wait; the API answers 429 with {@code Retry-After}.
 */
public class SignInThrottledException extends LockedException {

	private final long retryAfterSeconds;

	/**
	 * A refusal.
	 * @param retryAfterSeconds the seconds until the next try may be made
	 */
	public SignInThrottledException(long retryAfterSeconds) {
		super("Too many failed sign-ins from this address");
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	/**
	 * When to try again.
	 * @return the seconds until the next try may be made, at least 1
	 */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
