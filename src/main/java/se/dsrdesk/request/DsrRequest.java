package se.dsrdesk.request;

import se.dsrdesk.request.representative.RepresentativeAuthority;

import se.dsrdesk.request.representative.Representative;

import se.dsrdesk.request.rules.Languages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.http.HttpStatus;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.system.RefusedException;
import se.dsrdesk.audit.Change;
import se.dsrdesk.deadline.Deadline;
import se.dsrdesk.deadline.DeadlinePolicy;
import se.dsrdesk.deadline.PausePeriod;
import se.dsrdesk.request.refusal.IllegalTransitionException;
import se.dsrdesk.request.refusal.PauseRefusedException;

import static se.dsrdesk.request.RequestStatus.AWAITING_SUBJECT;
import static se.dsrdesk.request.RequestStatus.COMPLETED;
import static se.dsrdesk.request.RequestStatus.EXPIRED;
import static se.dsrdesk.request.RequestStatus.IN_PROGRESS;
import static se.dsrdesk.request.RequestStatus.NEW;
import static se.dsrdesk.request.RequestStatus.REJECTED;
import static se.dsrdesk.request.RequestStatus.UNVERIFIED;
import static se.dsrdesk.request.RequestStatus.DUPLICATE;
import static se.dsrdesk.request.RequestStatus.WITHDRAWN;

/**
 * A data-subject request: the aggregate that owns its status and its deadline. Every
 * change goes through a named transition that checks the current status, recomputes the
 * stored deadline where it moves, and registers a {@link RequestActivity} that is
 * published when the request is saved.
 */
