package se.dsrdesk.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.account.session.StaffSessions;
import se.dsrdesk.account.signin.SignInGuard;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.notification.OutgoingMail;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.RecipientKind;
import se.dsrdesk.system.EmailAddresses;
import se.dsrdesk.system.SecretTokens;

/**
 * The links by which staff set their own password: an invitation (a new account) and a
 * forgotten-password link. Each link's secret is made by {@link SecretTokens}, mailed
 * once and stored only as its hash (the queued mail keeps it encrypted until sent); a
 * link works once and expires ({@code dsr.security.accounts.*}), and a new link of the
 * same kind withdraws the account's earlier ones. Setting a password through a link ends
 * all of the account's sessions and lifts a sign-in lock. Every step is audited, by
 * account id only.
 */
@Service
@Transactional
public class AccountLinks {

	/** What a link is for. */
	public enum Purpose {

		/** An invitation to a new account. */
		INVITATION,

		/** A forgotten password. */
		PASSWORD_RESET

	}

	/** What became of a link. */
	public enum LinkState {

		/** It works. */
		VALID,

		/** Its time ran out. */
		EXPIRED,

		/** It was used, or withdrawn by a newer link. */
		USED,

		/** No such link, or the account is deactivated. */
		UNKNOWN

	}

	private final JdbcTemplate jdbc;

	private final StaffUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final Outbox outbox;

	private final StaffSessions sessions;

	private final SignInGuard signInGuard;

	private final AccountLinkProperties properties;

	private final Clock clock;

