package se.dsrdesk.location;

import se.dsrdesk.location.persistence.RestrictionHoldRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.deadline.DeadlineCalculator;
import se.dsrdesk.notification.Correspondence;
import se.dsrdesk.notification.LetterPosted;
import se.dsrdesk.notification.MailGivenUp;
import se.dsrdesk.notification.OutgoingMail;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.RecipientKind;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestDirectory;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestSummary;
import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.system.NotFoundException;

/**
 * Restrictions of processing in force (Art. 18), each from a restriction task's outcome,
 * and their lifting: first the person is told (Art. 18(3)), by a letter queued as mail in
 * the request's language ({@code restriction-lifting}) or recorded as posted; then the
 * restriction can be lifted. Every step is audited. A restriction outlives its request's
 * closing.
 */
@Service
@Transactional
public class RestrictionHolds {

	static final String TARGET = "RESTRICTION_HOLD";

	/** The mail that tells the person before the restriction is lifted. */
	public static final String LETTER = "restriction-lifting";

	private final RestrictionHoldRepository holds;

	private final RequestService requests;

	private final RequestDirectory directory;

	private final Outbox outbox;

	private final AuditLog audit;

	private final DeadlineCalculator calendar;

	private final Clock clock;

	RestrictionHolds(RestrictionHoldRepository holds, RequestService requests, RequestDirectory directory,
			Outbox outbox, AuditLog audit, DeadlineCalculator calendar, Clock clock) {
		this.holds = holds;
		this.requests = requests;
		this.directory = directory;
		this.outbox = outbox;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public RestrictionHold get(long id) {
		return this.holds.findDetailedById(id).orElseThrow(() -> new NotFoundException("Restriction"));
	}

	/**
	 * The restrictions a request's tasks created, in force or lifted.
	 * @param requestId the request
	 * @return its restrictions
	 */
	@Transactional(readOnly = true)
	public List<RestrictionHold> ofRequest(long requestId) {
		return this.holds.findByRequestIdOrderByIdAsc(requestId);
	}

	/**
	 * The restrictions in force, oldest first, as the dashboard lists them.
	 * @param limit how many to list
	 * @return the restrictions, and how many are in force in all
	 */
	@Transactional(readOnly = true)
	public Active active(int limit) {
		List<RestrictionHold> first = this.holds.findActive(PageRequest.of(0, limit));
		Map<Long, RequestSummary> requests = this.directory
			.summaries(first.stream().map(RestrictionHold::getRequestId).distinct().toList());
		List<Row> rows = first.stream().map((hold) -> {
			RequestSummary request = requests.get(hold.getRequestId());
			return new Row(hold.getId(), hold.getRequestId(), (request != null) ? request.reference() : "",
					hold.getLocation().getName(), hold.getLiftCondition(), hold.getLiftOn(), hold.isPersonTold(),
					hold.getCreatedAt().atZone(this.clock.getZone()).toLocalDate());
		}).toList();
		return new Active(rows, this.holds.countByLiftedAtIsNull());
	}

	/**
	 * Tells the person, in the request's language, that the restriction will be lifted
	 * and why (Art. 18(3)): by mail, or, when the person (or their representative) has no
	 * email address but a postal address, by a letter to post in the correspondence log
	 * ({@link Outbox#enqueueLetter}, printed with {@code notification.PostalLetters} like
	 * every other letter). A posted letter tells the person only once staff record it as
	 * posted ({@link #letterPosted}); until then the restriction cannot be lifted.
	 * @param id the restriction
	 * @param expectedVersion the version the page showed, or {@code null}
	 * @param reason why it is lifted, as the person is told
	 * @throws RestrictionRefusedException without a reason, when lifted already, or when
	 * the person has neither an email nor a postal address
	 */
	public RestrictionHold tellByMail(long id, Long expectedVersion, String reason, Actor actor) {
		RestrictionHold hold = current(id, expectedVersion);
		DsrRequest request = this.requests.get(hold.getRequestId());
		// Like every letter about the request, to whoever made it (a representative, if
		// any).
		String email = request.correspondentEmail();
		boolean byPost = email == null || email.isBlank();
		if (byPost && (request.getPostalAddress() == null || request.getPostalAddress().isBlank())) {
			throw new RestrictionRefusedException("restriction.tell.noEmail", "reason");
		}
		hold.checkTellable(reason);
		Locale language = Locale.forLanguageTag(request.getLanguage());
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", request.correspondentName());
		if (request.getRepresentative() != null) {
			// To the representative: the letter names the person whose data it concerns.
			model.put("onBehalfOf", request.getSubject().getName());
		}
		model.put("reference", request.getReference());
		model.put("type", request.getType());
		model.put("receiptDate", request.getReceiptDate());
		model.put("location", hold.getLocation().getName().in(language));
		model.put("reason", reason.strip());
		model.put("liftOn", hold.getLiftOn());
		model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(request.getReference()));
		if (byPost) {
			Correspondence letter = this.outbox.enqueueLetter(
					new OutgoingMail(Outbox.BY_POST, RecipientKind.SUBJECT, language, LETTER, model, request.getId()),
					request.correspondentName(), request.getPostalAddress());
			hold.letterWritten(reason, letter.getId(), actor);
			this.holds.saveAndFlush(hold);
			this.audit.recordAboutRequest(hold.getRequestId(), actor, "RESTRICTION_LIFT_LETTER_WRITTEN", TARGET, id,
					"location=" + hold.getLocation().getId() + "; request=" + hold.getRequestId() + "; correspondence="
							+ letter.getId() + "; to post; Art. 18(3)");
			return hold;
		}
		Correspondence mail = this.outbox
			.enqueue(new OutgoingMail(email, RecipientKind.SUBJECT, language, LETTER, model, request.getId()));
		hold.toldByMail(reason, mail.getId(), actor, this.clock.instant());
		this.holds.saveAndFlush(hold);
		this.audit.recordAboutRequest(hold.getRequestId(), actor, "RESTRICTION_LIFT_NOTICE_SENT", TARGET, id,
				"location=" + hold.getLocation().getId() + "; request=" + hold.getRequestId() + "; correspondence="
						+ mail.getId() + "; Art. 18(3)");
		return hold;
	}

