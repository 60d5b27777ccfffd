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
import se.dsrdesk.system.RateLimiter;
import se.dsrdesk.system.SecretTokens;
import se.dsrdesk.account.session.StaffSessions;
import se.dsrdesk.account.signin.SignInGuard;

/**
 * Staff accounts: inviting, editing, deactivating and passwords. Every change is audited,
 * and the last active administrator cannot be removed. An admin invites a colleague, who
 * sets their own password through a link ({@link AccountLinks}); no page lets an admin
 * choose someone else's password. When access ends or changes (deactivation, a role or
 * email change, a new password) the account's open sessions end at once, on every
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

	private final AccountLinks links;

	private final RateLimiter.Limit passwordChangeFailures;

	private final Clock clock;

	AccountService(StaffUserRepository users, PasswordEncoder passwordEncoder, SignInGuard signInGuard,
			AuditLog auditLog, Outbox outbox, StaffSessions sessions, AccountLinks links, RateLimiter limiter,
			AccountLinkProperties properties, Clock clock) {
		this.sessions = sessions;
		this.links = links;
		this.passwordChangeFailures = limiter.limit("password-change-failure", properties.passwordChangeAttempts(),
				properties.passwordChangeWindow(), 10_000);
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

	/**
	 * Creates an account with a password already chosen, and mails its owner a welcome.
	 * No page offers this (admins invite, {@link #invite}); it is for the system and
	 * tests.
	 * @param email the address
	 * @param displayName the name
	 * @param roles the roles
	 * @param language {@code sv} or {@code en}
	 * @param password the password
	 * @param actor who creates it
	 * @return the account
	 */
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

	/**
	 * An admin invites a colleague: the account is made without a usable password (its
	 * hash is of a random secret nobody knows) and its owner gets a link by mail that
	 * expires, through which they set their own.
	 * @param email the colleague's address
	 * @param displayName their name
	 * @param roles their roles
	 * @param language {@code sv} or {@code en}, for the mail and their pages
	 * @param actor the admin
	 * @return the account
	 */
	public StaffUser invite(String email, String displayName, Set<Role> roles, String language, Actor actor) {
		String normalised = EmailAddresses.normalise(email);
		if (this.users.existsByEmail(normalised)) {
			throw new AccountChangeRefusedException("account.email.taken", "email");
		}
		StaffUser user = new StaffUser(normalised, displayName.strip(),
				this.passwordEncoder.encode(SecretTokens.generate()), roles, language, this.clock.instant());
		user.markInvited();
		user = this.users.save(user);
		this.auditLog.record(actor, "ACCOUNT_CREATED", TARGET, user.getId(), "invited; roles=" + sorted(roles));
		this.links.sendInvitation(user, actor);
		return user;
	}

	/**
	 * Mails a new invitation link to an account whose owner has not yet set a password;
	 * earlier links stop working.
	 * @param id the account
	 * @param actor the admin
	 */
	public void resendInvitation(long id, Actor actor) {
		StaffUser user = get(id);
		if (!user.isActive() || !user.isInvitationPending()) {
			throw new AccountChangeRefusedException("account.invitation.notPending");
		}
		this.links.sendInvitation(user, actor);
	}

	/**
	 * An admin has a forgotten-password link mailed to a colleague (in place of choosing
	 * a password for them). The colleague's password and sessions stay until they use it.
	 * @param id the account
	 * @param actor the admin
	 */
	public void sendPasswordResetLink(long id, Actor actor) {
		StaffUser user = get(id);
		if (!user.isActive()) {
			throw new AccountChangeRefusedException("account.passwordLink.inactive");
		}
		this.links.sendPasswordReset(user, actor);
	}

	/**
	 * When the latest invitation of an account expires.
	 * @param user the account
	 * @return its expiry, empty when the account has no pending invitation
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> invitationExpiry(StaffUser user) {
		if (!user.isInvitationPending()) {
			return Optional.empty();
		}
		return this.links.invitationExpiry(user.getId());
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
	 * Sets a new password for someone, which also lifts a sign-in lock and ends their
	 * sessions. No page offers it: admins send a link ({@link #sendPasswordResetLink});
	 * this is for the system and tests.
	 * @param id the account
	 * @param newPassword the password
	 * @param actor who sets it
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
	 * What came of a change of one's own password.
	 */
	public enum PasswordChange {

		/** Changed; the other sessions ended. */
		CHANGED,

		/** The current password was wrong. */
		WRONG_PASSWORD,

		/**
		 * Too many wrong current passwords ({@code dsr.security.accounts.*}): the
		 * account's other sessions have ended, the caller ends this one, and no password
		 * is checked until tries come back.
		 */
		TOO_MANY_TRIES

	}

	/**
	 * A user changes their own password. Their other sessions end; the one they changed
	 * it in stays. Wrong current passwords are counted per account: after
	 * {@code dsr.security.accounts.password-change-attempts} of them within
	 * {@code password-change-window} the account's sessions are ended and no further
	 * guess is checked for a while, so that someone holding a session cannot guess the
	 * password without limit.
	 * @param id the account
	 * @param currentPassword the password they have now
	 * @param newPassword the new one
	 * @param currentSessionId the session they changed it in, kept signed in
	 * @return what came of it
	 */
	public PasswordChange changeOwnPassword(long id, String currentPassword, String newPassword,
			String currentSessionId) {
		StaffUser user = get(id);
		Actor actor = new Actor(user.getId(), user.getEmail());
		String key = TARGET + ":" + id;
		if (this.passwordChangeFailures.secondsBlocked(key) > 0) {
			this.auditLog.record(actor, "PASSWORD_CHANGE_BLOCKED", TARGET, id, "too many wrong current passwords");
			endSessions(user, user.getEmail(), currentSessionId, actor, "too many wrong current passwords");
			return PasswordChange.TOO_MANY_TRIES;
		}
		if (!this.passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			this.auditLog.record(actor, "PASSWORD_CHANGE_FAILED", TARGET, id, "wrong current password");
			this.passwordChangeFailures.record(key);
			if (this.passwordChangeFailures.secondsBlocked(key) > 0) {
				this.auditLog.record(actor, "PASSWORD_CHANGE_BLOCKED", TARGET, id, "too many wrong current passwords");
				endSessions(user, user.getEmail(), currentSessionId, actor, "too many wrong current passwords");
				return PasswordChange.TOO_MANY_TRIES;
			}
			return PasswordChange.WRONG_PASSWORD;
		}
		user.changePassword(this.passwordEncoder.encode(newPassword), this.clock.instant());
		this.auditLog.record(actor, "PASSWORD_CHANGED", TARGET, id, null);
		endSessions(user, user.getEmail(), currentSessionId, actor, "password changed");
		return PasswordChange.CHANGED;
	}

	/**
	 * Creates the first administrator when there are no accounts at all.
	 * @param email the address
	 * @param displayName the name
	 * @param password the password
	 * @param roles the roles, administrator among them
	 * @param generated whether the password was generated (and logged): it must then be
	 * changed at the first sign-in
	 * @return whether an account was created
	 */
	boolean createFirstAdmin(String email, String displayName, String password, Set<Role> roles, boolean generated) {
		if (this.users.count() > 0) {
			return false;
		}
		Set<Role> granted = EnumSet.of(Role.ADMIN);
		granted.addAll(roles);
		StaffUser admin = new StaffUser(EmailAddresses.normalise(email), displayName,
				this.passwordEncoder.encode(password), granted, "sv", this.clock.instant());
		if (generated) {
			admin.requirePasswordChange();
		}
		admin = this.users.save(admin);
		this.auditLog.record(Actor.SYSTEM, "ACCOUNT_CREATED", TARGET, admin.getId(),
				"first administrator; roles=" + sorted(granted) + (generated ? "; generated password" : ""));
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