	AccountLinks(JdbcTemplate jdbc, StaffUserRepository users, PasswordEncoder passwordEncoder, AuditLog auditLog,
			Outbox outbox, StaffSessions sessions, SignInGuard signInGuard, AccountLinkProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.outbox = outbox;
		this.sessions = sessions;
		this.signInGuard = signInGuard;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Mails an invitation link to an account (a new one, or again), withdrawing earlier
	 * ones.
	 * @param user the invited account
	 * @param actor who invites
	 */
	void sendInvitation(StaffUser user, Actor actor) {
		String secret = issue(user, Purpose.INVITATION, this.properties.invitationValidity());
		this.outbox.enqueue(new OutgoingMail(user.getEmail(), RecipientKind.STAFF,
				Locale.forLanguageTag(user.getPreferredLanguage()), "staff-invitation",
				Map.of("displayName", user.getDisplayName(), "invitationToken", secret, "validHours",
						this.properties.invitationValidity().toHours()),
				null));
		this.auditLog.record(actor, "INVITATION_SENT", AccountService.TARGET, user.getId(), null);
	}

	/**
	 * Mails a forgotten-password link to an active account, if the address has one;
	 * otherwise does nothing. Whoever asks is told the same either way.
	 * @param email the address typed
	 */
	public void sendPasswordReset(String email) {
		Optional<StaffUser> found = this.users.findByEmail(EmailAddresses.normalise(email)).filter(StaffUser::isActive);
		found.ifPresent((user) -> sendPasswordReset(user, Actor.SYSTEM));
	}

	/**
	 * Mails a forgotten-password link to an account.
	 * @param user the account
	 * @param actor who asked: the system for a request from the sign-in page, or an admin
	 */
	void sendPasswordReset(StaffUser user, Actor actor) {
		String secret = issue(user, Purpose.PASSWORD_RESET, this.properties.resetValidity());
		this.outbox.enqueue(new OutgoingMail(user.getEmail(), RecipientKind.STAFF,
				Locale.forLanguageTag(user.getPreferredLanguage()), "staff-password-reset",
				Map.of("displayName", user.getDisplayName(), "resetToken", secret, "validMinutes",
						this.properties.resetValidity().toMinutes()),
				null));
		this.auditLog.record(actor, "PASSWORD_RESET_LINK_SENT", AccountService.TARGET, user.getId(), null);
	}

	private String issue(StaffUser user, Purpose purpose, java.time.Duration validity) {
		Instant now = this.clock.instant();
		// A new link withdraws the earlier ones of its kind.
		this.jdbc.update(
				"update staff_account_link set used_at = ? where staff_user_id = ? and purpose = ? and used_at is null",
				Timestamp.from(now), user.getId(), purpose.name());
		String secret = SecretTokens.generate();
		this.jdbc.update(
				"insert into staff_account_link (staff_user_id, purpose, token_hash, created_at, expires_at)"
						+ " values (?, ?, ?, ?, ?)",
				user.getId(), purpose.name(), SecretTokens.hash(secret), Timestamp.from(now),
				Timestamp.from(now.plus(validity)));
		return secret;
	}

	/**
	 * What a link is, without using it (the page that opens from the mail).
	 * @param secret the link's secret, may be anything typed
	 * @return the link, or its state when it does not work
	 */
	@Transactional(readOnly = true)
	public Link inspect(String secret) {
		return find(secret);
	}

	/**
	 * Sets the account's own password through a link, which then no longer works. All of
	 * the account's sessions end.
	 * @param secret the link's secret
	 * @param newPassword the new password, already checked against the policy
	 * @return the link as it was, {@link LinkState#VALID} when the password was set
	 */
	public Link setPassword(String secret, String newPassword) {
		Link link = find(secret);
		if (link.state() != LinkState.VALID) {
			return link;
		}
		Instant now = this.clock.instant();
		// Claims the link: of two requests with it at once, one changes the row.
		int claimed = this.jdbc.update(
				"update staff_account_link set used_at = ? where token_hash = ? and used_at is null and expires_at > ?",
				Timestamp.from(now), SecretTokens.hash(secret), Timestamp.from(now));
		if (claimed != 1) {
			Link current = find(secret);
			return (current.state() == LinkState.VALID)
					? new Link(LinkState.USED, link.purpose(), link.staffUserId(), link.email(), link.displayName())
					: current;
		}
		StaffUser user = this.users.findById(link.staffUserId()).orElseThrow();
		user.changePassword(this.passwordEncoder.encode(newPassword), now);
		this.signInGuard.clear(user.getEmail());
		Actor actor = new Actor(user.getId(), user.getEmail());
		this.auditLog.record(actor,
				(link.purpose() == Purpose.INVITATION) ? "INVITATION_ACCEPTED" : "PASSWORD_RESET_BY_LINK",
				AccountService.TARGET, user.getId(), null);
		int ended = this.sessions.endAll(user.getEmail());
		if (ended > 0) {
			this.auditLog.record(actor, "SESSIONS_ENDED", AccountService.TARGET, user.getId(),
					ended + " (password set by link)");
		}
		return link;
	}

	/**
	 * When the account's latest invitation expires, for the accounts list.
	 * @param staffUserId the account
	 * @return the latest invitation's expiry, if there is one
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> invitationExpiry(long staffUserId) {
		List<Timestamp> expiries = this.jdbc
			.queryForList(
					"select expires_at from staff_account_link where staff_user_id = ? and purpose = 'INVITATION'"
							+ " order by created_at desc, id desc fetch first 1 rows only",
					Timestamp.class, staffUserId);
		return expiries.stream().findFirst().map(Timestamp::toInstant);
	}

	private Link find(String secret) {
		if (!SecretTokens.isWellFormed(secret)) {
			return Link.of(LinkState.UNKNOWN);
		}
		List<Link> links = this.jdbc
			.query("select l.staff_user_id, l.purpose, l.expires_at, l.used_at, u.email, u.display_name, u.active"
					+ " from staff_account_link l join staff_user u on u.id = l.staff_user_id"
					+ " where l.token_hash = ?", (rs, row) -> {
						Instant now = this.clock.instant();
						LinkState state;
						if (!rs.getBoolean("active")) {
							state = LinkState.UNKNOWN;
						}
						else if (rs.getTimestamp("used_at") != null) {
							state = LinkState.USED;
						}
						else if (!rs.getTimestamp("expires_at").toInstant().isAfter(now)) {
							state = LinkState.EXPIRED;
						}
						else {
							state = LinkState.VALID;
						}
						return new Link(state, Purpose.valueOf(rs.getString("purpose")), rs.getLong("staff_user_id"),
								rs.getString("email"), rs.getString("display_name"));
					}, SecretTokens.hash(secret));
		return links.stream().findFirst().orElseGet(() -> Link.of(LinkState.UNKNOWN));
	}

	/**
	 * A link as found.
	 *
	 * @param state whether it works
	 * @param purpose what it is for, {@code null} when unknown
	 * @param staffUserId the account, {@code 0} when unknown
	 * @param email the account's address, {@code null} when unknown
	 * @param displayName the account's name, {@code null} when unknown
	 */
	public record Link(LinkState state, Purpose purpose, long staffUserId, String email, String displayName) {

		static Link of(LinkState state) {
			return new Link(state, null, 0, null, null);
		}

	}

}
