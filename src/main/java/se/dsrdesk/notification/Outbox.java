package se.dsrdesk.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.NotFoundException;

/**
 * The correspondence log: every mail DSR Desk sends is first queued here, rendered, in
 * the transaction of the change that causes it. The mail exists if and only if that
 * change commits; the {@link MailDispatcher} sends it afterwards, so a slow or absent
 * mail server never holds up or loses an action.
 */
@Service
public class Outbox {

	/**
	 * Inserts unless a row with the same dedup key exists. The form without a conflict
	 * target is the one H2 (in PostgreSQL mode) also understands; the only other unique
	 * column is the random Message-ID.
	 */
	private static final String INSERT_ONCE = """
			INSERT INTO correspondence (message_id, recipient, recipient_kind, language, template, subject,
				body_text, body_html, request_id, dedup_key, status, attempts, next_attempt_at, created_at, secrets)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?)
			ON CONFLICT DO NOTHING""";

	/** The recipient of a letter to post, which has no email address. */
	public static final String BY_POST = "post";

	private final CorrespondenceRepository correspondence;

	private final MailRenderer renderer;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final LinkSecrets secrets;

	private final Clock clock;

	private final OutboxProperties properties;

	private final ZoneId zone;

	Outbox(CorrespondenceRepository correspondence, MailRenderer renderer, JdbcTemplate jdbc,
			ApplicationEventPublisher events, LinkSecrets secrets, OutboxProperties properties, Clock clock,
			ControllerIdentity controller) {
		this.zone = controller.timeZone();
		this.properties = properties;
		this.secrets = secrets;
		this.correspondence = correspondence;
		this.renderer = renderer;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Renders and queues a mail in the caller's transaction.
	 * @param mail the mail
	 * @return the queued correspondence
	 * @throws org.springframework.transaction.IllegalTransactionStateException without a
	 * transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Correspondence enqueue(OutgoingMail mail) {
		Correspondence queued = this.correspondence
			.save(new Correspondence(newMessageId(), mail, MailRenderer.language(mail.language()),
					this.secrets.mask(mail.model(), this.renderer.render(mail)), null, this.clock.instant()));
		this.events.publishEvent(new MailQueued());
		return queued;
	}

	/**
	 * Stores a letter to post in the caller's transaction: rendered like a mail (the
	 * recipient has no email address), kept in the correspondence log as
	 * {@link Correspondence.Status#TO_POST} for staff to print and record as posted. The
	 * dispatcher never takes it.
	 * @param mail the letter, with {@link #BY_POST} as recipient
	 * @param name whom it is addressed to, may be {@code null}
	 * @param postalAddress their postal address, lines separated by line breaks
	 * @return the stored letter
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Correspondence enqueueLetter(OutgoingMail mail, String name, String postalAddress) {
		if (postalAddress == null || postalAddress.isBlank()) {
			throw new IllegalArgumentException("A postal address is required");
		}
		String address = (name != null && !name.isBlank()) ? name.strip() + "\n" + postalAddress.strip()
				: postalAddress.strip();
		return this.correspondence.save(new Correspondence(newMessageId(), mail, MailRenderer.language(mail.language()),
				this.renderer.render(mail), address, this.clock.instant()));
	}

	/**
	 * Letters to post that nobody has recorded as posted yet, oldest first.
	 * @param pageable the page to read
	 * @return a page of letters
	 */
	@Transactional(readOnly = true)
	public Page<Correspondence> lettersToPost(Pageable pageable) {
		return this.correspondence.findByStatusOrderByCreatedAtAscIdAsc(Correspondence.Status.TO_POST, pageable);
	}

	/**
	 * A request's letters by post (to post and posted), oldest first.
	 * @param requestId the request
	 * @return the letters
	 */
	@Transactional(readOnly = true)
	public List<Correspondence> lettersForRequest(long requestId) {
		return this.correspondence.findByRequestIdAndStatusInOrderByCreatedAtAscIdAsc(requestId,
				List.of(Correspondence.Status.TO_POST, Correspondence.Status.POSTED));
	}

	/**
	 * Records that a letter to post was posted, and tells the owner of its request
	 * ({@link LetterPosted}) in the same transaction: a posted extension notice puts the
	 * extension in force.
	 * @param id the letter's id
	 * @param postedOn the day it was posted; not in the future
	 * @param staffUserId who recorded it
	 * @param staffLabel how the audit trail names them
	 * @return the letter
	 * @throws se.dsrdesk.system.NotFoundException when there is no such letter
	 * @throws LetterRefusedException when it is not a letter to post or the day is wrong
	 */
	@Transactional
	public Correspondence markPosted(long id, LocalDate postedOn, Long staffUserId, String staffLabel) {
		Correspondence letter = this.correspondence.findById(id)
			.filter(Correspondence::isByPost)
			.orElseThrow(() -> new NotFoundException("Letter"));
		if (letter.getStatus() != Correspondence.Status.TO_POST) {
			throw new LetterRefusedException("letters.posted.already");
		}
		if (postedOn == null) {
			throw new LetterRefusedException("letters.postedOn.required", "postedOn");
		}
		if (postedOn.isAfter(LocalDate.ofInstant(this.clock.instant(), this.zone))
				|| postedOn.isBefore(LocalDate.ofInstant(letter.getCreatedAt(), this.zone))) {
			throw new LetterRefusedException("letters.postedOn.range", "postedOn");
		}
		letter.posted(postedOn, staffUserId);
		this.correspondence.save(letter);
		this.events.publishEvent(new LetterPosted(letter.getId(), letter.getRequestId(), letter.getTemplate(), postedOn,
				staffUserId, staffLabel));
		return letter;
	}

	/**
	 * Queues a mail in the caller's transaction unless a mail with the same key exists: a
	 * notice is never created twice, even when two transactions try at once (the second
	 * waits for the first and then finds the key taken). A duplicate leaves the caller's
	 * transaction intact.
	 * @param mail the mail
	 * @param dedupKey what makes the notice unique, such as
	 * {@code REMINDER_7:req42:2026-12-01:staff5}
	 * @return {@code true} when the mail was queued, {@code false} when the key existed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean enqueueOnce(OutgoingMail mail, String dedupKey) {
		if (dedupKey == null || dedupKey.isBlank()) {
			throw new IllegalArgumentException("A dedup key is required");
		}
		LinkSecrets.Masked masked = this.secrets.mask(mail.model(), this.renderer.render(mail));
		MailRenderer.Rendered rendered = masked.rendered();
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		int inserted = this.jdbc.update(INSERT_ONCE, newMessageId(), mail.recipient(), mail.recipientKind().name(),
				MailRenderer.language(mail.language()), mail.template(), rendered.subject(), rendered.text(),
				rendered.html(), mail.requestId(), dedupKey, now, now, masked.secrets());
		if (inserted == 0) {
			return false;
		}
		this.events.publishEvent(new MailQueued());
		return true;
	}

	/**
	 * A request's correspondence, newest first, for its timeline.
	 * @param requestId the request
	 * @param pageable the page to read
	 * @return a page of correspondence
	 */
	@Transactional(readOnly = true)
	public Page<Correspondence> forRequest(long requestId, Pageable pageable) {
		return this.correspondence.findByRequestIdOrderByCreatedAtDescIdDesc(requestId, pageable);
	}

	/**
	 * One mail of the log.
	 * @param id the mail's id
	 * @return the mail, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Correspondence> find(long id) {
		return this.correspondence.findById(id);
	}

	/**
	 * Mail that was given up and that nobody has sent again or dismissed, newest first.
	 * @param pageable the page to read
	 * @return a page of failed mail
	 */
	@Transactional(readOnly = true)
	public Page<Correspondence> failed(Pageable pageable) {
		return this.correspondence.findFailedUnhandled(pageable);
	}

	/**
	 * A request's mail that was given up and that nobody has sent again or dismissed.
	 * @param requestId the request
	 * @return the failed mail, oldest first
	 */
	@Transactional(readOnly = true)
	public List<Correspondence> failedForRequest(long requestId) {
		return this.correspondence.findFailedUnhandledForRequest(requestId);
	}

	/**
	 * How many mails were given up and not yet sent again or dismissed.
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long failedCount() {
		return this.correspondence.countFailedUnhandled();
	}

	/**
	 * How many legally required notices ({@link Correspondence#isLegalNotice()}) are
	 * given up and not handled, or still queued since longer than
	 * {@code dsr.mail.dispatch.overdue-after}.
	 * @return the count; health reports {@code DEGRADED} unless it is 0
	 */
	@Transactional(readOnly = true)
	public long legalNoticesFailedOrOverdue() {
		return this.correspondence.countLegalNoticesFailedOrQueuedBefore(LegalNotices.TEMPLATES.keySet(),
				this.clock.instant().minus(this.properties.dispatch().overdueAfter()));
	}

	/**
	 * Queues a given-up mail again, as it was written, with a new retry period; the
	 * dispatcher sends it right after the commit.
	 * @param id the mail's id
	 * @return {@code false} when the mail is not (or no longer) failed and unhandled
	 */
	@Transactional
	public boolean sendAgain(long id) {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		int updated = this.jdbc
			.update("UPDATE correspondence SET status = 'QUEUED', next_attempt_at = ?, resent_at = ?, failed_at = NULL"
					+ " WHERE id = ? AND status = 'FAILED' AND dismissed_at IS NULL", now, now, id);
		if (updated == 0) {
			return false;
		}
		this.events.publishEvent(new MailQueued());
		return true;
	}

	/**
	 * Marks a given-up mail as handled another way (sent by post, or no longer needed):
	 * it leaves the list of failed mail and health, and its link secrets are deleted.
	 * @param id the mail's id
	 * @return {@code false} when the mail is not (or no longer) failed and unhandled
	 */
	@Transactional
	public boolean dismiss(long id) {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return this.jdbc.update("UPDATE correspondence SET dismissed_at = ?, secrets = NULL"
				+ " WHERE id = ? AND status = 'FAILED' AND dismissed_at IS NULL", now, id) == 1;
	}

	/**
	 * Erases the personal data from the mail kept for some requests (the address and the
	 * bodies; the subject line holds only the reference), for requests whose personal
	 * details are erased. Mail not yet sent is not sent.
	 * @param requestIds the requests
	 * @return how many mails were erased
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int eraseForRequests(Collection<Long> requestIds) {
		if (requestIds.isEmpty()) {
			return 0;
		}
		String ids = String.join(",", requestIds.stream().map((id) -> "?").toList());
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<Object> parameters = new ArrayList<>(List.of(now, now));
		parameters.addAll(requestIds);
		return this.jdbc
			.update("UPDATE correspondence SET recipient = 'erased', body_text = '-', body_html = '-', secrets = NULL,"
					+ " postal_address = CASE WHEN postal_address IS NULL THEN NULL ELSE 'erased' END,"
					+ " status = CASE WHEN status IN ('QUEUED', 'TO_POST') THEN 'FAILED' ELSE status END,"
					+ " failed_at = CASE WHEN status IN ('QUEUED', 'TO_POST') THEN ? ELSE failed_at END,"
					+ " dismissed_at = CASE WHEN status NOT IN ('SENT', 'POSTED') THEN COALESCE(dismissed_at, ?) ELSE dismissed_at END,"
					+ " last_error = CASE WHEN status IN ('QUEUED', 'TO_POST') THEN 'erased before sending' ELSE last_error END"
					+ " WHERE request_id IN (" + ids + ")", parameters.toArray());
	}

	/**
	 * How far the mails whose dedup keys start with a prefix are on their way out, such
	 * as the notices of one policy change.
	 * @param dedupKeyPrefix the prefix, such as {@code POLICY:12:}
	 * @return the counts by status
	 */
	@Transactional(readOnly = true)
	public Progress progress(String dedupKeyPrefix) {
		Progress progress = new Progress(0, 0, 0);
		for (var row : this.jdbc.queryForList(
				"SELECT status, COUNT(*) AS n FROM correspondence WHERE dedup_key LIKE ? GROUP BY status",
				dedupKeyPrefix.replace("%", "\\%").replace("_", "\\_") + "%")) {
			long n = ((Number) row.get("n")).longValue();
			switch (Correspondence.Status.valueOf((String) row.get("status"))) {
				case QUEUED -> progress = new Progress(n, progress.sent(), progress.failed());
				case SENT -> progress = new Progress(progress.queued(), n, progress.failed());
				case FAILED -> progress = new Progress(progress.queued(), progress.sent(), n);
				case TO_POST, POSTED -> {
					// Letters by post carry no dedup key.
				}
			}
		}
		return progress;
	}

	/**
	 * The request a mail to a person was sent about, found by its Message-ID: for
	 * threading a person's answer, whose {@code In-Reply-To} names it. The Message-IDs
	 * are random, so naming one shows that the sender received that mail.
	 * @param messageIds Message-IDs an incoming mail answers
	 * @return the request of the first one that is ours, or empty
	 */
	@Transactional(readOnly = true)
	public Optional<Long> requestAnswered(Collection<String> messageIds) {
		for (String id : messageIds) {
			List<Long> found = this.jdbc.queryForList(
					"SELECT request_id FROM correspondence WHERE message_id = ? AND recipient_kind = 'SUBJECT'"
							+ " AND request_id IS NOT NULL",
					Long.class, id);
			if (!found.isEmpty()) {
				return Optional.of(found.get(0));
			}
		}
		return Optional.empty();
	}

	private static String newMessageId() {
		return "<" + UUID.randomUUID() + "@dsrdesk>";
	}

	/**
	 * Counts of mails by status.
	 *
	 * @param queued waiting to be sent or retried
	 * @param sent handed to the mail server
	 * @param failed given up, or erased before sending
	 */
	public record Progress(long queued, long sent, long failed) {

	}

	/**
	 * Mail was queued; published in the queuing transaction, so that the dispatcher can
	 * send right after it commits.
	 */
	record MailQueued() {

	}

}
