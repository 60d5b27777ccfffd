package se.dsrdesk.account.signin;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Failed sign-ins for one login name, keyed by a digest of the name so that nothing typed
 * is stored. It applies alike to names with and without an account, so a lock-out does
 * not reveal whether an account exists.
 */
@Entity
@Table(name = "sign_in_throttle")
public class SignInThrottle {

	@Id
	@Column(name = "login_key")
	private String loginKey;

	@Column(nullable = false)
	private int failures;

	@Column(name = "last_failure_at", nullable = false)
	private Instant lastFailureAt;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	protected SignInThrottle() {
	}

	SignInThrottle(String loginKey) {
		this.loginKey = loginKey;
	}

	/**
	 * Counts a failure. Failures older than the lock duration, or from before an expired
	 * lock, no longer count.
	 * @param now the time of the failure
	 * @param maxFailures how many failures lock the name
	 * @param lockDuration how long a lock lasts
	 * @return whether this failure locked the name
	 */
	public boolean recordFailure(Instant now, int maxFailures, Duration lockDuration) {
		boolean stale = this.lastFailureAt != null && this.lastFailureAt.plus(lockDuration).isBefore(now);
		boolean lockExpired = this.lockedUntil != null && !this.lockedUntil.isAfter(now);
		if (stale || lockExpired) {
			this.failures = 0;
			this.lockedUntil = null;
		}
		this.failures++;
		this.lastFailureAt = now;
		if (this.failures >= maxFailures && this.lockedUntil == null) {
			this.lockedUntil = now.plus(lockDuration);
			return true;
		}
		return false;
	}

	public boolean isLocked(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	public Instant getLockedUntil() {
		return this.lockedUntil;
	}

	public int getFailures() {
		return this.failures;
	}

}
