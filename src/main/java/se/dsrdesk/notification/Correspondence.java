package se.dsrdesk.notification;

import java.time.Duration;
import java.time.Instant;

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
 * dispatcher, retried with growing waits while the mail server fails, and given up after
 * the configured number of attempts.
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

		/** Given up after too many failed attempts. */
		FAILED

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

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	/** The link secrets, encrypted, until the mail is sent or given up. */
	@Column(name = "secrets")
	private String secrets;

	@Column(name = "sent_at")
	private Instant sentAt;

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

	void sent(Instant now) {
		this.attempts++;
		this.status = Status.SENT;
		this.sentAt = now;
		this.lastError = null;
		this.secrets = null;
	}

	/**
	 * Records a failed attempt: retry after the backoff, or give up.
	 * @param error what went wrong, without personal data
	 * @param now the time of the attempt
	 * @param properties the retry settings
	 * @return {@code true} when the mail has now failed for good
	 */
	boolean attemptFailed(String error, Instant now, OutboxProperties properties) {
		this.attempts++;
		this.lastError = error;
		if (this.attempts >= properties.maxAttempts()) {
			this.status = Status.FAILED;
			this.secrets = null;
			return true;
		}
		Duration wait = properties.backoff(this.attempts);
		this.nextAttemptAt = now.plus(wait);
		return false;
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

}
