package se.dsrdesk.mailbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IncomingReplies;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.RequestsPurged;
import se.dsrdesk.request.attachment.RequestAttachments;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.system.RefusedException;

/**
 * The mails of the privacy inbox, stored once each, and what case handlers do with them:
 * register a request, attach to an existing one (a reply), or dismiss. Each action takes
 * the mail from {@code NEW} in one conditional update first, so that a second click, or a
 * second instance, is refused with a message instead of acting twice. A mail sent to a
 * request's reply address (or answering one of its mails and naming its reference) is
 * attached to that request when it is stored.
 */
@Service
@Transactional
public class IncomingMails implements IncomingReplies {

	/** Where an incoming mail is. */
	enum Status {

		/** Waiting for a case handler. */
		NEW,

		/** A request was registered from it. */
		REGISTERED,

		/** It is on a request's timeline, as the person's reply. */
		ATTACHED,

		/** Not a data-subject request; deleted after the configured time. */
		DISMISSED

	}

	/** The key in a request's reply address: {@code local+<key>@domain}. */
	private static final Pattern REPLY_KEY = Pattern.compile("\\+([a-z2-7]{32})@", Pattern.CASE_INSENSITIVE);

	/** A request's reference, as letters print it. */
	private static final Pattern REFERENCE = Pattern.compile("DSR-\\d{4}-\\d{6}");

	static final int PAGE_SIZE = 50;

	/** The refusal of an action on a mail that was handled already. */
	static final String HANDLED = "incomingMail.error.handled";

	private final JdbcClient jdbc;

	private final RequestService requests;

	private final RequestAttachments attachments;

	private final Outbox outbox;

	private final AuditLog audit;

	private final PrivacyInboxProperties properties;

	private final Clock clock;

