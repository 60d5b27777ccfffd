package se.dsrdesk.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.audit.Change;
import se.dsrdesk.notification.OutgoingMail;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.RecipientKind;
import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.system.EmailAddresses;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.account.session.StaffSessions;
import se.dsrdesk.account.signin.SignInGuard;

/**
 * Staff accounts: creating, editing, deactivating and passwords. Every change is audited,
 * and the last active administrator cannot be removed. A new account's owner gets a
 * welcome mail, queued with the account. When access ends or changes (deactivation, a
 * role or email change, a new password) the account's open sessions end at once, on every
 * instance, so that no old session keeps what the account no longer has.
 */
@Service
@Transactional
public class AccountService {

	static final String TARGET = "STAFF_USER";

	private final StaffUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final SignInGuard signInGuard;

	private final AuditLog auditLog;

	private final Outbox outbox;

	private final StaffSessions sessions;

	private final Clock clock;

	AccountService(StaffUserRepository users, PasswordEncoder passwordEncoder, SignInGuard signInGuard,
			AuditLog auditLog, Outbox outbox, StaffSessions sessions, Clock clock) {
		this.sessions = sessions;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.signInGuard = signInGuard;
		this.auditLog = auditLog;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page<StaffUser> list(Pageable pageable) {
		return this.users.findAllByOrderByActiveDescEmailAsc(pageable);
	}

	@Transactional(readOnly = true)
	public StaffUser get(long id) {
		return this.users.findById(id).orElseThrow(() -> new NotFoundException("Staff user"));
	}

	@Transactional(readOnly = true)
	public Optional<Instant> lockedUntil(StaffUser user) {
		return this.signInGuard.delayedUntil(user.getEmail());
	}

	public StaffUser create(String email, String displayName, Set<Role> roles, String language, String password,
			Actor actor) {
		String normalised = EmailAddresses.normalise(email);
		if (this.users.existsByEmail(normalised)) {
			throw new AccountChangeRefusedException("account.email.taken", "email");
		}
		StaffUser user = this.users.save(new StaffUser(normalised, displayName.strip(),
				this.passwordEncoder.encode(password), roles, language, this.clock.instant()));
		this.auditLog.record(actor, "ACCOUNT_CREATED", TARGET, user.getId(), "roles=" + sorted(roles));
		this.outbox.enqueue(new OutgoingMail(user.getEmail(), RecipientKind.STAFF,
				Locale.forLanguageTag(user.getPreferredLanguage()), "staff-account-created",
				Map.of("displayName", user.getDisplayName()), null));
		return user;
	}

	public void update(long id, long expectedVersion, String email, String displayName, Set<Role> roles,
			String language, Actor actor) {
		StaffUser user = get(id);
		if (user.getVersion() != expectedVersion) {
			throw new ConcurrentChangeException("account.changedMeanwhile");
		}
		String normalised = EmailAddresses.normalise(email);
		if (!normalised.equals(user.getEmail()) && this.users.existsByEmail(normalised)) {
			throw new AccountChangeRefusedException("account.email.taken", "email");
		}
		if (user.isActive() && user.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN) && isLastAdmin()) {
			throw new AccountChangeRefusedException("account.lastAdmin", "roles");
		}
		StringBuilder details = new StringBuilder();
		List<Change> changes = new ArrayList<>();
		if (!user.getRoles().equals(roles)) {
			details.append("roles ").append(sorted(user.getRoles())).append(" -> ").append(sorted(roles)).append("; ");
			changes.add(Change.of("roles", sorted(user.getRoles()), sorted(roles)));
		}
		if (!normalised.equals(user.getEmail())) {
			details.append("email changed; ");
			changes.add(Change.of("email", user.getEmail(), normalised));
			this.signInGuard.clear(user.getEmail());
		}
		if (!displayName.strip().equals(user.getDisplayName())) {
			details.append("name changed; ");
			changes.add(Change.of("displayName", user.getDisplayName(), displayName.strip()));
		}
		Change.addIfChanged(changes, "language", user.getPreferredLanguage(), language);
		// A session holds the roles and the login name it was signed in with: end them
		// when either changes, so that the next request uses the account as it is now.
		String previousEmail = user.getEmail();
		boolean accessChanged = !user.getRoles().equals(roles) || !normalised.equals(previousEmail);
		user.update(normalised, displayName.strip(), roles, language, this.clock.instant());
		// Staff data, not a data subject's: the trail may keep names and addresses before
		// and after.
		this.auditLog.record(actor, "ACCOUNT_UPDATED", TARGET, id, details.toString().strip(), changes);
		if (accessChanged) {
			endSessions(user, previousEmail, null, actor, "access changed");
		}
	}

