package se.dsrdesk.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One line of the append-only audit trail. Written once, never changed.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at", nullable = false, updatable = false)
	private Instant occurredAt;

	@Column(name = "actor_id", updatable = false)
	private Long actorId;

	@Column(name = "actor_label", nullable = false, updatable = false)
	private String actorLabel;

	@Column(nullable = false, updatable = false)
	private String action;

	@Column(name = "target_type", updatable = false)
	private String targetType;

	@Column(name = "target_id", updatable = false)
	private String targetId;

	@Column(updatable = false)
	private String details;

	/** The request the event is about, also for its tasks, notes and attachments. */
	@Column(name = "request_id", updatable = false)
	private Long requestId;

	/** Before and after values, JSON; see {@link Change}. */
	@Column(updatable = false)
	private String changes;

	protected AuditEvent() {
	}

	AuditEvent(Instant occurredAt, Actor actor, String action, String targetType, String targetId, String details,
			Long requestId, String changes) {
		this.occurredAt = occurredAt;
		this.actorId = actor.staffUserId();
		this.actorLabel = actor.label();
		this.action = action;
		this.targetType = targetType;
		this.targetId = targetId;
		this.details = details;
		this.requestId = requestId;
		this.changes = changes;
	}

	public Long getId() {
		return this.id;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public Long getActorId() {
		return this.actorId;
	}

	public String getActorLabel() {
		return this.actorLabel;
	}

	public String getAction() {
		return this.action;
	}

	public String getTargetType() {
		return this.targetType;
	}

	public String getTargetId() {
		return this.targetId;
	}

	public String getDetails() {
		return this.details;
	}

	public Long getRequestId() {
		return this.requestId;
	}

	/**
	 * The before and after values as stored.
	 * @return a JSON list of {@link Change}, or {@code null} when the event changed
	 * nothing
	 */
	public String getChangesJson() {
		return this.changes;
	}

}
