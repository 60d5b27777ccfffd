package se.dsrdesk.location;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * A restriction of processing carried out at a location (Art. 18(1)), like a retention
 * hold: it stands, whatever becomes of the request, until someone lifts it. It keeps the
 * condition for lifting it. Before it is lifted the person is told (Art. 18(3): "shall be
 * informed by the controller before the restriction of processing is lifted"): a letter
 * queued by mail or recorded as posted; only then can it be lifted.
 */
@Entity
@Table(name = "restriction_hold")
public class RestrictionHold {

	/** The longest condition or reason. */
	public static final int MAX_TEXT = 2000;

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

	@Column(name = "lift_condition", nullable = false)
	private String liftCondition;

	@Column(name = "lift_on")
	private LocalDate liftOn;

	/** Why it is lifted, as the person is told. */
	@Column(name = "lift_reason")
	private String liftReason;

	@Column(name = "notice_correspondence_id")
	private Long noticeCorrespondenceId;

	@Column(name = "notice_queued_at")
	private Instant noticeQueuedAt;

	@Column(name = "notice_posted_on")
	private LocalDate noticePostedOn;

	/** When the mail server gave up on the notice mail: it did not tell the person. */
	@Column(name = "notice_given_up_at")
	private Instant noticeGivenUpAt;

	@Column(name = "notice_by_label")
	private String noticeByLabel;

	@Column(name = "lifted_at")
	private Instant liftedAt;

	@Column(name = "lifted_by_id")
	private Long liftedById;

	@Column(name = "lifted_by_label")
	private String liftedByLabel;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected RestrictionHold() {
	}

	/**
	 * A restriction in force from now.
	 * @param taskId the task whose outcome restricted the processing
	 * @param location where
	 * @param requestId the request
	 * @param liftCondition the condition on which it will be lifted
	 * @param liftOn the day it is expected to be lifted, or {@code null}
	 * @param now the current time
	 */
	RestrictionHold(long taskId, DataLocation location, long requestId, String liftCondition, LocalDate liftOn,
			Instant now) {
		this.taskId = taskId;
		this.location = location;
		this.requestId = requestId;
		this.liftCondition = liftCondition.strip();
		this.liftOn = liftOn;
		this.createdAt = now;
	}

	/**
	 * The letter telling the person that the restriction will be lifted was queued as a
	 * mail.
	 * @param reason why it is lifted, as the person is told
	 * @param correspondenceId the mail
	 */
	void toldByMail(String reason, long correspondenceId, Actor actor, Instant now) {
		checkTellable(reason);
		this.liftReason = reason.strip();
		this.noticeCorrespondenceId = correspondenceId;
		this.noticeQueuedAt = now;
		this.noticeGivenUpAt = null;
		this.noticeByLabel = actor.label();
	}

	/**
	 * The letter telling the person was written to be posted (the person has no email
	 * address): the person is not told until staff record it as posted
	 * ({@link #toldByPost}), so lifting stays refused until then (Art. 18(3)).
	 * @param reason why it is lifted, as the letter says
	 * @param correspondenceId the letter to post
	 */
	void letterWritten(String reason, long correspondenceId, Actor actor) {
		checkTellable(reason);
		this.liftReason = reason.strip();
		this.noticeCorrespondenceId = correspondenceId;
		this.noticeQueuedAt = null;
		this.noticeGivenUpAt = null;
		this.noticeByLabel = actor.label();
	}

	/**
	 * The mail server gave up on the notice mail: the person was not told (Art. 18(3)),
	 * so lifting is refused until they are told again. A restriction already lifted stays
	 * lifted, and shows that the letter never arrived.
	 * @param correspondenceId the mail given up
	 * @return whether it was this hold's notice (and it was not posted as well)
	 */
	boolean noticeGivenUp(long correspondenceId, Instant now) {
		if (this.noticeCorrespondenceId == null || this.noticeCorrespondenceId != correspondenceId
				|| this.noticeGivenUpAt != null || this.noticePostedOn != null) {
			return false;
		}
		this.noticeGivenUpAt = now;
		return true;
	}

	/**
	 * The letter telling the person that the restriction will be lifted was posted.
	 * @param reason why it is lifted, as the letter said
	 * @param postedOn the day it was posted: not in the future
	 * @param today the controller's date
	 */
	void toldByPost(String reason, LocalDate postedOn, LocalDate today, Actor actor) {
		checkTellable(reason);
		if (postedOn == null) {
			throw new RestrictionRefusedException("restriction.postedOn.required", "postedOn");
		}
		if (postedOn.isAfter(today)) {
			throw new RestrictionRefusedException("restriction.postedOn.future", "postedOn");
		}
		this.liftReason = reason.strip();
		this.noticePostedOn = postedOn;
		this.noticeByLabel = actor.label();
	}

	/**
	 * Checks that the person can be told now: the restriction is in force and the reason
	 * is given.
	 * @param reason why it is lifted, as the person is told
	 */
	void checkTellable(String reason) {
		if (!isActive()) {
			throw RestrictionRefusedException.alreadyLifted();
		}
		if (reason == null || reason.isBlank()) {
			throw new RestrictionRefusedException("restriction.reason.required", "reason");
		}
		if (reason.length() > MAX_TEXT) {
			throw new RestrictionRefusedException("restriction.text.tooLong", "reason");
		}
	}

	/**
	 * Lifts the restriction: only once the person has been told (Art. 18(3)).
	 * @throws RestrictionRefusedException when the person has not been told, or it is
	 * lifted already
	 */
	void lift(Actor actor, Instant now) {
		if (!isActive()) {
			throw RestrictionRefusedException.alreadyLifted();
		}
		if (!isPersonTold()) {
			throw isNoticeGivenUp() ? RestrictionRefusedException.noticeGivenUp()
					: RestrictionRefusedException.notTold();
		}
		this.liftedAt = now;
		this.liftedById = actor.staffUserId();
		this.liftedByLabel = actor.label();
	}

	/**
	 * Whether the letter telling the person was queued (and not given up by the mail
	 * server) or recorded as posted.
	 */
	public boolean isPersonTold() {
		return (this.noticeQueuedAt != null && this.noticeGivenUpAt == null) || this.noticePostedOn != null;
	}

	/**
	 * Whether the notice mail was given up by the mail server, so that the person was not
	 * told by it.
	 */
	public boolean isNoticeGivenUp() {
		return this.noticeGivenUpAt != null && this.noticePostedOn == null;
	}

	public Instant getNoticeGivenUpAt() {
		return this.noticeGivenUpAt;
	}

	/** Whether the restriction is in force. */
	public boolean isActive() {
		return this.liftedAt == null;
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

	public String getLiftCondition() {
		return this.liftCondition;
	}

	public LocalDate getLiftOn() {
		return this.liftOn;
	}

	public String getLiftReason() {
		return this.liftReason;
	}

	public Long getNoticeCorrespondenceId() {
		return this.noticeCorrespondenceId;
	}

	public Instant getNoticeQueuedAt() {
		return this.noticeQueuedAt;
	}

	public LocalDate getNoticePostedOn() {
		return this.noticePostedOn;
	}

	public String getNoticeByLabel() {
		return this.noticeByLabel;
	}

	public Instant getLiftedAt() {
		return this.liftedAt;
	}

	public String getLiftedByLabel() {
		return this.liftedByLabel;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public long getVersion() {
		return this.version;
	}

}