	public void deactivate(long id, Actor actor) {
		StaffUser user = get(id);
		if (!user.isActive()) {
			return;
		}
		if (user.getId().equals(actor.staffUserId())) {
			throw new AccountChangeRefusedException("account.cannotDeactivateSelf");
		}
		if (user.hasRole(Role.ADMIN) && isLastAdmin()) {
			throw new AccountChangeRefusedException("account.lastAdmin");
		}
		user.deactivate(this.clock.instant());
		this.auditLog.record(actor, "ACCOUNT_DEACTIVATED", TARGET, id, null, List.of(Change.of("active", true, false)));
		endSessions(user, user.getEmail(), null, actor, "deactivated");
	}

	public void reactivate(long id, Actor actor) {
		StaffUser user = get(id);
		if (user.isActive()) {
			return;
		}
		user.reactivate(this.clock.instant());
		this.auditLog.record(actor, "ACCOUNT_REACTIVATED", TARGET, id, null, List.of(Change.of("active", false, true)));
	}

	/**
	 * An admin sets a new password for someone, which also lifts a sign-in lock.
	 */
	public void resetPassword(long id, String newPassword, Actor actor) {
		StaffUser user = get(id);
		user.changePassword(this.passwordEncoder.encode(newPassword), this.clock.instant());
		this.signInGuard.clear(user.getEmail());
		this.auditLog.record(actor, "PASSWORD_RESET", TARGET, id, null);
		endSessions(user, user.getEmail(), null, actor, "password reset");
	}

	public void unlock(long id, Actor actor) {
		StaffUser user = get(id);
		this.signInGuard.clear(user.getEmail());
		this.auditLog.record(actor, "ACCOUNT_UNLOCKED", TARGET, id, null);
	}

	/**
	 * An admin ends all of an account's sessions (a lost laptop, a shared computer).
	 * @param id the account
	 * @param actor the admin
	 * @return how many sessions ended
	 */
	public int endSessions(long id, Actor actor) {
		StaffUser user = get(id);
		return endSessions(user, user.getEmail(), null, actor, "ended by an administrator");
	}

	private int endSessions(StaffUser user, String email, String keepSessionId, Actor actor, String reason) {
		int ended = this.sessions.endAllExcept(email, keepSessionId);
		if (ended > 0) {
			this.auditLog.record(actor, "SESSIONS_ENDED", TARGET, user.getId(), ended + " (" + reason + ")");
		}
		return ended;
	}

	/**
	 * A user changes their own password. Their other sessions end; the one they changed
	 * it in stays.
	 * @param id the account
	 * @param currentPassword the password they have now
	 * @param newPassword the new one
	 * @param currentSessionId the session they changed it in, kept signed in
	 * @return {@code false} when the current password was wrong
	 */
	public boolean changeOwnPassword(long id, String currentPassword, String newPassword, String currentSessionId) {
		StaffUser user = get(id);
		Actor actor = new Actor(user.getId(), user.getEmail());
		if (!this.passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			this.auditLog.record(actor, "PASSWORD_CHANGE_FAILED", TARGET, id, "wrong current password");
			return false;
		}
		user.changePassword(this.passwordEncoder.encode(newPassword), this.clock.instant());
		this.auditLog.record(actor, "PASSWORD_CHANGED", TARGET, id, null);
		endSessions(user, user.getEmail(), currentSessionId, actor, "password changed");
		return true;
	}

	/**
	 * Creates the first administrator when there are no accounts at all.
	 * @return whether an account was created
	 */
	boolean createFirstAdmin(String email, String displayName, String password) {
		if (this.users.count() > 0) {
			return false;
		}
		StaffUser admin = this.users.save(new StaffUser(EmailAddresses.normalise(email), displayName,
				this.passwordEncoder.encode(password), EnumSet.of(Role.ADMIN), "sv", this.clock.instant()));
		this.auditLog.record(Actor.SYSTEM, "ACCOUNT_CREATED", TARGET, admin.getId(), "first administrator");
		return true;
	}

	private boolean isLastAdmin() {
		return this.users.countActiveWithRole(Role.ADMIN) <= 1;
	}

	private static Set<String> sorted(Set<Role> roles) {
		Set<String> names = new TreeSet<>();
		roles.forEach((role) -> names.add(role.name()));
		return names;
	}

}
