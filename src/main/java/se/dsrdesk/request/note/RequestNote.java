package se.dsrdesk.request.note;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import se.dsrdesk.audit.Actor;

/**
 * An internal note that staff wrote on a request. Notes are never edited or deleted: a
 * correction is a new note.
 */
@Entity
@Table(name = "request_note")
public class RequestNote {

	/** The longest note. */
	public static final int MAX_LENGTH = 4000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "request_id", nullable = false, updatable = false)
	private Long requestId;

	@Column(name = "author_id", updatable = false)
	private Long authorId;

	@Column(name = "author_label", nullable = false, updatable = false)
	private String authorLabel;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(nullable = false, updatable = false)
	private String body;

	protected RequestNote() {
	}

	public RequestNote(long requestId, Actor author, String body, Instant now) {
		if (body == null || body.isBlank()) {
			throw new IllegalArgumentException("A note needs text");
		}
		this.requestId = requestId;
		this.authorId = author.staffUserId();
		this.authorLabel = author.label();
		this.body = body.strip();
		this.createdAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public Long getRequestId() {
		return this.requestId;
	}

	public Long getAuthorId() {
		return this.authorId;
	}

	public String getAuthorLabel() {
		return this.authorLabel;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getBody() {
		return this.body;
	}

}