	/**
	 * Staff recorded a letter as posted: if it was the letter telling the person that a
	 * restriction will be lifted, the person is told from that day (Art. 18(3)) and the
	 * restriction can be lifted. Runs in the transaction that records the letter.
	 * @param event the letter posted
	 */
	@EventListener
	public void letterPosted(LetterPosted event) {
		if (!LETTER.equals(event.template())) {
			return;
		}
		this.holds.findByNoticeCorrespondenceId(event.correspondenceId()).ifPresent((hold) -> {
			if (!hold.isActive() || hold.getNoticePostedOn() != null) {
				return;
			}
			Actor actor = new Actor(event.staffUserId(), event.staffLabel());
			hold.toldByPost(hold.getLiftReason(), event.postedOn(), this.calendar.today(this.clock), actor);
			this.holds.save(hold);
			this.audit.recordAboutRequest(hold.getRequestId(), actor, "RESTRICTION_LIFT_NOTICE_POSTED", TARGET,
					hold.getId(),
					"location=" + hold.getLocation().getId() + "; request=" + hold.getRequestId() + "; posted="
							+ event.postedOn() + "; correspondence=" + event.correspondenceId() + "; Art. 18(3)");
		});
	}

	/**
	 * Records that the letter telling the person was posted (Art. 18(3)).
	 * @param postedOn the day it was posted, not in the future
	 */
	public RestrictionHold recordPosted(long id, Long expectedVersion, String reason, LocalDate postedOn, Actor actor) {
		RestrictionHold hold = current(id, expectedVersion);
		hold.toldByPost(reason, postedOn, this.calendar.today(this.clock), actor);
		this.holds.saveAndFlush(hold);
		this.audit.recordAboutRequest(hold.getRequestId(), actor, "RESTRICTION_LIFT_NOTICE_POSTED", TARGET, id,
				"location=" + hold.getLocation().getId() + "; request=" + hold.getRequestId() + "; posted=" + postedOn
						+ "; Art. 18(3)");
		return hold;
	}

	/**
	 * Lifts the restriction, once the person has been told.
	 * @throws RestrictionRefusedException when the person has not been told (Art. 18(3)),
	 * or it is lifted already
	 */
	public RestrictionHold lift(long id, Long expectedVersion, Actor actor) {
		RestrictionHold hold = current(id, expectedVersion);
		// The correspondence log has the last word, should its event not have reached us.
		if (hold.isActive() && hold.getNoticePostedOn() == null && hold.getNoticeCorrespondenceId() != null
				&& this.outbox.find(hold.getNoticeCorrespondenceId())
					.map((mail) -> mail.getStatus() == Correspondence.Status.FAILED)
					.orElse(false)) {
			throw RestrictionRefusedException.noticeGivenUp();
		}
		hold.lift(actor, this.clock.instant());
		this.holds.saveAndFlush(hold);
		this.audit.recordAboutRequest(hold.getRequestId(), actor, "RESTRICTION_LIFTED", TARGET, id,
				"location=" + hold.getLocation().getId() + "; request=" + hold.getRequestId() + "; Art. 18(3)");
		return hold;
	}

	/**
	 * The mail server gave up on a mail: if it was the letter telling the person that a
	 * restriction will be lifted, the person was not told (Art. 18(3)), and lifting is
	 * refused until they are told again. Runs after the dispatcher's transaction, in its
	 * own.
	 * @param event the mail given up
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void noticeGivenUp(MailGivenUp event) {
		this.holds.findByNoticeCorrespondenceId(event.correspondenceId()).ifPresent((hold) -> {
			if (hold.noticeGivenUp(event.correspondenceId(), this.clock.instant())) {
				this.holds.save(hold);
				this.audit.recordAboutRequest(hold.getRequestId(), Actor.SYSTEM, "RESTRICTION_LIFT_NOTICE_GIVEN_UP",
						TARGET, hold.getId(),
						"location=" + hold.getLocation().getId() + "; request=" + hold.getRequestId()
								+ "; correspondence=" + event.correspondenceId() + "; lifted=" + !hold.isActive()
								+ "; Art. 18(3)");
			}
		});
	}

	private RestrictionHold current(long id, Long expectedVersion) {
		RestrictionHold hold = get(id);
		if (expectedVersion != null && expectedVersion != hold.getVersion()) {
			throw new ConcurrentChangeException(ConcurrentChangeException.CHANGED_MEANWHILE, "restriction.changed");
		}
		return hold;
	}

	/**
	 * A restriction in force as the dashboard lists it.
	 *
	 * @param id the restriction
	 * @param requestId its request
	 * @param reference the request's reference
	 * @param location where
	 * @param condition the condition for lifting it
	 * @param liftOn when it is expected to be lifted, or {@code null}
	 * @param personTold whether the person has been told it will be lifted
	 * @param since the day it was put in force
	 */
	public record Row(long id, long requestId, String reference, LocalizedText location, String condition,
			LocalDate liftOn, boolean personTold, LocalDate since) {
	}

	/**
	 * The first restrictions in force, and how many there are.
	 *
	 * @param rows the first ones
	 * @param count all of them
	 */
	public record Active(List<Row> rows, long count) {

		public boolean hasMore() {
			return this.count > this.rows.size();
		}

	}

}