@Entity
@Table(name = "dsr_request")
public class DsrRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String reference;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "data_subject_id", nullable = false)
	private DataSubject subject;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RequestType type;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Channel channel;

	@Column(nullable = false)
	private String language;

	private String description;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RequestStatus status;

	@Column(name = "assignee_id")
	private Long assigneeId;

	@Column(name = "received_at", nullable = false, updatable = false)
	private Instant receivedAt;

	@Column(name = "receipt_date", nullable = false, updatable = false)
	private LocalDate receiptDate;

	@Column(name = "original_deadline", nullable = false)
	private LocalDate originalDeadline;

	/**
	 * The last day on which the period may be extended: the statutory month plus the days
	 * of identity pauses only (Art. 12(3), 12(6)).
	 */
	@Column(name = "one_month_deadline", nullable = false)
	private LocalDate oneMonthDeadline;

	@Column(name = "extension_months", nullable = false)
	private int extensionMonths;

	@Column(name = "extension_reason")
	private String extensionReason;

	@Column(name = "extended_at")
	private Instant extendedAt;

	@Column(name = "extension_notice_id")
	private Long extensionNoticeId;

	/**
	 * Whether the extension counts: only once the person is told of it (Art. 12(3)), by a
	 * mail queued and not given up, or by a letter recorded as posted within the first
	 * month.
	 */
	@Column(name = "extension_in_force", nullable = false)
	private boolean extensionInForce = true;

	/** The day the extension notice was posted, as staff recorded it. */
	@Column(name = "extension_notice_posted_on")
	private LocalDate extensionNoticePostedOn;

	/** The day the person was last told that the answer is delayed. */
	@Column(name = "delay_announced_on")
	private LocalDate delayAnnouncedOn;

	/** The day the person was told to expect the answer. */
	@Column(name = "delay_expected_on")
	private LocalDate delayExpectedOn;

	/** Why the answer is delayed, as the person was told. */
	@Column(name = "delay_reason")
	private String delayReason;

	/** The mail that told the person of the delay; {@code null} when posted. */
	@Column(name = "delay_notice_id")
	private Long delayNoticeId;

	@Column(name = "effective_deadline", nullable = false)
	private LocalDate effectiveDeadline;

	@Column(name = "internal_target", nullable = false)
	private LocalDate internalTarget;

	@ElementCollection
	@CollectionTable(name = "request_pause", joinColumns = @JoinColumn(name = "request_id"))
	@OrderBy("pausedOn")
	private List<Pause> pauses = new ArrayList<>();

	@Column(name = "closed_at")
	private Instant closedAt;

	@Enumerated(EnumType.STRING)
	private Relationship relationship;

	@Column(name = "possible_duplicate_of")
	private Long possibleDuplicateOf;

	/**
	 * The request this one was closed as a duplicate of
	 * ({@link RequestStatus#DUPLICATE}); {@code null} otherwise.
	 */
	@Column(name = "duplicate_of")
	private Long duplicateOf;

	/**
	 * The first of the requests made together, one per right, when the person asked for
	 * several at once; {@code null} for a request made alone.
	 */
	@Column(name = "made_with")
	private Long madeWith;

	@Column(name = "representative_name")
	private String representativeName;

	@Column(name = "representative_email")
	private String representativeEmail;

	/**
	 * Where letters go by post: the correspondent's postal address, lines separated by
	 * line breaks.
	 */
	@Column(name = "postal_address")
	private String postalAddress;

	/**
	 * The random key of the request's reply address (a sub-address of the privacy inbox),
	 * {@code null} for requests made before replies were threaded.
	 */
	@Column(name = "reply_key")
	private String replyKey;

	@Enumerated(EnumType.STRING)
	@Column(name = "representative_authority")
	private RepresentativeAuthority representativeAuthority;

	@Column(name = "authority_verified_at")
	private Instant authorityVerifiedAt;

	@Column(name = "authority_verified_by")
	private Long authorityVerifiedBy;

	@Column(name = "authority_note")
	private String authorityNote;

	/** Written only by the intake sweep, set-based; never by the entity. */
	@Column(name = "confirmation_reminded_at", insertable = false, updatable = false)
	private Instant confirmationRemindedAt;

	@Column(name = "closing_reason")
	private String closingReason;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	@Column(name = "identity_verified_at")
	private Instant identityVerifiedAt;

	@Column(name = "identity_verified_by")
	private Long identityVerifiedBy;

	@Enumerated(EnumType.STRING)
	@Column(name = "identity_method")
	private IdentityMethod identityMethod;

	@Column(name = "identity_note")
	private String identityNote;

	@Enumerated(EnumType.STRING)
	@Column(name = "rejection_ground")
	private RejectionGround rejectionGround;

	/**
	 * Why a refusal came after the one-month limit of Art. 12(4), as staff recorded it.
	 */
	@Column(name = "late_reason")
	private String lateReason;

	/** The names of the changed values in the audit trail. */
	static final String STATUS = "status";

	public static final String ASSIGNEE = "assignee";

	static final String EFFECTIVE_DEADLINE = "effectiveDeadline";

	/** What happened since the last save, published as {@link RequestActivity} events. */
	@Transient
	private final List<Pending> pending = new ArrayList<>();

	/**
	 * The statuses in which each staff action is allowed: one table for the checks and
	 * the page.
	 */
	private static final Map<RequestAction, Set<RequestStatus>> ALLOWED = Map.ofEntries(
			Map.entry(RequestAction.EMAIL_VERIFIED, Set.of(UNVERIFIED)),
			Map.entry(RequestAction.ASSIGNED, RequestStatus.OPEN), Map.entry(RequestAction.STARTED, Set.of(NEW)),
			Map.entry(RequestAction.IDENTITY_VERIFIED, Set.of(NEW, IN_PROGRESS, AWAITING_SUBJECT)),
			Map.entry(RequestAction.AUTHORITY_VERIFIED, Set.of(NEW, IN_PROGRESS, AWAITING_SUBJECT)),
			Map.entry(RequestAction.PAUSED, Set.of(NEW, IN_PROGRESS)),
			Map.entry(RequestAction.RESUMED, Set.of(AWAITING_SUBJECT)),
			Map.entry(RequestAction.EXTENDED, RequestStatus.EXTENDABLE),
			Map.entry(RequestAction.COMPLETED, Set.of(IN_PROGRESS)),
			Map.entry(RequestAction.REJECTED, Set.of(NEW, IN_PROGRESS, AWAITING_SUBJECT)),
			Map.entry(RequestAction.WITHDRAWN, RequestStatus.OPEN),
			Map.entry(RequestAction.CLOSED_AS_DUPLICATE, RequestStatus.OPEN),
			Map.entry(RequestAction.EXPIRED, Set.of(UNVERIFIED)),
			Map.entry(RequestAction.EXTENSION_POSTED, RequestStatus.IN_HAND),
			Map.entry(RequestAction.DELAY_ANNOUNCED, RequestStatus.IN_HAND));

	protected DsrRequest() {
	}

	private DsrRequest(String reference, DataSubject subject, RequestType type, Channel channel, String language,
			String description, RequestStatus status, Instant receivedAt, LocalDate receiptDate, Instant now) {
		this.reference = reference;
		this.subject = subject;
		this.type = type;
		this.channel = channel;
		this.language = Languages.check(language);
		this.description = description;
		this.status = status;
		this.receivedAt = receivedAt;
		this.receiptDate = receiptDate;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * A request that arrived: on the web it waits for the person to confirm their
	 * address; one that staff register is received at once. Either way the deadline
	 * counts from arrival.
	 * @param reference the human-friendly reference
	 * @param subject the person
	 * @param type what they ask for
	 * @param channel how it arrived
	 * @param language the language to answer in
	 * @param description what the person wrote
	 * @param receivedAt when it arrived (possibly in the past, for staff registrations)
	 * @param policy the deadline rules
	 * @param actor who registered it
	 * @param now the current time
	 * @return the new request
	 */
	public static DsrRequest receive(String reference, DataSubject subject, RequestType type, Channel channel,
			String language, String description, Instant receivedAt, DeadlinePolicy policy, Actor actor, Instant now) {
		if (receivedAt.isAfter(now)) {
			throw new IllegalArgumentException("A request cannot arrive in the future");
		}
		RequestStatus initial = (channel == Channel.WEB) ? UNVERIFIED : NEW;
		DsrRequest request = new DsrRequest(reference, subject, type, channel, language, description, initial,
				receivedAt, policy.calculator().receiptDate(receivedAt), now);
		request.recalculate(policy);
		request.record(RequestAction.RECEIVED, actor, "type=" + type + ", channel=" + channel);
		return request;
	}

	/** The person confirmed their email address. */
	void verifyEmail(Actor actor, Instant now) {
		require(RequestAction.EMAIL_VERIFIED);
		RequestStatus before = this.status;
		this.status = NEW;
		touch(now);
		record(RequestAction.EMAIL_VERIFIED, actor, null, statusChange(before));
	}

	/**
	 * Gives the request to a staff user, or to nobody.
	 * @param staffUserId the new assignee, {@code null} to unassign
	 */
	void assign(Long staffUserId, Actor actor, Instant now) {
		require(RequestAction.ASSIGNED);
		Long before = this.assigneeId;
		this.assigneeId = staffUserId;
		touch(now);
		List<Change> changes = new ArrayList<>();
		Change.addIfChanged(changes, ASSIGNEE, before, staffUserId);
		record(RequestAction.ASSIGNED, actor, (staffUserId != null) ? "assignee=" + staffUserId : "unassigned",
				changes);
	}

	/** A case handler takes the request up. */
	void startWork(Actor actor, Instant now) {
		require(RequestAction.STARTED);
		RequestStatus before = this.status;
		this.status = IN_PROGRESS;
		touch(now);
		record(RequestAction.STARTED, actor, null, statusChange(before));
	}

	/**
	 * Records that staff verified who the person is, and how. Only the fact is kept,
	 * never a copy of an identity document.
	 * @param method how the identity was checked
	 * @param note what was checked, required for {@link IdentityMethod#OTHER}
	 */
	void verifyIdentity(IdentityMethod method, String note, Actor actor, Instant now) {
		require(RequestAction.IDENTITY_VERIFIED);
		if (this.identityVerifiedAt != null) {
			throw new IllegalTransitionException(this.status, RequestAction.IDENTITY_VERIFIED);
		}
		if (method == null) {
			throw new IllegalArgumentException("A method is required");
		}
		if (method == IdentityMethod.OTHER) {
			requireText(note, "note");
		}
		this.identityMethod = method;
		this.identityNote = (note != null && !note.isBlank()) ? note.strip() : null;
		this.identityVerifiedAt = now;
		this.identityVerifiedBy = actor.staffUserId();
		touch(now);
		record(RequestAction.IDENTITY_VERIFIED, actor, "method=" + method,
				List.of(Change.of("identityMethod", null, method)));
	}

	/**
	 * Records that staff checked the representative's authority to act for the person
	 * (Art. 12(2); EDPB Guidelines 01/2022): what was checked, such as the power of
	 * attorney or the proof of parental responsibility. Only the fact and the note are
	 * kept. Until then nothing that discloses data is sent, as with the identity check.
	 * @param note what was checked
	 */
	void verifyAuthority(String note, Actor actor, Instant now) {
		require(RequestAction.AUTHORITY_VERIFIED);
		if (this.representativeName == null || this.authorityVerifiedAt != null) {
			throw new IllegalTransitionException(this.status, RequestAction.AUTHORITY_VERIFIED);
		}
		requireText(note, "note");
		this.authorityNote = note.strip();
		this.authorityVerifiedAt = now;
		this.authorityVerifiedBy = actor.staffUserId();
		touch(now);
		record(RequestAction.AUTHORITY_VERIFIED, actor, "authority=" + this.representativeAuthority,
				List.of(Change.of("authorityVerified", null, this.representativeAuthority)));
	}

	/**
	 * Waits for the person, on one of three grounds. For information needed to confirm
	 * their identity (Art. 12(6)), only while identity is not verified; the clock stops.
	 * For proof of a representative's authority to act for the person (Art. 12(2) and
	 * 12(6)), only for a request made by a representative whose authority is not yet
	 * verified; the clock stops. To clarify the scope of the request (Recital 63), only
	 * with a written justification; the clock runs on unless {@code scopeStopsClock}.
	 * Never once the deadline has passed: a pause cannot hide a request that is already
	 * late.
	 * @param ground why the request waits
	 * @param needed what the person is asked for
	 * @param justification why a clarification of scope is needed; required for
	 * {@link PauseGround#SCOPE}
	 * @param scopeStopsClock whether a clarification of scope stops the clock
	 * ({@code dsr.requests.scope-pause-stops-clock})
	 * @param today the controller's date
	 */
	void pause(PauseGround ground, String needed, String justification, boolean scopeStopsClock, LocalDate today,
			Actor actor, Instant now) {
		require(RequestAction.PAUSED);
		if (ground == null) {
			throw new IllegalArgumentException("A ground is required");
		}
		requireText(needed, "reason");
		if (today.isBefore(this.receiptDate)) {
			throw new IllegalArgumentException("A pause cannot start before the request was received");
		}
		if (today.isAfter(this.effectiveDeadline)) {
			throw new PauseRefusedException("requestPage.pause.refused.deadlinePassed", "deadline-passed");
		}
		if (ground == PauseGround.IDENTITY && this.identityVerifiedAt != null) {
			throw new PauseRefusedException("requestPage.pause.refused.identityVerified", "identity-verified");
		}
		if (ground == PauseGround.AUTHORITY && this.representativeName == null) {
			throw new PauseRefusedException("requestPage.pause.refused.noRepresentative", "no-representative");
		}
		if (ground == PauseGround.AUTHORITY && this.authorityVerifiedAt != null) {
			throw new PauseRefusedException("requestPage.pause.refused.authorityVerified", "authority-verified");
		}
		if (ground == PauseGround.SCOPE && (justification == null || justification.isBlank())) {
			throw new PauseRefusedException("requestPage.pause.refused.justificationRequired",
					"justification-required");
		}
		boolean stopsClock = ground.verifiesRequester() || scopeStopsClock;
		this.pauses.add(new Pause(today, needed.strip(), ground,
				(ground == PauseGround.SCOPE) ? justification.strip() : null, stopsClock));
		RequestStatus before = this.status;
		this.status = AWAITING_SUBJECT;
		touch(now);
		record(RequestAction.PAUSED, actor, "ground=" + ground + "; stopsClock=" + stopsClock, statusChange(before));
	}

	/**
	 * The person answered: the clock runs again, and the deadline moves by the calendar
	 * days paused.
	 * @param today the controller's date
	 */
	void resume(LocalDate today, DeadlinePolicy policy, Actor actor, Instant now) {
		require(RequestAction.RESUMED);
		Pause open = openPause();
		if (today.isBefore(open.getPausedOn())) {
			throw new IllegalArgumentException("A pause cannot end before it began");
		}
		open.resume(today);
		RequestStatus before = this.status;
		LocalDate deadlineBefore = this.effectiveDeadline;
		this.status = IN_PROGRESS;
		recalculate(policy);
		touch(now);
		List<Change> changes = new ArrayList<>(statusChange(before));
		Change.addIfChanged(changes, EFFECTIVE_DEADLINE, deadlineBefore, this.effectiveDeadline);
		record(RequestAction.RESUMED, actor,
				"paused " + open.toPeriod().days() + " days; deadline " + this.effectiveDeadline, changes);
	}

	/**
	 * Extends the deadline by one or two further months (Art. 12(3)), only while the
	 * one-month deadline has not passed and only once. The caller sends the person a
	 * notice with the reasons and the new date in the same transaction.
	 * @param months 1 or 2
	 * @param reason why more time is needed, told to the person
	 * @param today the controller's date
	 */
	void extend(int months, String reason, LocalDate today, DeadlinePolicy policy, Actor actor, Instant now) {
		extend(months, reason, true, today, policy, actor, now);
	}

	/**
	 * Extends the deadline by one or two further months (Art. 12(3)), only while the
	 * one-month deadline has not passed and only once. The extension counts only once the
	 * person is told: with {@code noticeQueued} at once (a notice mail is queued in the
	 * same transaction; it stops counting if that mail is given up), otherwise only when
	 * staff record the notice as posted within the first month.
	 * @param months 1 or 2
	 * @param reason why more time is needed, told to the person
	 * @param noticeQueued whether a notice mail is queued with it
	 * @param today the controller's date
	 */
	void extend(int months, String reason, boolean noticeQueued, LocalDate today, DeadlinePolicy policy, Actor actor,
			Instant now) {
		require(RequestAction.EXTENDED);
		requireText(reason, "reason");
		if (this.extensionMonths > 0) {
			throw new IllegalTransitionException(this.status, RequestAction.EXTENDED);
		}
		policy.calculator().checkExtensionAllowed(currentDeadline(policy), months, today);
		LocalDate deadlineBefore = this.effectiveDeadline;
		this.extensionMonths = months;
		this.extensionReason = reason.strip();
		this.extendedAt = now;
		this.extensionInForce = noticeQueued;
		recalculate(policy);
		touch(now);
		List<Change> changes = new ArrayList<>();
		changes.add(Change.of("extensionMonths", 0, months));
		Change.addIfChanged(changes, EFFECTIVE_DEADLINE, deadlineBefore, this.effectiveDeadline);
		// The reason is told to the person and may hold personal data: not in the trail.
		record(RequestAction.EXTENDED, actor, "months=" + months + "; deadline " + this.effectiveDeadline
				+ (noticeQueued ? "" : "; not in force until the notice is posted"), changes);
	}

	/**
	 * Records that the extension notice was posted to the person, which puts an extension
	 * in force that had no notice mail, or whose mail was given up. Only a notice posted
	 * within the first month counts (Art. 12(3)).
	 * @param postedOn the day it was posted
	 * @param today the controller's date
	 */
	void recordExtensionPosted(LocalDate postedOn, LocalDate today, DeadlinePolicy policy, Actor actor, Instant now) {
		require(RequestAction.EXTENSION_POSTED);
		if (this.extensionMonths == 0 || this.extensionInForce) {
			throw new IllegalTransitionException(this.status, RequestAction.EXTENSION_POSTED);
		}
		if (postedOn == null) {
			throw new RefusedException(
					List.of(new RefusedException.Invalid("postedOn", "requestPage.extension.posted.required")));
		}
		if (postedOn.isAfter(today)) {
			throw new RefusedException(
					List.of(new RefusedException.Invalid("postedOn", "requestPage.extension.posted.future")));
		}
		if (postedOn.isAfter(this.oneMonthDeadline)) {
			throw new RefusedException(
					List.of(new RefusedException.Invalid("postedOn", "requestPage.extension.posted.tooLate")));
		}
		LocalDate deadlineBefore = this.effectiveDeadline;
		this.extensionNoticePostedOn = postedOn;
		this.extensionInForce = true;
		recalculate(policy);
		touch(now);
		List<Change> changes = new ArrayList<>();
		Change.addIfChanged(changes, EFFECTIVE_DEADLINE, deadlineBefore, this.effectiveDeadline);
		record(RequestAction.EXTENSION_POSTED, actor, "posted " + postedOn, changes);
	}

	/**
	 * The extension notice mail was given up: the person was not told, so the extension
	 * no longer counts (Art. 12(3)) and the deadline falls back, unless a posted notice
	 * was recorded meanwhile.
	 * @param correspondenceId the mail that was given up
	 * @return whether this changed the request
	 */
	boolean extensionNoticeFailed(long correspondenceId, DeadlinePolicy policy, Instant now) {
		if (!Long.valueOf(correspondenceId).equals(this.extensionNoticeId) || !this.extensionInForce
				|| this.extensionNoticePostedOn != null || !RequestStatus.OPEN.contains(this.status)) {
			return false;
		}
		LocalDate deadlineBefore = this.effectiveDeadline;
		this.extensionInForce = false;
		recalculate(policy);
		touch(now);
		List<Change> changes = new ArrayList<>();
		Change.addIfChanged(changes, EFFECTIVE_DEADLINE, deadlineBefore, this.effectiveDeadline);
		record(RequestAction.EXTENSION_LAPSED, Actor.SYSTEM, "notice mail given up", changes);
		return true;
	}

	/**
	 * Tells the person that the answer is delayed, why, and when to expect it: the
	 * company's promise, and what Art. 12(3) asks when the month is not enough. It moves
	 * no deadline. A later notice replaces an earlier one.
	 * @param reason why, as the person is told
	 * @param expectedOn when the person may expect the answer; not before today
	 * @param noticeId the queued mail, or {@code null} when the letter is posted
	 * @param today the controller's date
	 */
	void announceDelay(String reason, LocalDate expectedOn, Long noticeId, LocalDate today, Actor actor, Instant now) {
		require(RequestAction.DELAY_ANNOUNCED);
		List<RefusedException.Invalid> invalid = new ArrayList<>();
		if (reason == null || reason.isBlank()) {
			invalid.add(new RefusedException.Invalid("delayReason", "requestPage.delay.reason.required"));
		}
		if (expectedOn == null) {
			invalid.add(new RefusedException.Invalid("expectedOn", "requestPage.delay.expected.required"));
		}
		else if (!expectedOn.isAfter(today)) {
			invalid.add(new RefusedException.Invalid("expectedOn", "requestPage.delay.expected.future"));
		}
		if (!invalid.isEmpty()) {
			throw new RefusedException(invalid);
		}
		this.delayReason = reason.strip();
		this.delayExpectedOn = expectedOn;
		this.delayAnnouncedOn = today;
		this.delayNoticeId = noticeId;
		touch(now);
		// The reason is told to the person and may hold personal data: not in the trail.
		record(RequestAction.DELAY_ANNOUNCED, actor,
				"expected " + expectedOn + ((noticeId != null) ? "; by mail" : "; by post"));
	}

	/**
	 * Records the mail that tells the person of the delay, queued after the notice was
	 * recorded.
	 * @param correspondenceId the queued mail
	 */
	void recordDelayNotice(long correspondenceId) {
		this.delayNoticeId = correspondenceId;
	}

	/**
	 * The delay notice mail was given up: the person was not told.
	 * @param correspondenceId the mail that was given up
	 * @return whether this changed the request
	 */
	boolean delayNoticeFailed(long correspondenceId, Instant now) {
		if (!Long.valueOf(correspondenceId).equals(this.delayNoticeId) || this.delayAnnouncedOn == null) {
			return false;
		}
		this.delayAnnouncedOn = null;
		touch(now);
		record(RequestAction.DELAY_NOTICE_FAILED, Actor.SYSTEM, "notice mail given up");
		return true;
	}

	/**
	 * Whether the case handler should tell the person of a delay: the request is in hand,
	 * its deadline has passed (or is today and there is no extension in force), and the
	 * person has not been told, or the day they were told to expect the answer has
	 * passed.
	 * @param today the controller's date
	 * @return {@code true} when a delay notice is due
	 */
	public boolean needsDelayNotice(LocalDate today) {
		if (!RequestStatus.IN_HAND.contains(this.status)) {
			return false;
		}
		boolean missed = today.isAfter(this.effectiveDeadline)
				|| (today.isEqual(this.effectiveDeadline) && !isExtensionCounted());
		return missed && !isPersonToldOfDelay(today);
	}

	/**
	 * Whether the person has been told of the delay and the day they were told to expect
	 * the answer has not passed.
	 * @param today the controller's date
	 * @return {@code true} when told
	 */
	public boolean isPersonToldOfDelay(LocalDate today) {
		return this.delayAnnouncedOn != null && this.delayExpectedOn != null && !today.isAfter(this.delayExpectedOn);
	}

	/**
	 * Whether an extension was given and counts (Art. 12(3)).
	 * @return {@code true} when the deadline is extended
	 */
	public boolean isExtensionCounted() {
		return this.extensionMonths > 0 && this.extensionInForce;
	}

	/**
	 * Records the notice that told the person of the extension, its reasons and the new
	 * date.
	 * @param correspondenceId the queued mail
	 */
	void recordExtensionNotice(long correspondenceId) {
		if (this.extensionMonths == 0) {
			throw new IllegalStateException("No extension to give notice of on " + this.reference);
		}
		this.extensionNoticeId = correspondenceId;
	}

	/**
	 * The answer is given. After the deadline (the one in force: an extension counts only
	 * once its notice was sent or posted) the answer is late (Art. 12(3)): it needs the
	 * reason it is late, and its letter apologises.
	 * @param lateReason why the answer comes after the deadline; required then, and
	 * ignored before
	 * @param today the controller's date
	 */
	void answer(String lateReason, LocalDate today, Actor actor, Instant now) {
		require(RequestAction.COMPLETED);
		boolean late = isPastDeadline(today);
		if (late && (lateReason == null || lateReason.isBlank())) {
			throw new RefusedException(List.of(new RefusedException.Invalid("lateReason", "answer.late.required")));
		}
		this.lateReason = late ? lateReason.strip() : null;
		RequestStatus before = this.status;
		close(COMPLETED, null, now);
		record(RequestAction.COMPLETED, actor, late ? "late" : null, statusChange(before));
	}

	/**
	 * Whether the deadline in force has passed on a day, so that an answer is late.
	 * @param today the controller's date
	 * @return {@code true} after the effective deadline
	 */
	public boolean isPastDeadline(LocalDate today) {
		return today.isAfter(this.effectiveDeadline);
	}

	/** The answer has been given. */
	void complete(Actor actor, Instant now) {
		require(RequestAction.COMPLETED);
		RequestStatus before = this.status;
		close(COMPLETED, null, now);
		record(RequestAction.COMPLETED, actor, null, statusChange(before));
	}

	/**
	 * Refuses the request, with reasons that the person is told.
	 * @param reason the grounds, for example manifestly unfounded (Art. 12(5))
	 */
	void reject(String reason, Actor actor, Instant now) {
		require(RequestAction.REJECTED);
		requireText(reason, "reason");
		RequestStatus before = this.status;
		close(REJECTED, reason.strip(), now);
		// The reasons in words are told to the person and may hold personal data: not in
		// the trail.
		record(RequestAction.REJECTED, actor, null, statusChange(before));
	}

	/**
	 * Refuses the request on a ground the law gives, with reasons that the person is
	 * told.
	 * @param ground manifestly unfounded or excessive (Art. 12(5)), or the person could
	 * not be identified (Art. 11(2), 12(2))
	 * @param reason the reasons, in words
	 * @param lateReason why the refusal comes after the one-month limit (Art. 12(4):
	 * "without delay and at the latest within one month of receipt"); required then, and
	 * ignored before
	 * @param today the controller's date
	 */
	void reject(RejectionGround ground, String reason, String lateReason, LocalDate today, Actor actor, Instant now) {
		if (ground == null) {
			throw new IllegalArgumentException("A ground is required");
		}
		require(RequestAction.REJECTED);
		requireText(reason, "reason");
		boolean late = isPastOneMonth(today);
		if (late && (lateReason == null || lateReason.isBlank())) {
			throw new RefusedException(
					List.of(new RefusedException.Invalid("lateReason", "requestPage.reject.late.required")));
		}
		this.lateReason = late ? lateReason.strip() : null;
		RequestStatus before = this.status;
		this.rejectionGround = ground;
		close(REJECTED, reason.strip(), now);
		List<Change> changes = new ArrayList<>(statusChange(before));
		changes.add(Change.of("rejectionGround", null, ground));
		record(RequestAction.REJECTED, actor, "ground=" + ground + (late ? "; late" : ""), changes);
	}

	/** The person withdrew the request. */
	void withdraw(Actor actor, Instant now) {
		require(RequestAction.WITHDRAWN);
		RequestStatus before = this.status;
		close(WITHDRAWN, null, now);
		record(RequestAction.WITHDRAWN, actor, null, statusChange(before));
	}

	/**
	 * Closes the request as a duplicate of another one, which is answered instead: one
	 * request, one answer. Refused for the request itself, for a request that is itself a
	 * closed duplicate (link to the one answered) and, like every closing step, once
	 * closed.
	 * @param original the request that is answered instead
	 */
	void closeAsDuplicate(DsrRequest original, Actor actor, Instant now) {
		if (!this.status.isOpen()) {
			throw new RefusedException(HttpStatus.CONFLICT, null, "duplicate.error.closed", this.reference);
		}
		require(RequestAction.CLOSED_AS_DUPLICATE);
		if (original == this || (this.id != null && this.id.equals(original.getId()))) {
			throw new RefusedException(HttpStatus.UNPROCESSABLE_CONTENT, null, "duplicate.error.itself",
					this.reference);
		}
		if (original.getStatus() == DUPLICATE) {
			throw new RefusedException(HttpStatus.UNPROCESSABLE_CONTENT, null, "duplicate.error.ofDuplicate",
					original.getReference());
		}
		RequestStatus before = this.status;
		this.duplicateOf = original.getId();
		close(DUPLICATE, original.getReference(), now);
		List<Change> changes = new ArrayList<>(statusChange(before));
		changes.add(Change.of("duplicateOf", null, original.getReference()));
		record(RequestAction.CLOSED_AS_DUPLICATE, actor, "duplicate of " + original.getReference(), changes);
	}

	/**
	 * The address was never confirmed. What the person wrote goes with it: the request
	 * stays only as a record for statistics (type, channel, dates).
	 */
	void expire(Instant now) {
		require(RequestAction.EXPIRED);
		RequestStatus before = this.status;
		this.description = null;
		close(EXPIRED, null, now);
		record(RequestAction.EXPIRED, Actor.SYSTEM, null, statusChange(before));
	}

	/**
	 * Records how the person says they are related to the company, as they told the
	 * public form.
	 * @param relationship the relationship, may be {@code null}
	 */
	void recordRelationship(Relationship relationship) {
		this.relationship = relationship;
	}

	/**
	 * Records that this request was made together with others, one per right.
	 * @param first the first of them (this one itself for the first)
	 */
	void recordMadeWith(DsrRequest first) {
		this.madeWith = first.getId();
	}

	/**
	 * Records that a representative made the request for the person, as it arrived.
	 * @param representative who, and on what authority, may be {@code null}
	 */
	void recordRepresentative(Representative representative) {
		if (representative == null) {
			return;
		}
		this.representativeName = representative.name();
		this.representativeEmail = representative.email();
		this.representativeAuthority = representative.authority();
	}

	/**
	 * Records the postal address the letters go to when there is no email address, as it
	 * arrived.
	 * @param address the address, lines separated by line breaks, may be {@code null}
	 */
	void recordReplyKey(String key) {
		this.replyKey = key;
	}

	void recordPostalAddress(String address) {
		if (address == null || address.isBlank()) {
			this.postalAddress = null;
			return;
		}
		// One line per line of the envelope's window, without blank lines or trailing
		// spaces.
		this.postalAddress = String.join("\n",
				address.strip().lines().map(String::strip).filter((line) -> !line.isEmpty()).toList());
	}

	/**
	 * Moves a just-confirmed request to the person already known by the same confirmed
	 * address, so that one person's requests are kept together.
	 * @param known the person
	 */
	void linkTo(DataSubject known, Instant now) {
		if (this.status != NEW) {
			throw new IllegalStateException("Only a just-confirmed request is linked: " + this.reference);
		}
		this.subject = known;
		touch(now);
	}

	/**
	 * Flags for staff that this request looks like a second open one of the same type
	 * from the same person. It is never dropped and keeps its own deadline.
	 * @param other the earlier open request
	 */
	void flagPossibleDuplicate(DsrRequest other, Instant now) {
		this.possibleDuplicateOf = other.getId();
		touch(now);
		record(RequestAction.FLAGGED_DUPLICATE, Actor.SYSTEM, "same type as " + other.getReference());
	}

	/**
	 * The deadline as the rules give it now, from the stored receipt date, the finished
	 * pauses and the extension.
	 * @param policy the deadline rules
	 * @return the deadline
	 */
	public Deadline currentDeadline(DeadlinePolicy policy) {
		List<PausePeriod> finished = this.pauses.stream()
			.filter((p) -> !p.isOpen() && p.stopsClock())
			.map(Pause::toPeriod)
			.toList();
		return policy.calculator()
			.compute(this.receiptDate, finished, this.extensionInForce ? this.extensionMonths : 0);
	}

	/**
	 * The deadline once the extension counts: what its notice tells the person, also
	 * while a posted notice is not yet recorded as posted.
	 * @param policy the deadline policy
	 * @return the extended deadline, or the one in force without an extension
	 */
	public LocalDate extendedDeadline(DeadlinePolicy policy) {
		List<PausePeriod> finished = this.pauses.stream()
			.filter((p) -> !p.isOpen() && p.stopsClock())
			.map(Pause::toPeriod)
			.toList();
		return policy.calculator().compute(this.receiptDate, finished, this.extensionMonths).effectiveDeadline();
	}

	private void recalculate(DeadlinePolicy policy) {
		Deadline deadline = currentDeadline(policy);
		this.originalDeadline = deadline.originalDeadline();
		this.oneMonthDeadline = deadline.lastDayToExtend();
		this.effectiveDeadline = deadline.effectiveDeadline();
		this.internalTarget = policy.internalTarget(this.effectiveDeadline);
	}

	private Pause openPause() {
		return this.pauses.stream()
			.filter(Pause::isOpen)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No open pause on " + this.reference));
	}

	private void close(RequestStatus closedStatus, String reason, Instant now) {
		this.status = closedStatus;
		this.closingReason = reason;
		this.closedAt = now;
		touch(now);
	}

	/**
	 * Whether the current status allows a step, for showing only the actions that make
	 * sense; the step itself may still refuse for other reasons (an extension once given,
	 * an identity already verified).
	 * @param action the step
	 * @return {@code true} when the status allows it
	 */
	public boolean allows(RequestAction action) {
		Set<RequestStatus> allowed = ALLOWED.get(action);
		boolean byStatus = allowed != null && allowed.contains(this.status);
		return switch (action) {
			case EXTENDED -> byStatus && this.extensionMonths == 0;
			case IDENTITY_VERIFIED -> byStatus && this.identityVerifiedAt == null;
			case AUTHORITY_VERIFIED -> byStatus && this.representativeName != null && this.authorityVerifiedAt == null;
			case EXTENSION_POSTED -> byStatus && this.extensionMonths > 0 && !this.extensionInForce;
			default -> byStatus;
		};
	}

	private void require(RequestAction action) {
		if (!ALLOWED.getOrDefault(action, Set.of()).contains(this.status)) {
			throw new IllegalTransitionException(this.status, action);
		}
	}

	private static void requireText(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A " + what + " is required");
		}
	}

	private void touch(Instant now) {
		this.updatedAt = now;
	}

	private void record(RequestAction action, Actor actor, String details) {
		record(action, actor, details, List.of());
	}

	private void record(RequestAction action, Actor actor, String details, List<Change> changes) {
		this.pending.add(new Pending(action, actor, details, changes));
	}

	/** The status from before to now, as a change for the audit trail. */
	private List<Change> statusChange(RequestStatus before) {
		return List.of(Change.of(STATUS, before, this.status));
	}

	/**
	 * The events to publish, made when the request is saved so that a new request's id is
	 * known.
	 * @return the activities since the last save
	 */
	@DomainEvents
	List<RequestActivity> activities() {
		return this.pending.stream()
			.map((p) -> new RequestActivity(this.id, this.reference, p.action(), p.actor(), p.details(), p.changes()))
			.toList();
	}

	@AfterDomainEventPublication
	void clearActivities() {
		this.pending.clear();
	}

	private record Pending(RequestAction action, Actor actor, String details, List<Change> changes) {
	}

	public Long getId() {
		return this.id;
	}

	public String getReference() {
		return this.reference;
	}

	public DataSubject getSubject() {
		return this.subject;
	}

	public RequestType getType() {
		return this.type;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public String getLanguage() {
		return this.language;
	}

	public String getDescription() {
		return this.description;
	}

	public RequestStatus getStatus() {
		return this.status;
	}

	public Long getAssigneeId() {
		return this.assigneeId;
	}

	public Instant getReceivedAt() {
		return this.receivedAt;
	}

	public LocalDate getReceiptDate() {
		return this.receiptDate;
	}

	public LocalDate getOriginalDeadline() {
		return this.originalDeadline;
	}

	public LocalDate getOneMonthDeadline() {
		return this.oneMonthDeadline;
	}

	public int getExtensionMonths() {
		return this.extensionMonths;
	}

	public String getExtensionReason() {
		return this.extensionReason;
	}

	public Instant getExtendedAt() {
		return this.extendedAt;
	}

	public Long getExtensionNoticeId() {
		return this.extensionNoticeId;
	}

	public boolean isExtensionInForce() {
		return this.extensionInForce;
	}

	public LocalDate getExtensionNoticePostedOn() {
		return this.extensionNoticePostedOn;
	}

	public LocalDate getDelayAnnouncedOn() {
		return this.delayAnnouncedOn;
	}

	public LocalDate getDelayExpectedOn() {
		return this.delayExpectedOn;
	}

	public String getDelayReason() {
		return this.delayReason;
	}

	public Long getDelayNoticeId() {
		return this.delayNoticeId;
	}

	public LocalDate getEffectiveDeadline() {
		return this.effectiveDeadline;
	}

	public LocalDate getInternalTarget() {
		return this.internalTarget;
	}

	/**
	 * Whether the one-month limit has passed on a day: the month from receipt plus the
	 * days of identity pauses (Art. 12(3), 12(4), 12(6)), after which a refusal is late.
	 * @param today the controller's date
	 * @return {@code true} after that day
	 */
	public boolean isPastOneMonth(LocalDate today) {
		return today.isAfter(this.oneMonthDeadline);
	}

	/**
	 * Why a refusal (after the one-month limit) or an answer (after the deadline) came
	 * late, as staff recorded it.
	 * @return the reason, {@code null} when it came in time
	 */
	public String getLateReason() {
		return this.lateReason;
	}

	public List<Pause> getPauses() {
		return List.copyOf(this.pauses);
	}

	public boolean isPaused() {
		return this.status == AWAITING_SUBJECT;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public String getClosingReason() {
		return this.closingReason;
	}

	public Relationship getRelationship() {
		return this.relationship;
	}

	/**
	 * The earlier open request of the same type from the same person, when this one looks
	 * like a second one.
	 * @return its id, or {@code null}
	 */
	public Long getMadeWith() {
		return this.madeWith;
	}

	/**
	 * Whether this request speaks for those made together with it: a request made alone,
	 * or the first of several. Confirmation links and reminders go out once, for it.
	 * @return {@code true} unless this is a later one of several made together
	 */
	public boolean leadsThoseMadeTogether() {
		return this.madeWith == null || this.madeWith.equals(this.id);
	}

	/**
	 * The representative who made the request for the person.
	 * @return them, or {@code null} when the person made it themselves
	 */
	public Representative getRepresentative() {
		return (this.representativeName != null)
				? new Representative(this.representativeName, this.representativeEmail, this.representativeAuthority)
				: null;
	}

	public Instant getAuthorityVerifiedAt() {
		return this.authorityVerifiedAt;
	}

	public Long getAuthorityVerifiedBy() {
		return this.authorityVerifiedBy;
	}

	public String getAuthorityNote() {
		return this.authorityNote;
	}

	/**
	 * Whether a representative's authority is still to be checked: until it is, nothing
	 * that discloses data may be sent (Art. 12(2)).
	 * @return {@code true} for a representative whose authority is not yet verified
	 */
	public boolean awaitsAuthorityCheck() {
		return this.representativeName != null && this.authorityVerifiedAt == null;
	}

	/**
	 * Who the letters are written to: the representative when there is one (Art. 12(2):
	 * the controller answers the one who exercised the right for the person), else the
	 * person.
	 * @return the name to greet, may be {@code null}
	 */
	public String correspondentName() {
		return (this.representativeName != null) ? this.representativeName : this.subject.getName();
	}

	/**
	 * The address the letters go to: the representative's when there is one, else the
	 * person's.
	 * @return the address, or {@code null} when the letters must go by post
	 */
	public String correspondentEmail() {
		return (this.representativeName != null) ? this.representativeEmail : this.subject.getEmail();
	}

	/**
	 * The postal address the letters go to when there is no email address: the
	 * correspondent's (the representative's when one acts, else the person's).
	 * @return the address, lines separated by line breaks, or {@code null}
	 */
	public String getPostalAddress() {
		return this.postalAddress;
	}

	/**
	 * The key of the request's reply address.
	 * @return the key, or {@code null} for a request made before replies were threaded
	 */
	public String getReplyKey() {
		return this.replyKey;
	}

	/**
	 * The day the open pause began, for offering to resume at a reply's receipt.
	 * @return the day, or {@code null} when the request is not paused
	 */
	public LocalDate getOpenPauseStart() {
		return isPaused() ? openPause().getPausedOn() : null;
	}

	/**
	 * Whether the letters to the correspondent go by post: there is no email address for
	 * them.
	 * @return {@code true} when every letter must be printed and posted
	 */
	public boolean isAnsweredByPost() {
		return correspondentEmail() == null;
	}

	public Long getDuplicateOf() {
		return this.duplicateOf;
	}

	public Long getPossibleDuplicateOf() {
		return this.possibleDuplicateOf;
	}

	public Instant getConfirmationRemindedAt() {
		return this.confirmationRemindedAt;
	}

	public Instant getIdentityVerifiedAt() {
		return this.identityVerifiedAt;
	}

	public Long getIdentityVerifiedBy() {
		return this.identityVerifiedBy;
	}

	public IdentityMethod getIdentityMethod() {
		return this.identityMethod;
	}

	public String getIdentityNote() {
		return this.identityNote;
	}

	public RejectionGround getRejectionGround() {
		return this.rejectionGround;
	}

	public long getVersion() {
		return this.version;
	}

}
