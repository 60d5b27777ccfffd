package se.dsrdesk.location;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.ConcurrentChangeException;

/**
 * The work a request causes at one data location: look there, act, and record the outcome
 * with a note, who and when. A request cannot be completed while one is open.
 */
@Entity
@Table(name = "location_task")
public class LocationTask {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "request_id", nullable = false, updatable = false)
	private Long requestId;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "location_id", nullable = false, updatable = false)
	private DataLocation location;

	@Enumerated(EnumType.STRING)
	@Column(name = "request_type", nullable = false, updatable = false)
	private RequestType requestType;

	@Column(name = "assignee_id")
	private Long assigneeId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TaskStatus status;

	@Enumerated(EnumType.STRING)
	private TaskOutcome outcome;

	private String note;

	private String summary;

	/** Our compelling legitimate interest, for an objection overridden (Art. 21(1)). */
	@Column(name = "objection_interest")
	private String objectionInterest;

	/** The person's particular situation, for an objection overridden (Art. 21(1)). */
	@Column(name = "objection_situation")
	private String objectionSituation;

	@Enumerated(EnumType.STRING)
	@Column(name = "legal_ground")
	private LegalGround legalGround;

	@Column(name = "legal_ground_text")
	private String legalGroundText;

	@Column(name = "retained_until")
	private LocalDate retainedUntil;

	@Column(name = "done_by_id")
	private Long doneById;

	@Column(name = "done_by_label")
	private String doneByLabel;

	@Column(name = "done_at")
	private Instant doneAt;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected LocationTask() {
	}

	LocationTask(long requestId, DataLocation location, RequestType requestType, Long assigneeId, Instant now) {
		this.requestId = requestId;
		this.location = location;
		this.requestType = requestType;
		this.assigneeId = assigneeId;
		this.status = TaskStatus.OPEN;
		this.createdAt = now;
	}

	/**
	 * Records the outcome and closes the task.
	 * @param record what was found and done
	 * @param actor who did it
	 * @param today the controller's date
	 * @param now the current time
	 * @throws InvalidOutcomeException when the outcome breaks the rules for the type
	 * @throws IllegalStateException when the task is not open
	 */
	void record(OutcomeRecord record, Actor actor, LocalDate today, Instant now) {
		if (this.status != TaskStatus.OPEN) {
			throw closed();
		}
		List<OutcomeRecord.Violation> violations = record.violations(this.requestType, today,
				this.location.isDirectMarketing(), this.location.getLegalBasis());
		if (!violations.isEmpty()) {
			throw new InvalidOutcomeException(violations);
		}
		TaskOutcome chosen = record.outcome();
		this.outcome = chosen;
		this.note = record.note().strip();
		this.summary = (record.summary() == null || record.summary().isBlank()) ? null : record.summary().strip();
		if (chosen.needsBalancing()) {
			this.objectionInterest = record.interest().strip();
			this.objectionSituation = record.situation().strip();
		}
		if (chosen.retains()) {
			this.legalGround = record.ground();
			this.legalGroundText = (record.ground() == LegalGround.OTHER) ? record.groundText().strip() : null;
			this.retainedUntil = record.retainedUntil();
		}
		this.doneById = actor.staffUserId();
		this.doneByLabel = actor.label();
		this.doneAt = now;
		this.status = TaskStatus.DONE;
	}

	void assign(Long staffUserId) {
		if (this.status != TaskStatus.OPEN) {
			throw closed();
		}
		this.assigneeId = staffUserId;
	}

	void cancel() {
		if (this.status == TaskStatus.OPEN) {
			this.status = TaskStatus.CANCELLED;
		}
	}

	public Long getId() {
		return this.id;
	}

	public Long getRequestId() {
		return this.requestId;
	}

	public DataLocation getLocation() {
		return this.location;
	}

	public RequestType getRequestType() {
		return this.requestType;
	}

	public Long getAssigneeId() {
		return this.assigneeId;
	}

	public TaskStatus getStatus() {
		return this.status;
	}

	/**
	 * Whether the outcome carried out an erasure, rectification or restriction, which
	 * Art. 19 GDPR has the controller communicate to each recipient of the data.
	 */
	public boolean needsRecipientNotices() {
		return this.status == TaskStatus.DONE && this.outcome != null
				&& this.outcome.carriesOutForRecipients(this.requestType);
	}

	public boolean isOpen() {
		return this.status == TaskStatus.OPEN;
	}

	public TaskOutcome getOutcome() {
		return this.outcome;
	}

	public String getNote() {
		return this.note;
	}

	public String getObjectionInterest() {
		return this.objectionInterest;
	}

	public String getObjectionSituation() {
		return this.objectionSituation;
	}

	public String getSummary() {
		return this.summary;
	}

	public LegalGround getLegalGround() {
		return this.legalGround;
	}

	public String getLegalGroundText() {
		return this.legalGroundText;
	}

	public LocalDate getRetainedUntil() {
		return this.retainedUntil;
	}

	public Long getDoneById() {
		return this.doneById;
	}

	public String getDoneByLabel() {
		return this.doneByLabel;
	}

	public Instant getDoneAt() {
		return this.doneAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public long getVersion() {
		return this.version;
	}

	/**
	 * The refusal of a change to a task that is no longer open, perhaps closed by someone
	 * else meanwhile.
	 */
	static ConcurrentChangeException closed() {
		return new ConcurrentChangeException("task-closed", "task.closed");
	}

}
