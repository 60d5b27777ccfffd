package se.dsrdesk.mailbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.RefusedException;

/**
 * Mails marked "kept" for bookkeeping or legal claims until a date: a hold that erasure
 * and the yearly review respect. A mail is named by mailbox and Message-ID (the folder is
 * kept for staff); none of its content is stored.
 */
@Service
@Transactional
public class KeptMails {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	KeptMails(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Why a mail is kept. */
	public enum Ground {

		/** Bookkeeping (Swedish Bokföringslagen 7 kap. 2 §: seven years). */
		BOOKKEEPING,

		/**
		 * The establishment, exercise or defence of legal claims (GDPR Art. 17(3)(e)).
		 */
		LEGAL_CLAIMS

	}

	/**
	 * Marks a mail kept until a date.
	 * @param locationId the mailbox's location
	 * @param mailbox the mailbox's name
	 * @param folder the folder
	 * @param messageId the mail's Message-ID
	 * @param ground why
	 * @param until until when (today or later)
	 * @param actor who decided
	 */
	public void keep(long locationId, String mailbox, String folder, String messageId, Ground ground, LocalDate until,
			Actor actor) {
		if (messageId == null || messageId.isBlank()) {
			throw new RefusedException(HttpStatus.BAD_REQUEST, null, "mailbox.keep.noMessageId");
		}
		if (until == null || until.isBefore(LocalDate.now(this.clock))) {
			throw new RefusedException(HttpStatus.BAD_REQUEST, null, "mailbox.keep.untilPast");
		}
		this.jdbc.sql("""
				INSERT INTO mailbox_kept_mail (location_id, mailbox, folder, message_id, ground, kept_until,
				    kept_by_id, created_at)
				VALUES (:location, :mailbox, :folder, :messageId, :ground, :until, :by, :now)""")
			.param("location", locationId)
			.param("mailbox", mailbox)
			.param("folder", folder)
			.param("messageId", messageId)
			.param("ground", ground.name())
			.param("until", until)
			.param("by", actor.staffUserId())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(actor, "MAILBOX_MAIL_KEPT", "DATA_LOCATION", locationId,
				"mailbox=" + mailbox + "; ground=" + ground + "; until=" + until);
	}

	/**
	 * Which of these mails are kept today.
	 * @param mailbox the mailbox's name
	 * @param messageIds Message-IDs
	 * @return those that are kept
	 */
	@Transactional(readOnly = true)
	public Set<String> heldAmong(String mailbox, Collection<String> messageIds) {
		Set<String> held = new HashSet<>();
		List<String> ids = messageIds.stream().filter((id) -> id != null && !id.isBlank()).distinct().toList();
		for (int from = 0; from < ids.size(); from += 500) {
			held.addAll(this.jdbc.sql("""
					SELECT message_id FROM mailbox_kept_mail
					WHERE mailbox = :mailbox AND kept_until >= :today AND message_id IN (:ids)""")
				.param("mailbox", mailbox)
				.param("today", LocalDate.now(this.clock))
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
				.query(String.class)
				.list());
		}
		return held;
	}

}
