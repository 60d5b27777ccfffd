package se.dsrdesk.account.signin;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * Failed sign-ins at one login name from one client address, keyed by digests of both so
 * that nothing typed and no address is stored. After a few free failures each further one
 * makes the next try from that address at that name wait, twice as long each time up to a
 * cap. Tries from other addresses are not delayed: whoever fails from elsewhere cannot
 * keep the account's owner out. It applies alike to names with and without an account.
 */
@Entity
@Table(name = "sign_in_throttle")
@IdClass(SignInThrottle.Key.class)
public class SignInThrottle {

	@Id
	@Column(name = "login_key")
	private String loginKey;

	@Id
	@Column(name = "client_key")
	private String clientKey;

	@Column(nullable = false)
	private int failures;

	@Column(name = "last_failure_at", nullable = false)
	private Instant lastFailureAt;

	@Column(name = "blocked_until")
	private Instant blockedUntil;

	protected SignInThrottle() {
	}

	SignInThrottle(Key key) {
		this.loginKey = key.loginKey();
		this.clientKey = key.clientKey();
	}

	/**
	 * Counts a failure. Failures older than {@code forgetAfter} no longer count.
	 * @param now the time of the failure
	 * @param properties the free failures and the delays
	 * @return how long the next try must wait, zero when it need not
	 */
	Duration recordFailure(Instant now, SignInProperties properties) {
		if (this.lastFailureAt != null && !this.lastFailureAt.plus(properties.forgetAfter()).isAfter(now)) {
			this.failures = 0;
		}
		this.failures++;
		this.lastFailureAt = now;
		Duration delay = properties.delayAfter(this.failures);
		this.blockedUntil = delay.isZero() ? null : now.plus(delay);
		return delay;
	}

	boolean isBlocked(Instant now) {
		return this.blockedUntil != null && this.blockedUntil.isAfter(now);
	}

	Instant getBlockedUntil() {
		return this.blockedUntil;
	}

	int getFailures() {
		return this.failures;
	}

	/**
	 * The key: digests of the login name and of the client address.
	 *
	 * @param loginKey SHA-256 of the normalised login name
	 * @param clientKey SHA-256 of the client address
	 */
	record Key(String loginKey, String clientKey) implements Serializable {

		/** For JPA. */
		Key() {
			this(null, null);
		}

	}

}
