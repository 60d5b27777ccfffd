package se.dsrdesk.request.message;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.notification.OutgoingMail;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.RecipientKind;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestAction;
import se.dsrdesk.request.RequestActivity;

/**
 * What the person writes to us from their status page: a message, a file, or both. The
 * text is kept as the request's other free text is (NFC, no control characters, purged
 * with the request); the file is a request attachment of its own. Each message is one
 * line on the request's timeline ("message from the person"), and the case handler it
 * concerns is told by mail, as with an assignment: the assignee, or every active case
 * handler while nobody has the request. The audit trail and the mail name the message's
 * number, never its text.
 */
@Service
public class PersonMessages {

	/** The longest message, in characters (as a request's details). */
	public static final int MAX_LENGTH = 4000;

	private final JdbcClient jdbc;

	private final StaffUserRepository staff;

	private final Outbox outbox;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PersonActivity activity;

	PersonMessages(JdbcClient jdbc, StaffUserRepository staff, Outbox outbox, ApplicationEventPublisher events,
			Clock clock, PersonActivity activity) {
		this.jdbc = jdbc;
		this.activity = activity;
		this.staff = staff;
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a message on an open request, in the caller's transaction (which stored the
	 * file, if any), and tells the case handlers.
	 * @param request the request, open
	 * @param text what the person wrote, already checked, may be {@code null} when a file
	 * came alone
	 * @param attachmentId the file that came with it, may be {@code null}
	 * @param actor the person, as the audit trail names them
	 * @return the message's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long record(DsrRequest request, String text, Long attachmentId, Actor actor) {
		if ((text == null || text.isBlank()) && attachmentId == null) {
			throw new IllegalArgumentException("A message needs text or a file");
		}
		Instant now = this.clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO request_message (request_id, body, attachment_id, created_at) VALUES (?, ?, ?, ?)")
			.params(request.getId(), (text != null && !text.isBlank()) ? text.strip() : null, attachmentId,
					Timestamp.from(now))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		this.activity.wrote(request.getId(), now);
		this.events
			.publishEvent(new RequestActivity(request.getId(), request.getReference(), RequestAction.MESSAGE_RECEIVED,
					actor, "message " + id + ((attachmentId != null) ? ", attachment " + attachmentId : "")));
		notifyStaff(request, id);
		return id;
	}

	/**
	 * A request's messages from the person, newest first, for its timeline.
	 * @param requestId the request
	 * @return the messages
	 */
	@Transactional(readOnly = true)
	public List<Message> of(long requestId) {
		return this.jdbc
			.sql("SELECT m.id, m.body, m.attachment_id, a.file_name, m.created_at FROM request_message m"
					+ " LEFT JOIN request_attachment a ON a.id = m.attachment_id WHERE m.request_id = ?"
					+ " ORDER BY m.created_at DESC, m.id DESC")
			.param(requestId)
			.query((rs, i) -> new Message(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/**
	 * Mails the assignee, or every active case handler while the request has none, that
	 * the person wrote: the reference and a link, nothing of what they wrote.
	 */
	private void notifyStaff(DsrRequest request, long messageId) {
		List<StaffUser> recipients = new ArrayList<>();
		if (request.getAssigneeId() != null) {
			this.staff.findById(request.getAssigneeId())
				.filter((user) -> user.isActive() && user.hasRole(Role.CASE_HANDLER))
				.ifPresent(recipients::add);
		}
		if (recipients.isEmpty()) {
			recipients.addAll(this.staff.findActiveWithRole(Role.CASE_HANDLER));
		}
		for (StaffUser user : recipients) {
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("name", user.getDisplayName());
			model.put("reference", request.getReference());
			model.put("type", request.getType());
			model.put("requestId", request.getId());
			model.put("messageId", messageId);
			model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(request.getReference()));
			this.outbox.enqueue(new OutgoingMail(user.getEmail(), RecipientKind.STAFF,
					Locale.forLanguageTag(user.getPreferredLanguage()), "request-message", model, request.getId()));
		}
	}

	/**
	 * A message from the person, as the request page shows it.
	 *
	 * @param id its number
	 * @param text what they wrote, {@code null} when a file came alone
	 * @param attachmentId the file that came with it, {@code null} when none (or deleted
	 * since)
	 * @param fileName the file's name, {@code null} when none
	 * @param at when it arrived
	 */
	public record Message(long id, String text, Long attachmentId, String fileName, Instant at) {
	}

}
