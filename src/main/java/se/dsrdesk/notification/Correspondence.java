package se.dsrdesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One mail in the correspondence log: rendered when it was queued, then sent by the
 * dispatcher, retried with growing waits (up to a cap) while the mail server fails for a
 * passing reason, and given up when the server refuses it for good ({@code 5xx}, an
 * invalid address) or the retry period is over. Given-up mail stays listed for staff
 * until it is sent again or dismissed.
 */
@Entity
@Table(name = "correspondence")
public class Correspondence {

	/** Where a mail is on its way out. */
	public enum Status {

		/** Waiting to be sent, or to be retried at {@code nextAttemptAt}. */
		QUEUED,

		/** Handed to the mail server. */
		SENT,

		/**
		 * Given up: refused for good, or failing for longer than the retry period (or
		 * erased before sending).
		 */
		FAILED,

		/**
		 * A letter to post: the recipient has no email address; staff print it and record
		 * the day it was posted. Never mailed.
		 */
		TO_POST,

		/** A letter that staff recorded as posted on {@code postedOn}. */
		POSTED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "message_id", nullable = false, updatable = false)
	private String messageId;

	@Column(nullable = false, updatable = false)
	private String recipient;

	@Column(name = "recipient_kind", nullable = false, updatable = false)
	@Enumerated(EnumType.STRING)
	private RecipientKind recipientKind;

	@Column(nullable = false, updatable = false)
	private String language;

	@Column(nullable = false, updatable = false)
	private String template;

	@Column(nullable = false, updatable = false)
	private String subject;

	@Column(name = "body_text", nullable = false, updatable = false)
	private String bodyText;

	@Column(name = "body_html", nullable = false, updatable = false)
	private String bodyHtml;

	@Column(name = "request_id", updatable = false)
	private Long requestId;

	@Column(name = "dedup_key", updatable = false)
	private String dedupKey;

