package se.dsrdesk.account.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.system.EmailAddresses;
import se.dsrdesk.system.RateLimiter;

/**
 * Loads staff users for sign-in, and throttles failed sign-ins without a lock-out that
 * anyone could trigger (docs/staff-sign-in.md):
 * <ul>
 * <li>per login name and client address, a few free failures, then growing waits (doubled
 * at each failure, capped), kept in the database so that every instance sees them;</li>
 * <li>per client address, a number of failures an hour, whatever names were tried (the
 * application's {@link RateLimiter}: in PostgreSQL, shared by the instances).</li>
 * </ul>
 * Failures from one address never delay another address: the account's owner still signs
 * in from their own while someone else guesses from elsewhere. A refusal for either
 * reason happens before any account is looked up, the same for every name.
 */
@Service
public class SignInGuard implements UserDetailsService, UserDetailsPasswordService {

	private final StaffUserRepository users;

	private final SignInThrottleRepository throttles;

	private final SignInProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final RateLimiter.Limit addressFailures;

	SignInGuard(StaffUserRepository users, SignInThrottleRepository throttles, SignInProperties properties,
			TransactionTemplate transactions, Clock clock, RateLimiter limiter) {
		this.users = users;
		this.throttles = throttles;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
		this.addressFailures = limiter.hourly("sign-in-failure", properties.failuresPerAddressPerHour(), 100_000);
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		String email = EmailAddresses.normalise(username);
		return this.users.findByEmail(email)
			.map((user) -> StaffPrincipal.of(user, false))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

	/**
	 * Re-hashes a password that was hashed an older way (bcrypt, with its 72-byte limit),
	 * right after a successful sign-in with it.
	 */
	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		if (user instanceof StaffPrincipal principal && principal.id() != null) {
			this.users.findById(principal.id()).ifPresent((account) -> account.upgradePasswordHash(newPassword));
		}
		return user;
	}

	/**
	 * How long a sign-in at a name from an address must wait, without counting anything.
	 * @param email the login name as typed
	 * @param client the client address
	 * @return zero when it may try now, else the seconds to wait
	 */
	@Transactional(readOnly = true)
	public long secondsToWait(String email, String client) {
		Instant now = this.clock.instant();
		long byAddress = this.addressFailures.secondsBlocked(client);
		long byName = this.throttles.findById(key(email, client))
			.filter((throttle) -> throttle.isBlocked(now))
			.map((throttle) -> secondsUntil(now, throttle.getBlockedUntil()))
			.orElse(0L);
		return Math.max(byAddress, byName);
	}

	/**
	 * Counts a failed sign-in at a name from an address, in both limits.
	 * @param email the login name that was tried
	 * @param client the client address
	 * @return how long the next try at that name from that address must wait
	 */
	Duration recordFailure(String email, String client) {
		this.addressFailures.record(client);
		SignInThrottle.Key key = key(email, client);
		try {
			return count(key);
		}
		catch (DataIntegrityViolationException ex) {
			// Another sign-in created the row at the same moment: count again on it.
			return count(key);
		}
	}

	private Duration count(SignInThrottle.Key key) {
		return this.transactions.execute((status) -> {
			SignInThrottle throttle = this.throttles.findForUpdate(key.loginKey(), key.clientKey())
				.orElseGet(() -> new SignInThrottle(key));
			Duration delay = throttle.recordFailure(this.clock.instant(), this.properties);
			this.throttles.saveAndFlush(throttle);
			return delay;
		});
	}

	/**
	 * Forgets the failures at a name from an address, after a successful sign-in there.
	 * @param email the login name
	 * @param client the client address
	 */
	@Transactional
	public void succeeded(String email, String client) {
		SignInThrottle.Key key = key(email, client);
		this.throttles.deleteByKey(key.loginKey(), key.clientKey());
	}

	/**
	 * Until when some address must wait before its next try at a name (the latest of
	 * them), for the account's page.
	 * @param email the login name
	 * @return the end of the latest wait, or empty when no address has to wait
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> delayedUntil(String email) {
		return this.throttles.latestBlockEnd(EmailAddresses.digest(email), this.clock.instant());
	}

	/**
	 * Forgets the failures at a name from every address, when an admin lifts the waits,
	 * sets a new password or changes the address.
	 * @param email the login name
	 */
	@Transactional
	public void clear(String email) {
		this.throttles.deleteByLoginKey(EmailAddresses.digest(email));
	}

	static SignInThrottle.Key key(String email, String client) {
		return new SignInThrottle.Key(EmailAddresses.digest((email != null) ? email : ""), clientDigest(client));
	}

	private static String clientDigest(String client) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			String value = (client != null) ? client : "unknown";
			return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long secondsUntil(Instant now, Instant end) {
		long millis = Duration.between(now, end).toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

}
