package se.dsrdesk.account.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.system.EmailAddresses;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;

/**
 * Loads staff users for sign-in and keeps count of failed sign-ins, locking a login name
 * for a while after too many.
 */
@Service
public class SignInGuard implements UserDetailsService, UserDetailsPasswordService {

	private final StaffUserRepository users;

	private final SignInThrottleRepository throttles;

	private final SignInProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final PasswordEncoder passwordEncoder;

	/** A hash to check against for a locked name, made once on first use. */
	private volatile String dummyHash;

	SignInGuard(StaffUserRepository users, SignInThrottleRepository throttles, SignInProperties properties,
			TransactionTemplate transactions, Clock clock, PasswordEncoder passwordEncoder) {
		this.users = users;
		this.throttles = throttles;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		String email = EmailAddresses.normalise(username);
		boolean locked = lockedUntil(email).isPresent();
		if (locked) {
			// Spring Security refuses a locked name before it checks the password. Do the
			// same work here, so that a locked name answers in the same time as an
			// account
			// with a wrong password or an unknown name (which Spring Security checks
			// against
			// a dummy hash): the time tells nothing about which accounts exist.
			spendOnePasswordCheck();
		}
		Optional<StaffUser> user = this.users.findByEmail(email);
		if (user.isPresent()) {
			return StaffPrincipal.of(user.get(), locked);
		}
		if (locked) {
			return StaffPrincipal.lockedUnknown(email);
		}
		throw new UsernameNotFoundException("No such account");
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

	private void spendOnePasswordCheck() {
		String hash = this.dummyHash;
		if (hash == null) {
			hash = this.passwordEncoder.encode("a password for a locked name");
			this.dummyHash = hash;
		}
		this.passwordEncoder.matches("not the password", hash);
	}

	/**
	 * When a login name's lock ends.
	 * @param email the login name
	 * @return the end of the lock, or empty when it is not locked
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> lockedUntil(String email) {
		Instant now = this.clock.instant();
		return this.throttles.findById(EmailAddresses.digest(email))
			.filter((throttle) -> throttle.isLocked(now))
			.map(SignInThrottle::getLockedUntil);
	}

	/**
	 * Counts a failed sign-in.
	 * @param email the login name that was tried
	 * @return whether this failure locked the name
	 */
	boolean recordFailure(String email) {
		String key = EmailAddresses.digest(email);
		try {
			return count(key);
		}
		catch (DataIntegrityViolationException ex) {
			// Another sign-in created the row at the same moment: count again on it.
			return count(key);
		}
	}

	private boolean count(String key) {
		Boolean locked = this.transactions.execute((status) -> {
			SignInThrottle throttle = this.throttles.findForUpdate(key).orElseGet(() -> new SignInThrottle(key));
			boolean nowLocked = throttle.recordFailure(this.clock.instant(), this.properties.maxFailures(),
					this.properties.lockDuration());
			this.throttles.saveAndFlush(throttle);
			return nowLocked;
		});
		return Boolean.TRUE.equals(locked);
	}

	/**
	 * Forgets failures, after a successful sign-in or when an admin unlocks the account.
	 * @param email the login name
	 */
	@Transactional
	public void clear(String email) {
		this.throttles.deleteById(EmailAddresses.digest(email));
	}

}