	@Column(nullable = false)
	@Enumerated(EnumType.STRING)
	private Status status;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "next_attempt_at", nullable = false)
	private Instant nextAttemptAt;

	@Column(name = "last_error")
	private String lastError;

	/**
	 * Whether the last attempt found the mail server unreachable: brought forward when
	 * the server is back. A claim clears it.
	 */
	@Column(name = "waiting_for_server", nullable = false)
	private boolean waitingForServer;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	/** The link secrets, encrypted, until the mail is sent or given up. */
	@Column(name = "secrets")
	private String secrets;

	@Column(name = "sent_at")
	private Instant sentAt;

	@Column(name = "failed_at")
	private Instant failedAt;

	@Column(name = "dismissed_at")
	private Instant dismissedAt;

	@Column(name = "resent_at")
	private Instant resentAt;

	/**
	 * Where a letter to post goes: the recipient's name and postal address, one line per
	 * line of the envelope's window; {@code null} for a mail.
	 */
	@Column(name = "postal_address", updatable = false)
	private String postalAddress;

	@Column(name = "posted_on")
	private LocalDate postedOn;

	@Column(name = "posted_by")
	private Long postedBy;

	protected Correspondence() {
	}

	Correspondence(String messageId, OutgoingMail mail, String language, LinkSecrets.Masked masked, String dedupKey,
			Instant now) {
		MailRenderer.Rendered rendered = masked.rendered();
		this.secrets = masked.secrets();
		this.messageId = messageId;
		this.recipient = mail.recipient();
		this.recipientKind = mail.recipientKind();
		this.language = language;
		this.template = mail.template();
		this.subject = rendered.subject();
		this.bodyText = rendered.text();
		this.bodyHtml = rendered.html();
		this.requestId = mail.requestId();
		this.dedupKey = dedupKey;
		this.status = Status.QUEUED;
		this.attempts = 0;
		this.nextAttemptAt = now;
		this.createdAt = now;
	}

	/**
	 * A letter to post, rendered like a mail, that the dispatcher never takes.
	 * @param postalAddress the recipient's name and address, one line per line
	 */
	Correspondence(String messageId, OutgoingMail mail, String language, MailRenderer.Rendered rendered,
			String postalAddress, Instant now) {
		this.messageId = messageId;
		this.recipient = mail.recipient();
		this.recipientKind = mail.recipientKind();
		this.language = language;
		this.template = mail.template();
		this.subject = rendered.subject();
		this.bodyText = rendered.text();
		this.bodyHtml = rendered.html();
		this.requestId = mail.requestId();
		this.status = Status.TO_POST;
		this.postalAddress = postalAddress;
		this.nextAttemptAt = now;
		this.createdAt = now;
	}

	/**
	 * Records that the letter was posted.
	 * @param on the day it was posted
	 * @param staffUserId who recorded it
	 */
	void posted(LocalDate on, Long staffUserId) {
		if (this.status != Status.TO_POST) {
			throw new IllegalStateException("Not a letter to post: " + this.id);
		}
		this.status = Status.POSTED;
		this.postedOn = on;
		this.postedBy = staffUserId;
	}

	/**
	 * Whether this is a letter by post rather than a mail.
	 * @return {@code true} for a letter to post or posted
	 */
	public boolean isByPost() {
		return this.status == Status.TO_POST || this.status == Status.POSTED;
	}

	/**
	 * The name and postal address of a letter by post.
	 * @return the lines, separated by line breaks, or {@code null} for a mail
	 */
	public String getPostalAddress() {
		return this.postalAddress;
	}

	/**
	 * The day the letter was posted.
	 * @return the day, or {@code null} unless {@code POSTED}
	 */
	public LocalDate getPostedOn() {
		return this.postedOn;
	}

	/**
	 * Who recorded the letter as posted.
	 * @return the staff user's id, or {@code null}
	 */
	public Long getPostedBy() {
		return this.postedBy;
	}

	/**
	 * Claims the mail for one dispatcher: no other dispatcher takes it before
	 * {@code until}, unless this one records how its attempt went first.
	 * @param until the end of the claim
	 */
	void claim(Instant until) {
		this.nextAttemptAt = until;
		this.waitingForServer = false;
	}

	/**
	 * Records a failed attempt: retry after the backoff (brought forward when the server
	 * was unreachable and comes back), or give up.
	 * @param error what went wrong, without personal data
	 * @param permanent whether the mail server refused this mail for good
	 * @param serverUnreachable whether the mail server could not be reached at all
	 * @param now the time of the attempt
	 * @param properties the retry settings
	 * @return {@code true} when the mail has now failed for good
	 */
	boolean attemptFailed(String error, boolean permanent, boolean serverUnreachable, Instant now,
			OutboxProperties properties) {
		this.attempts++;
		this.lastError = error;
		this.waitingForServer = false;
		Instant retryUntil = queuedAt().plus(properties.dispatch().retryFor());
		if (permanent || !now.isBefore(retryUntil)) {
			this.status = Status.FAILED;
			this.failedAt = now;
			return true;
		}
		this.nextAttemptAt = now.plus(properties.backoff(this.attempts));
		this.waitingForServer = serverUnreachable;
		return false;
	}

	/**
	 * Whether the mail waits for an unreachable mail server to come back.
	 * @return {@code true} after an attempt that found the server unreachable
	 */
	boolean isWaitingForServer() {
		return this.waitingForServer;
	}

	/**
	 * When the mail was queued last: when it was made, or sent again by staff. The retry
	 * period counts from here.
	 * @return the time
	 */
	Instant queuedAt() {
		return (this.resentAt != null) ? this.resentAt : this.createdAt;
	}

	/**
	 * Whether this mail is a notice the law requires the controller to give the data
	 * subject (see {@link LegalNotices}).
	 * @return {@code true} for a legally required notice
	 */
	public boolean isLegalNotice() {
		return LegalNotices.isLegalNotice(this.recipientKind, this.template);
	}

	public Long getId() {
		return this.id;
	}

	/**
	 * The mail's Message-ID header, the same on every attempt.
	 * @return an id such as {@code <uuid@dsrdesk>}
	 */
	public String getMessageId() {
		return this.messageId;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public RecipientKind getRecipientKind() {
		return this.recipientKind;
	}

	/**
	 * The language the mail was written in.
	 * @return {@code sv} or {@code en}
	 */
	public String getLanguage() {
		return this.language;
	}

	public String getTemplate() {
		return this.template;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getBodyText() {
		return this.bodyText;
	}

	public String getBodyHtml() {
		return this.bodyHtml;
	}

	public Long getRequestId() {
		return this.requestId;
	}

	public String getDedupKey() {
		return this.dedupKey;
	}

	public Status getStatus() {
		return this.status;
	}

	public int getAttempts() {
		return this.attempts;
	}

	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	/**
	 * Why the last attempt failed: the exception's class and a short reason, with
	 * addresses masked.
	 * @return the reason, or {@code null}
	 */
	public String getLastError() {
		return this.lastError;
	}

	String getSecrets() {
		return this.secrets;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

	/**
	 * When the mail was given up.
	 * @return the time, or {@code null} unless {@code FAILED}
	 */
	public Instant getFailedAt() {
		return this.failedAt;
	}

	/**
	 * When staff marked the failed mail as handled another way (or it was erased).
	 * @return the time, or {@code null}
	 */
	public Instant getDismissedAt() {
		return this.dismissedAt;
	}

	/**
	 * Whether the mail was given up and nobody has sent it again or dismissed it yet.
	 * @return {@code true} when it needs staff's attention
	 */
	public boolean isFailedUnhandled() {
		return this.status == Status.FAILED && this.dismissedAt == null;
	}

}