	IncomingMails(JdbcClient jdbc, RequestService requests, RequestAttachments attachments, Outbox outbox,
			AuditLog audit, PrivacyInboxProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.attachments = attachments;
		this.outbox = outbox;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Whether a mail is stored already, by its place in the mailbox or its Message-ID.
	 * @param mail the mail
	 * @return {@code true} when it is
	 */
	@Transactional(readOnly = true)
	public boolean known(Fetched mail) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM incoming_mail WHERE mailbox = :mailbox
				AND ((folder = :folder AND uid_validity = :validity AND uid = :uid) OR message_id = :messageId)""")
			.param("mailbox", mail.mailbox())
			.param("folder", mail.folder())
			.param("validity", mail.uidValidity())
			.param("uid", mail.uid())
			.param("messageId", (mail.messageId() != null) ? mail.messageId() : "")
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Stores a fetched mail and, when it answers a request, puts it on that request. A
	 * mail stored already (by another instance meanwhile) makes the insert fail on the
	 * unique keys, and the whole transaction with it: the caller skips it.
	 * @param mail the mail
	 * @return the new row's id
	 */
	public long store(Fetched mail) {
		Instant now = this.clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO incoming_mail (mailbox, folder, uid_validity, uid, message_id, thread_ids, received_at,
				    sender_name, sender_email, recipients, subject, body_text, status, fetched_at)
				VALUES (:mailbox, :folder, :validity, :uid, :messageId, :threadIds, :receivedAt, :senderName,
				    :senderEmail, :recipients, :subject, :text, 'NEW', :now)""")
			.param("mailbox", mail.mailbox())
			.param("folder", mail.folder())
			.param("validity", mail.uidValidity())
			.param("uid", mail.uid())
			.param("messageId", mail.messageId())
			.param("threadIds", cut(String.join(" ", mail.threadIds()), 4000))
			.param("receivedAt", Timestamp.from(mail.receivedAt()))
			.param("senderName", cut(mail.senderName(), 200))
			.param("senderEmail", cut(mail.senderEmail(), 320))
			.param("recipients", cut(String.join(" ", mail.recipients()), 4000))
			.param("subject", cut(mail.subject(), 998))
			.param("text", mail.text())
			.param("now", Timestamp.from(now))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		for (FetchedFile file : mail.files()) {
			Optional<String> refusal = this.attachments.refusal(file.name(), file.content());
			this.jdbc.sql("""
					INSERT INTO incoming_mail_attachment (incoming_mail_id, file_name, size_bytes, content, refusal)
					VALUES (:mail, :name, :size, :content, :refusal)""")
				.param("mail", id)
				.param("name", cut(file.name(), 255))
				.param("size", (file.content() != null) ? file.content().length : 0)
				.param("content", refusal.isPresent() ? null : file.content())
				.param("refusal", refusal.orElse(null))
				.update();
		}
		answered(mail).ifPresent((request) -> attachTo(id, request, true, mail.receivedAt(), Actor.SYSTEM));
		return id;
	}

	/**
	 * The open request a mail answers: the one whose reply address it was sent to, or the
	 * one whose mail it answers ({@code In-Reply-To}, {@code References}) when its
	 * subject also names that request's reference. A subject that names a reference alone
	 * is not enough: anyone can type one.
	 */
	Optional<DsrRequest> answered(Fetched mail) {
		for (String recipient : mail.recipients()) {
			Matcher matcher = REPLY_KEY.matcher(recipient);
			if (matcher.find()) {
				Optional<DsrRequest> request = this.requests.byReplyKey(matcher.group(1));
				if (request.isPresent()) {
					return request.filter((found) -> found.getStatus().isOpen());
				}
			}
		}
		if (!mail.threadIds().isEmpty() && mail.subject() != null) {
			Optional<Long> requestId = this.outbox.requestAnswered(mail.threadIds());
			if (requestId.isPresent()) {
				DsrRequest request = this.requests.get(requestId.get());
				Matcher reference = REFERENCE.matcher(mail.subject());
				while (reference.find()) {
					if (reference.group().equals(request.getReference()) && request.getStatus().isOpen()) {
						return Optional.of(request);
					}
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The mails waiting for a case handler, oldest first.
	 * @param page the page, from 0
	 * @return one page of them
	 */
	@Transactional(readOnly = true)
	public List<Listed> waiting(int page) {
		return this.jdbc.sql("""
				SELECT id, received_at, sender_name, sender_email, subject FROM incoming_mail
				WHERE status = 'NEW' ORDER BY received_at, id OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY""")
			.param("offset", Math.max(0, page) * PAGE_SIZE)
			.param("size", PAGE_SIZE + 1)
			.query((rs, i) -> new Listed(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	/**
	 * How many mails wait for a case handler, for the menu.
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long waitingCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM incoming_mail WHERE status = 'NEW'").query(Long.class).single();
	}

	/**
	 * One mail with its text and files.
	 * @param id the mail
	 * @return it
	 * @throws NotFoundException when there is no such mail
	 */
	@Transactional(readOnly = true)
	public Detail get(long id) {
		Detail detail = this.jdbc.sql("""
				SELECT id, received_at, sender_name, sender_email, subject, body_text, status, request_id
				FROM incoming_mail WHERE id = :id""")
			.param("id", id)
			.query((rs, i) -> new Detail(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), Status.valueOf(rs.getString(7)),
					(Long) rs.getObject(8), List.of()))
			.optional()
			.orElseThrow(() -> new NotFoundException("Incoming mail"));
		return detail.withFiles(files(id));
	}

	/**
	 * Registers a request from a mail: received when the mail server received it, by
	 * email, acknowledged unless the case handler gave a reason not to; the mail's
	 * accepted files become the request's attachments.
	 * @param id the mail
	 * @param incoming the request as the case handler completed it (channel and receipt
	 * time are taken from the mail)
	 * @param skipReason why no acknowledgement is sent, or {@code null} to send it
	 * @param actor the case handler
	 * @return the new request
	 * @throws RefusedException when the mail was handled already
	 */
	public DsrRequest register(long id, NewRequest incoming, String skipReason, Actor actor) {
		Detail mail = claim(id, Status.REGISTERED, actor);
		NewRequest request = new NewRequest(incoming.name(), incoming.email(), incoming.phone(), incoming.language(),
				incoming.type(), Channel.EMAIL, incoming.description(), mail.receivedAt());
		DsrRequest registered = this.requests.registerByStaff(request, List.of(), null, null, skipReason, actor).get(0);
		this.jdbc.sql("UPDATE incoming_mail SET request_id = :request, delete_after = :deleteAfter WHERE id = :id")
			.param("request", registered.getId())
			.param("deleteAfter", Timestamp.from(this.clock.instant().plus(this.properties.dismissedKeptFor())))
			.param("id", id)
			.update();
		attachFiles(id, registered.getId(), actor);
		this.audit.record(actor, "INCOMING_MAIL_REGISTERED", "INCOMING_MAIL", id, registered.getReference());
		return registered;
	}

	/**
	 * Attaches a mail to an existing request, as the person's reply: it is shown on the
	 * request's timeline, its accepted files become attachments and the assignee is told.
	 * @param id the mail
	 * @param reference the request's reference
	 * @param actor the case handler
	 * @return the request
	 * @throws RefusedException when the mail was handled already or there is no such
	 * request
	 */
	public DsrRequest attach(long id, String reference, Actor actor) {
		DsrRequest request;
		try {
			request = this.requests.byReference(reference);
		}
		catch (NotFoundException ex) {
			throw new RefusedException(HttpStatus.BAD_REQUEST, null, "incomingMail.attach.notFound");
		}
		if (!request.getStatus().isOpen()) {
			throw new RefusedException(HttpStatus.CONFLICT, null, "incomingMail.attach.closed");
		}
		Detail mail = claim(id, Status.ATTACHED, actor);
		attachTo(id, request, false, mail.receivedAt(), actor);
		return request;
	}

	/**
	 * Dismisses a mail as not a data-subject request; it is deleted after the configured
	 * time.
	 * @param id the mail
	 * @param actor the case handler
	 * @throws RefusedException when the mail was handled already
	 */
	public void dismiss(long id, Actor actor) {
		claim(id, Status.DISMISSED, actor);
		this.jdbc.sql("UPDATE incoming_mail SET delete_after = :deleteAfter WHERE id = :id")
			.param("deleteAfter", Timestamp.from(this.clock.instant().plus(this.properties.dismissedKeptFor())))
			.param("id", id)
			.update();
		this.audit.record(actor, "INCOMING_MAIL_DISMISSED", "INCOMING_MAIL", id, null);
	}

	/**
	 * Deletes the mails whose time is over: dismissed ones, and registered ones (their
	 * text is the request's now).
	 * @return how many were deleted
	 */
	public int deleteExpired() {
		return this.jdbc.sql("""
				DELETE FROM incoming_mail WHERE status IN ('DISMISSED', 'REGISTERED') AND delete_after < :now""")
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * The replies of purged requests go with them.
	 * @param purged the requests purged, in the purge's transaction
	 */
	@EventListener
	void on(RequestsPurged purged) {
		if (!purged.requestIds().isEmpty()) {
			this.jdbc.sql("DELETE FROM incoming_mail WHERE request_id IN (:ids)")
				.param("ids", purged.requestIds())
				.update();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<Reply> forRequest(long requestId) {
		List<Reply> replies = new ArrayList<>();
		for (Detail mail : this.jdbc.sql("""
				SELECT id, received_at, sender_name, sender_email, subject, body_text, status, request_id
				FROM incoming_mail WHERE request_id = :request AND status = 'ATTACHED'
				ORDER BY received_at DESC, id DESC FETCH FIRST :limit ROWS ONLY""")
			.param("request", requestId)
			.param("limit", RequestService.LIST_LIMIT)
			.query((rs, i) -> new Detail(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), Status.valueOf(rs.getString(7)),
					(Long) rs.getObject(8), List.of()))
			.list()) {
			replies.add(reply(mail.withFiles(files(mail.id()))));
		}
		return replies;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Reply> find(long requestId, long replyId) {
		return forRequest(requestId).stream().filter((reply) -> reply.id() == replyId).findFirst();
	}

	/**
	 * The Message-IDs of the person's mails on a request, oldest first, for threading the
	 * answers.
	 * @param requestId the request
	 * @return the Message-IDs
	 */
	@Transactional(readOnly = true)
	public List<String> messageIdsOf(long requestId) {
		return this.jdbc.sql("""
				SELECT message_id FROM incoming_mail WHERE request_id = :request AND message_id IS NOT NULL
				ORDER BY received_at, id FETCH FIRST 10 ROWS ONLY""")
			.param("request", requestId)
			.query(String.class)
			.list();
	}

	private static Reply reply(Detail mail) {
		List<String> attached = new ArrayList<>();
		List<RefusedFile> refused = new ArrayList<>();
		for (File file : mail.files()) {
			if (file.refusal() == null) {
				attached.add(file.name());
			}
			else {
				refused.add(new RefusedFile(file.name(), file.refusal()));
			}
		}
		return new Reply(mail.id(), mail.receivedAt(), mail.sender(), mail.subject(), mail.text(), attached, refused);
	}

	/**
	 * Takes a waiting mail for one action: of two at once, one wins and the other is
	 * refused.
	 */
	private Detail claim(long id, Status status, Actor actor) {
		Detail mail = get(id);
		int claimed = this.jdbc.sql("""
				UPDATE incoming_mail SET status = :status, handled_at = :now, handled_by_id = :by,
				    handled_by_label = :label WHERE id = :id AND status = 'NEW'""")
			.param("status", status.name())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", actor.staffUserId())
			.param("label", actor.label())
			.param("id", id)
			.update();
		if (claimed != 1) {
			throw new RefusedException(HttpStatus.CONFLICT, null, HANDLED);
		}
		return mail;
	}

	private void attachTo(long id, DsrRequest request, boolean matched, Instant receivedAt, Actor actor) {
		this.jdbc.sql("""
				UPDATE incoming_mail SET status = 'ATTACHED', request_id = :request, matched_as_reply = :matched,
				    handled_at = COALESCE(handled_at, :now), handled_by_label = COALESCE(handled_by_label, :label)
				WHERE id = :id""")
			.param("request", request.getId())
			.param("matched", matched)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("label", actor.label())
			.param("id", id)
			.update();
		attachFiles(id, request.getId(), actor);
		this.requests.recordReply(request.getId(), id, receivedAt, actor);
	}

	private void attachFiles(long mailId, long requestId, Actor actor) {
		this.jdbc.sql("""
				SELECT file_name, content, refusal FROM incoming_mail_attachment
				WHERE incoming_mail_id = :mail ORDER BY id""")
			.param("mail", mailId)
			.query((rs, i) -> new Object[] { rs.getString(1), rs.getBytes(2), rs.getString(3) })
			.list()
			.forEach((file) -> {
				if (file[2] == null) {
					this.attachments.add(requestId, (String) file[0], (byte[]) file[1], actor);
				}
				else {
					this.attachments.recordRefused(requestId, (String) file[2], actor);
				}
			});
	}

	private List<File> files(long mailId) {
		return this.jdbc.sql("""
				SELECT file_name, size_bytes, refusal FROM incoming_mail_attachment
				WHERE incoming_mail_id = :mail ORDER BY id""")
			.param("mail", mailId)
			.query((rs, i) -> new File(rs.getString(1), rs.getLong(2), rs.getString(3)))
			.list();
	}

	private static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	/**
	 * A mail as fetched from the privacy inbox.
	 *
	 * @param mailbox the mailbox's name
	 * @param folder the folder
	 * @param uidValidity the folder's UIDVALIDITY
	 * @param uid the mail's UID
	 * @param messageId its Message-ID, may be {@code null}
	 * @param threadIds the Message-IDs it answers ({@code In-Reply-To},
	 * {@code References})
	 * @param receivedAt when the server received it (INTERNALDATE)
	 * @param senderName the sender's name, may be {@code null}
	 * @param senderEmail the sender's address, may be {@code null}
	 * @param recipients the addresses it was sent to
	 * @param subject its subject
	 * @param text its readable text
	 * @param files its files
	 */
	public record Fetched(String mailbox, String folder, long uidValidity, long uid, String messageId,
			List<String> threadIds, Instant receivedAt, String senderName, String senderEmail, List<String> recipients,
			String subject, String text, List<FetchedFile> files) {

		public Fetched {
			threadIds = List.copyOf(threadIds);
			recipients = List.copyOf(recipients);
			files = List.copyOf(files);
		}

	}

	/**
	 * A file of a fetched mail.
	 *
	 * @param name its name
	 * @param content its bytes
	 */
	public record FetchedFile(String name, byte[] content) {
	}

	/**
	 * A line of the list.
	 *
	 * @param id the mail
	 * @param receivedAt when it arrived
	 * @param senderName who sent it
	 * @param senderEmail their address
	 * @param subject its subject
	 */
	public record Listed(long id, Instant receivedAt, String senderName, String senderEmail, String subject) {
	}

	/**
	 * A mail with its text.
	 *
	 * @param id the mail
	 * @param receivedAt when it arrived
	 * @param senderName who sent it
	 * @param senderEmail their address
	 * @param subject its subject
	 * @param text its readable text
	 * @param status where it is
	 * @param requestId its request, once registered or attached
	 * @param files its files
	 */
	public record Detail(long id, Instant receivedAt, String senderName, String senderEmail, String subject,
			String text, Status status, Long requestId, List<File> files) {

		Detail withFiles(List<File> files) {
			return new Detail(this.id, this.receivedAt, this.senderName, this.senderEmail, this.subject, this.text,
					this.status, this.requestId, files);
		}

		/**
		 * The sender as a mail program shows them.
		 * @return name and address
		 */
		public String sender() {
			if (this.senderName == null || this.senderName.isBlank()) {
				return (this.senderEmail != null) ? this.senderEmail : "";
			}
			return this.senderName + ((this.senderEmail != null) ? " <" + this.senderEmail + ">" : "");
		}

		public boolean isWaiting() {
			return this.status == Status.NEW;
		}

		/**
		 * The type of request the text suggests.
		 * @return the suggestion, or {@code null}
		 */
		public RequestType suggestedType() {
			return TypeHint.of(this.subject + "\n" + this.text);
		}

	}

	/**
	 * A file of a mail.
	 *
	 * @param name its name
	 * @param size its size in bytes
	 * @param refusal why it cannot be attached (a message key), or {@code null}
	 */
	public record File(String name, long size, String refusal) {
	}

}
