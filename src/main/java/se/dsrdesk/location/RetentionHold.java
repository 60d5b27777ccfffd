package se.dsrdesk.location;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import se.dsrdesk.audit.Actor;

/**
 * Data kept at a location despite an erasure request, on a legal ground until a date. On
 * that date the location's owner is reminded to erase it; the hold stands until someone
 * records the erasure.
 */
@Entity
@Table(name = "retention_hold")
public class RetentionHold {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "task_id", nullable = false, updatable = false)
	private Long taskId;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "location_id", nullable = false, updatable = false)
	private DataLocation location;

	@Column(name = "request_id", nullable = false, updatable = false)
	private Long requestId;

	@Enumerated(EnumType.STRING)
	@Column(name = "legal_ground", nullable = false, updatable = false)
	private LegalGround legalGround;

	@Column(name = "legal_ground_text", updatable = false)
	private String legalGroundText;

	@Column(updatable = false)
	private String kept;

	@Column(name = "retained_until", nullable = false, updatable = false)
	private LocalDate retainedUntil;

	/** Written only by the sweep, in the transaction that queues the reminder. */
	@Column(name = "reminded_at", insertable = false, updatable = false)
	private Instant remindedAt;

	@Column(name = "erased_at")
	private Instant erasedAt;

	@Column(name = "erased_by_id")
	private Long erasedById;

	@Column(name = "erased_by_label")
	private String erasedByLabel;

	@Column(name = "erasure_note")
	private String erasureNote;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected RetentionHold() {
	}

	RetentionHold(LocationTask task, Instant now) {
		this.taskId = task.getId();
		this.location = task.getLocation();
		this.requestId = task.getRequestId();
		this.legalGround = task.getLegalGround();
		this.legalGroundText = task.getLegalGroundText();
		this.kept = task.getSummary();
		this.retainedUntil = task.getRetainedUntil();
		this.createdAt = now;
	}

	void erased(String note, Actor actor, Instant now) {
		if (this.erasedAt != null) {
			throw new IllegalStateException("Hold " + this.id + " is already erased");
		}
		this.erasureNote = (note == null || note.isBlank()) ? null : note.strip();
		this.erasedById = actor.staffUserId();
		this.erasedByLabel = actor.label();
		this.erasedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public Long getTaskId() {
		return this.taskId;
	}

	public DataLocation getLocation() {
		return this.location;
	}

	public Long getRequestId() {
		return this.requestId;
	}

	public LegalGround getLegalGround() {
		return this.legalGround;
	}

	public String getLegalGroundText() {
		return this.legalGroundText;
	}

	public String getKept() {
		return this.kept;
	}

	public LocalDate getRetainedUntil() {
		return this.retainedUntil;
	}

	public Instant getRemindedAt() {
		return this.remindedAt;
	}

	public Instant getErasedAt() {
		return this.erasedAt;
	}

	public String getErasedByLabel() {
		return this.erasedByLabel;
	}

	public String getErasureNote() {
		return this.erasureNote;
	}

	public boolean isStanding() {
		return this.erasedAt == null;
	}

	public long getVersion() {
		return this.version;
	}

}
