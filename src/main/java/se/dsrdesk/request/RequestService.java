package se.dsrdesk.request;

import se.dsrdesk.request.representative.Representative;

import se.dsrdesk.request.rules.RequestsProperties;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.deadline.DeadlinePolicy;
import se.dsrdesk.notification.Correspondence;
import se.dsrdesk.notification.LetterPosted;
import se.dsrdesk.notification.MailGivenUp;
import se.dsrdesk.notification.OutgoingMail;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.RecipientKind;
import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.system.NotFoundException;
import org.springframework.http.HttpStatus;
import se.dsrdesk.system.RefusedException;
import se.dsrdesk.request.persistence.DataSubjectRepository;
import se.dsrdesk.request.persistence.DsrRequestRepository;
import se.dsrdesk.request.note.RequestNote;
import se.dsrdesk.request.note.RequestNoteRepository;
import se.dsrdesk.request.refusal.InvalidAssigneeException;
import se.dsrdesk.request.refusal.RequestHasOpenTasksException;
import se.dsrdesk.request.auditing.RequestAuditor;
import se.dsrdesk.request.refusal.AuthorityNotVerifiedException;
import se.dsrdesk.request.refusal.IdentityNotVerifiedException;
import se.dsrdesk.request.redaction.Redaction;
import se.dsrdesk.request.message.PersonActivity;

/**
 * The request workflow's one application service: every step on a request, by staff, by
 * the person or by a sweep, goes through it. Each step loads the request, applies one
 * transition of {@link DsrRequest} (which nothing else may call) and saves it, and sends
 * the step's letter, so that the change, its audit line (written from the request's
 * {@link RequestActivity} events by {@link RequestAuditor}) and its mail commit together.
 * {@code expectedVersion} is the version the person saw; a different one means someone
 * else changed the request meanwhile.
 *
 * <p>
 * Where to add a step: a transition on {@link DsrRequest} (package-private), a method
 * here that runs it and queues its letter, and the controllers (page and API) that call
 * the method.
 */
@Service
@Transactional
public class RequestService {

	/** The longest text that can be a request's reference. */
	static final int MAX_REFERENCE = 32;

	/** How many notes, other requests and timeline entries the page lists. */
	public static final int LIST_LIMIT = 100;

	/** What the page says when someone else changed the request meanwhile. */
	public static final String CHANGED_MEANWHILE = "requestPage.error.conflict";

	private final DsrRequestRepository requests;

	private final DataSubjectRepository subjects;

	private final DeadlinePolicy policy;

	private final Outbox outbox;

	private final Clock clock;

	private final ObjectProvider<CompletionGuard> completionGuards;

	private final ObjectProvider<AnswerAttachments> attachments;

	private final ObjectProvider<AnswerComposer> composers;

	private final RequestNoteRepository notes;

	private final StaffUserRepository staff;

	private final ApplicationEventPublisher events;

	private final RequestsProperties settings;

	private final ObjectProvider<Acknowledgements> acknowledgements;

	private final PersonActivity personActivity;

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	RequestService(DsrRequestRepository requests, DataSubjectRepository subjects, DeadlinePolicy policy, Outbox outbox,
			Clock clock, ObjectProvider<CompletionGuard> completionGuards,
			ObjectProvider<AnswerAttachments> attachments, ObjectProvider<AnswerComposer> composers,
			RequestNoteRepository notes, StaffUserRepository staff, ApplicationEventPublisher events,
			RequestsProperties settings, ObjectProvider<Acknowledgements> acknowledgements,
			PersonActivity personActivity) {
		this.acknowledgements = acknowledgements;
		this.personActivity = personActivity;
		this.requests = requests;
		this.subjects = subjects;
		this.policy = policy;
		this.outbox = outbox;
		this.clock = clock;
		// Looked up when used: the guards' and attachments' packages depend on this
		// service.
		this.completionGuards = completionGuards;
		this.attachments = attachments;
		this.composers = composers;
		this.notes = notes;
		this.staff = staff;
		this.events = events;
		this.settings = settings;
	}

	/**
	 * Records a request that arrived.
	 * @param incoming what is known of it
	 * @param actor who registered it ({@link Actor#SYSTEM} for the web form)
	 * @return the saved request
	 */
	public DsrRequest register(NewRequest incoming, Actor actor) {
		return register(incoming, null, actor);
	}

	/**
	 * Records a request that arrived, with the relationship the person gave on the public
	 * form.
	 * @param incoming what is known of it
	 * @param relationship how the person is related to the company, may be {@code null}
	 * @param actor who registered it
	 * @return the saved request
	 */
	public DsrRequest register(NewRequest incoming, Relationship relationship, Actor actor) {
		return registerTogether(incoming, Set.of(), relationship, null, actor).get(0);
	}

	/**
	 * Records a request that asks for several rights at once, perhaps made by a
	 * representative: one request per right, for the same person and with the same
	 * receipt time, linked to the first of them so that their pages show one another.
	 * Each keeps its own deadline, tasks and answer.
	 * @param incoming what is known of it; its type is the first right
	 * @param otherTypes the further rights asked for, may be empty; the first type and
	 * repeats are left out
	 * @param relationship how the person is related to the company, may be {@code null}
	 * @param representative who made the request for the person, or {@code null} when
	 * they made it themselves
	 * @param actor who registered it
	 * @return the saved requests, the first right first
	 */
	public List<DsrRequest> registerTogether(NewRequest incoming, Collection<RequestType> otherTypes,
			Relationship relationship, Representative representative, Actor actor) {
		return registerTogether(incoming, otherTypes, relationship, representative, null, actor);
	}

	/**
	 * Records a request that asks for one or several rights, as
	 * {@link #registerTogether(NewRequest, Collection, Relationship, Representative, Actor)},
	 * with the postal address the letters go to when there is no email address.
	 * @param postalAddress the correspondent's postal address, lines separated by line
	 * breaks, may be {@code null}
	 */
	public List<DsrRequest> registerTogether(NewRequest incoming, Collection<RequestType> otherTypes,
			Relationship relationship, Representative representative, String postalAddress, Actor actor) {
		Instant now = this.clock.instant();
		Instant receivedAt = (incoming.receivedAt() != null) ? incoming.receivedAt() : now;
		DataSubject subject = this.subjects
			.save(new DataSubject(incoming.name(), incoming.email(), incoming.phone(), incoming.language(), now));
		Set<RequestType> types = new LinkedHashSet<>();
		types.add(incoming.type());
		types.addAll(otherTypes);
		List<DsrRequest> saved = new ArrayList<>();
		for (RequestType type : types) {
			DsrRequest request = DsrRequest.receive(reference(receivedAt), subject, type, incoming.channel(),
					incoming.language(), incoming.description(), receivedAt, this.policy, actor, now);
			request.recordRelationship(relationship);
			request.recordRepresentative(representative);
			request.recordPostalAddress(postalAddress);
			request.recordReplyKey(newReplyKey());
			saved.add(this.requests.save(request));
		}
		if (saved.size() > 1) {
			DsrRequest first = saved.get(0);
			saved.forEach((request) -> request.recordMadeWith(first));
			this.requests.saveAll(saved);
		}
		return saved;
	}

	/**
	 * The requests made together with this one (one per right), itself left out, in the
	 * order they were made.
	 * @param request the request
	 * @return the others, empty for a request made alone
	 */
	@Transactional(readOnly = true)
	public List<DsrRequest> madeTogether(DsrRequest request) {
		if (request.getMadeWith() == null) {
			return List.of();
		}
		return this.requests.findByMadeWithOrderByIdAsc(request.getMadeWith())
			.stream()
			.filter((other) -> !other.getId().equals(request.getId()))
			.toList();
	}

	@Transactional(readOnly = true)
	public DsrRequest get(long id) {
		return this.requests.findDetailedById(id).orElseThrow(() -> new NotFoundException("Request"));
	}

	/**
	 * The request with the changes of the caller's transaction written, so that its
	 * version is the one the commit stores: for an answer built inside the transaction
	 * that made the change (the API's POSTs), not read again after the commit.
	 * @param id the request's id
	 * @return the request
	 */
	public DsrRequest current(long id) {
		this.requests.flush();
		return get(id);
	}

	/**
	 * A request by the reference a person or a client gives: without regard to case and
	 * surrounding white space, as the reference is printed in capitals.
	 * @param reference the reference as given
	 * @return the request
	 * @throws NotFoundException when there is none (or what was given cannot be a
	 * reference)
	 */
	@Transactional(readOnly = true)
	public DsrRequest byReference(String reference) {
		String given = (reference != null) ? reference.strip() : "";
		if (given.isEmpty() || given.length() > MAX_REFERENCE) {
			throw new NotFoundException("Request");
		}
		return this.requests.findByReference(given.toUpperCase(Locale.ROOT))
			.orElseThrow(() -> new NotFoundException("Request"));
	}

	public DsrRequest verifyEmail(long id, Actor actor) {
		return change(id, null, (request) -> request.verifyEmail(actor, now()));
	}

	/**
	 * Gives the request to an active case handler and tells them by mail, in their
	 * language.
	 * @throws InvalidAssigneeException when the person is not an active case handler
	 */
	public DsrRequest assign(long id, Long expectedVersion, long assigneeId, Actor actor) {
		StaffUser assignee = this.staff.findById(assigneeId)
			.filter((u) -> u.isActive() && u.hasRole(Role.CASE_HANDLER))
			.orElseThrow(InvalidAssigneeException::new);
		DsrRequest request = change(id, expectedVersion, (r) -> r.assign(assigneeId, actor, now()));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", assignee.getDisplayName());
		model.put("reference", request.getReference());
		model.put("type", request.getType());
		model.put("deadline", request.getEffectiveDeadline());
		model.put("requestId", request.getId());
		model.put("assignedBy", actor.label());
		model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(request.getReference()));
		this.outbox.enqueue(new OutgoingMail(assignee.getEmail(), RecipientKind.STAFF,
				Locale.forLanguageTag(assignee.getPreferredLanguage()), "request-assigned", model, request.getId()));
		return request;
	}

	public DsrRequest startWork(long id, Long expectedVersion, Actor actor) {
		return change(id, expectedVersion, (request) -> request.startWork(actor, now()));
	}

	public DsrRequest verifyIdentity(long id, Long expectedVersion, IdentityMethod method, String note, Actor actor) {
		return change(id, expectedVersion, (request) -> request.verifyIdentity(method, note, actor, now()));
	}

	/**
	 * Records that the representative's authority to act for the person was checked (Art.
	 * 12(2)), and what was checked.
	 * @param note what was checked, such as the power of attorney
	 */
	public DsrRequest verifyAuthority(long id, Long expectedVersion, String note, Actor actor) {
		return change(id, expectedVersion, (request) -> request.verifyAuthority(note, actor, now()));
	}

	/**
	 * Waits for the person on a ground (identity, Art. 12(6), or a clarification of
	 * scope, Recital 63) and writes to them what is needed, in the request's language,
	 * with the wording and the provision of that ground. A person without an email
	 * address must be written to by post.
	 * @param ground why the request waits
	 * @param needed what the person should send, as the case handler wrote it
	 * @param justification why a clarification of scope is needed (for the file, not the
	 * letter); required for {@link PauseGround#SCOPE}
	 */
	public DsrRequest pause(long id, Long expectedVersion, PauseGround ground, String needed, String justification,
			Actor actor) {
		DsrRequest request = change(id, expectedVersion, (r) -> r.pause(ground, needed, justification,
				this.settings.scopePauseStopsClock(), today(), actor, now()));
		Map<String, Object> model = subjectModel(request);
		model.put("needed", needed.strip());
		model.put("ground", ground.name());
		model.put("stopsClock", ground.verifiesRequester() || this.settings.scopePauseStopsClock());
		if (request.getRepresentative() != null) {
			// To the representative: the letter names the person they act for.
			model.put("onBehalfOf", request.getSubject().getName());
		}
		tell(request, "request-information-needed", model);
		return request;
	}

	public DsrRequest resume(long id, Long expectedVersion, Actor actor) {
		return change(id, expectedVersion, (request) -> request.resume(today(), this.policy, actor, now()));
	}

	/**
	 * Resumes a request paused for information on the day the information arrived (a
	 * reply's receipt time), not the day staff noticed it: the time the person took is
	 * added to the deadline only until then (GDPR Art. 12(3) and (6): the clock runs
	 * again once the information is received).
	 * @param receivedAt when the information arrived
	 * @throws RefusedException when it arrived before the pause began
	 */
	public DsrRequest resumeAtReceipt(long id, Long expectedVersion, Instant receivedAt, Actor actor) {
		LocalDate today = today();
		LocalDate received = receivedAt.atZone(zone()).toLocalDate();
		LocalDate resumedOn = received.isAfter(today) ? today : received;
		return change(id, expectedVersion, (request) -> {
			LocalDate pausedOn = request.getOpenPauseStart();
			if (pausedOn != null && resumedOn.isBefore(pausedOn)) {
				throw new RefusedException(HttpStatus.CONFLICT, null, "reply.resume.beforePause");
			}
			request.resume(resumedOn, this.policy, actor, now());
		});
	}

	/**
	 * The request whose reply address has this key.
	 * @param replyKey the key from a sub-address of the privacy inbox, any case
	 * @return the request, or empty
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<DsrRequest> byReplyKey(String replyKey) {
		if (replyKey == null || !replyKey.matches("[A-Za-z2-7]{32}")) {
			return java.util.Optional.empty();
		}
		return this.requests.findByReplyKey(replyKey.toLowerCase(Locale.ROOT));
	}

	/**
	 * The person answered by mail: the reply is on the request's timeline (audited
	 * without its content), and the assignee, if any, is told by mail.
	 * @param id the request
	 * @param replyId the reply's id in the incoming mail, named in the audit line
	 * @param actor who put it there ({@link Actor#SYSTEM} when matched by its address)
	 */
	public void recordReply(long id, long replyId, Actor actor) {
		recordReply(id, replyId, now(), actor);
	}

	/**
	 * The person answered by mail, as {@link #recordReply(long, long, Actor)}; until the
	 * case handler responsible opens the request, the inbox marks it as new from the
	 * person.
	 * @param receivedAt when the mail server received the reply, its time on the timeline
	 */
	public void recordReply(long id, long replyId, Instant receivedAt, Actor actor) {
		DsrRequest request = get(id);
		this.personActivity.wrote(request.getId(), receivedAt);
		this.events.publishEvent(new RequestActivity(request.getId(), request.getReference(),
				RequestAction.REPLY_RECEIVED, actor, "incoming mail " + replyId));
		if (request.getAssigneeId() != null) {
			this.staff.findById(request.getAssigneeId()).filter(StaffUser::isActive).ifPresent((assignee) -> {
				Map<String, Object> model = new LinkedHashMap<>();
				model.put("name", assignee.getDisplayName());
				model.put("reference", request.getReference());
				model.put("requestId", request.getId());
				model.put("paused", request.isPaused());
				model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(request.getReference()));
				this.outbox.enqueue(new OutgoingMail(assignee.getEmail(), RecipientKind.STAFF,
						Locale.forLanguageTag(assignee.getPreferredLanguage()), "request-reply-received", model,
						request.getId()));
			});
		}
	}

	/**
	 * Registers a request that staff received by email, letter, phone or in person, as
	 * {@link #registerTogether(NewRequest, Collection, Relationship, Representative, String, Actor)},
	 * and acknowledges it in the same transaction like a request from the public form:
	 * reference, deadline and status link, by mail when there is an email address and
	 * otherwise as a letter to post. A case handler may choose not to acknowledge, with a
	 * reason that is kept as a note and shown on the timeline.
	 * @param skipReason why no acknowledgement is sent; {@code null} to send it
	 * @return the saved requests, the first right first
	 */
	public List<DsrRequest> registerByStaff(NewRequest incoming, Collection<RequestType> otherTypes,
			Representative representative, String postalAddress, String skipReason, Actor actor) {
		List<DsrRequest> saved = registerTogether(incoming, otherTypes, null, representative, postalAddress, actor);
		if (skipReason == null) {
			this.acknowledgements.getObject().acknowledge(saved);
			return saved;
		}
		for (DsrRequest request : saved) {
			RequestNote note = this.notes.save(new RequestNote(request.getId(), actor,
					"Acknowledgement not sent / Mottagningsbekräftelse skickades inte: " + skipReason.strip(), now()));
			this.events.publishEvent(new RequestActivity(request.getId(), request.getReference(),
					RequestAction.ACKNOWLEDGEMENT_SKIPPED, actor, "note " + note.getId()));
		}
		return saved;
	}

	/**
	 * Extends the deadline and, in the same transaction, queues the notice that the law
	 * requires with it: the reasons and the new date, in the request's language. The
	 * extension counts only once the person is told (Art. 12(3)): a person without an
	 * email address must get the notice by post, and the extension counts from when staff
	 * record it as posted ({@link #recordExtensionPosted}); a notice mail that is given
	 * up makes it stop counting.
	 */
	public DsrRequest extend(long id, Long expectedVersion, int months, String reason, Actor actor) {
		String email = get(id).correspondentEmail();
		DsrRequest request = change(id, expectedVersion,
				(r) -> r.extend(months, reason, email != null, today(), this.policy, actor, now()));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", request.correspondentName());
		model.put("reference", request.getReference());
		model.put("type", request.getType());
		model.put("receiptDate", request.getReceiptDate());
		model.put("months", request.getExtensionMonths());
		model.put("reason", request.getExtensionReason());
		// The new date, also in a posted notice, whose extension counts once it is
		// recorded as posted (letterPosted).
		model.put("deadline", request.extendedDeadline(this.policy));
		model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(request.getReference()));
		Correspondence notice = tell(request, "request-extended", model);
		if (notice != null && email != null) {
			request.recordExtensionNotice(notice.getId());
		}
		return request;
	}

	/**
	 * Records that the extension notice was posted to the person: the extension counts
	 * from then, when it was posted within the first month (Art. 12(3)).
	 * @param postedOn the day the letter was posted
	 */
	public DsrRequest recordExtensionPosted(long id, Long expectedVersion, LocalDate postedOn, Actor actor) {
		return change(id, expectedVersion,
				(r) -> r.recordExtensionPosted(postedOn, today(), this.policy, actor, now()));
	}

	/**
	 * Tells the person that the answer is delayed: why, and when they may expect it, in
	 * the request's language. It moves no deadline. A person without an email address
	 * must be written to by post; the notice is then recorded as posted.
	 * @param reason why, as the person is told
	 * @param expectedOn when to expect the answer
	 */
	public DsrRequest announceDelay(long id, Long expectedVersion, String reason, LocalDate expectedOn, Actor actor) {
		DsrRequest request = change(id, expectedVersion,
				(r) -> r.announceDelay(reason, expectedOn, null, today(), actor, now()));
		Map<String, Object> model = subjectModel(request);
		model.put("reason", request.getDelayReason());
		model.put("expectedOn", request.getDelayExpectedOn());
		model.put("deadline", request.getEffectiveDeadline());
		model.put("extended", request.isExtensionCounted());
		Correspondence notice = tell(request, "request-delayed", model);
		if (notice != null && !request.isAnsweredByPost()) {
			request.recordDelayNotice(notice.getId());
		}
		return request;
	}

	/**
	 * A mail to the person was given up: an extension whose notice it was stops counting
	 * and its deadline falls back (Art. 12(3)); a delay notice counts as not sent. Runs
	 * after the dispatcher's transaction, in its own.
	 * @param event the mail given up
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void noticeGivenUp(MailGivenUp event) {
		if (event.requestId() == null) {
			return;
		}
		this.requests.findById(event.requestId()).ifPresent((request) -> {
			boolean extension = request.extensionNoticeFailed(event.correspondenceId(), this.policy, now());
			boolean delay = request.delayNoticeFailed(event.correspondenceId(), now());
			if (extension || delay) {
				this.requests.save(request);
			}
		});
	}

	/**
	 * Completes the request and queues the answer letter, as staff reviewed and edited it
	 * (each masked passage replaced by its marker, {@link Redaction}), to the person in
	 * the request's language, in one transaction: the letter goes only if the request
	 * could be completed (no open task, unchanged version).
	 * @param text the letter's text
	 * @throws RequestHasOpenTasksException while a task is open
	 * @throws IdentityNotVerifiedException when the answer discloses data and the
	 * person's identity check is not recorded
	 */
	public DsrRequest answer(long id, Long expectedVersion, String text, Actor actor) {
		return answer(id, expectedVersion, text, null, actor);
	}

	/**
	 * Completes the request and queues the answer letter, as
	 * {@link #answer(long, Long, String, Actor)}. After the deadline (Art. 12(3)) the
	 * answer needs the reason it is late, kept on file, and the letter apologises for the
	 * delay.
	 * @param lateReason why it is late; required once the deadline has passed
	 */
	public DsrRequest answer(long id, Long expectedVersion, String text, String lateReason, Actor actor) {
		DsrRequest request = completeChecked(id, expectedVersion, (r) -> r.answer(lateReason, today(), actor, now()));
		// After the completion guard, so that open tasks are named first; the refusal
		// rolls the completion back.
		if (needsIdentityCheck(id)) {
			throw new IdentityNotVerifiedException();
		}
		if (needsAuthorityCheck(id)) {
			throw new AuthorityNotVerifiedException();
		}
		Map<String, Object> model = subjectModel(request);
		Locale locale = Locale.forLanguageTag(request.getLanguage());
		String approved = Redaction.apply(text.strip().replace("\r\n", "\n"), locale);
		model.put("body", approved);
		model.put("late", request.getLateReason() != null);
		if (!request.isAnsweredByPost()) {
			// A download link is for mail; a posted letter carries the approved text
			// itself
			// and its enclosures (notification.LetterEnclosures).
			this.attachments.orderedStream().forEach((a) -> model.putAll(a.attach(request, locale, approved)));
		}
		tell(request, "request-answer", model);
		return request;
	}

	/**
	 * Whether an answer sent today would be late: the deadline in force has passed.
	 * @param id the request
	 * @return {@code true} when the answer needs the reason it is late
	 */
	@Transactional(readOnly = true)
	public boolean answerIsLate(long id) {
		return get(id).isPastDeadline(today());
	}

	/**
	 * Whether the answer to a request would disclose personal data to a person whose
	 * identity check is not recorded, so that it cannot be sent yet.
	 * @param id the request
	 * @return whether the identity check must be recorded first
	 */
	@Transactional(readOnly = true)
	public boolean needsIdentityCheck(long id) {
		if (get(id).getIdentityVerifiedAt() != null) {
			return false;
		}
		AnswerComposer composer = this.composers.getIfAvailable();
		return composer != null && composer.disclosesData(id);
	}

	/**
	 * Whether the answer would disclose personal data to a representative whose authority
	 * is not yet checked (Art. 12(2); EDPB Guidelines 01/2022): it cannot be sent yet, as
	 * with the identity check.
	 * @param id the request
	 * @return whether the authority check must be recorded first
	 */
	@Transactional(readOnly = true)
	public boolean needsAuthorityCheck(long id) {
		if (!get(id).awaitsAuthorityCheck()) {
			return false;
		}
		AnswerComposer composer = this.composers.getIfAvailable();
		return composer != null && composer.disclosesData(id);
	}

	/**
	 * Completes a request without a letter, unless work on it is still open. Not a step
	 * of the workflow: the case handler's step is {@link #answer}, which sends the
	 * letter; this is kept for the package and for tests that need a closed request.
	 * @throws RequestHasOpenTasksException while a {@link CompletionGuard} reports open
	 * items
	 */
	DsrRequest complete(long id, Long expectedVersion, Actor actor) {
		return completeChecked(id, expectedVersion, (request) -> request.complete(actor, now()));
	}

	private DsrRequest completeChecked(long id, Long expectedVersion, Consumer<DsrRequest> completion) {
		return change(id, expectedVersion, (request) -> {
			long open = this.completionGuards.orderedStream().mapToLong((guard) -> guard.openItems(id)).sum();
			if (open > 0) {
				throw new RequestHasOpenTasksException(open);
			}
			completion.accept(request);
		});
	}

	/**
	 * Refuses a request without a ground and without a letter, as refusals were recorded
	 * before grounds were kept. Not a step of the workflow: the case handler's step is
	 * {@link #reject(long, Long, RejectionGround, String, Actor)}, which sends the
	 * letter; this is kept for tests that need a refused request.
	 */
	DsrRequest reject(long id, Long expectedVersion, String reason, Actor actor) {
		return change(id, expectedVersion, (request) -> request.reject(reason, actor, now()));
	}

	/**
	 * Refuses the request and tells the person why, with their right to complain to the
	 * supervisory authority and to go to court, in the request's language.
	 */
	public DsrRequest reject(long id, Long expectedVersion, RejectionGround ground, String reasons, Actor actor) {
		return reject(id, expectedVersion, ground, reasons, null, actor);
	}

	/**
	 * Refuses the request and tells the person why, with their rights, in the request's
	 * language. After the one-month limit (Art. 12(4)) the refusal needs the reason it is
	 * late, and the letter apologises for the delay.
	 * @param lateReason why it is late, recorded for the file; required once the limit
	 * has passed
	 */
	public DsrRequest reject(long id, Long expectedVersion, RejectionGround ground, String reasons, String lateReason,
			Actor actor) {
		DsrRequest request = change(id, expectedVersion,
				(r) -> r.reject(ground, reasons, lateReason, today(), actor, now()));
		Map<String, Object> model = subjectModel(request);
		model.put("ground", ground);
		model.put("reasons", request.getClosingReason());
		model.put("late", request.getLateReason() != null);
		tell(request, "request-rejected", model);
		return request;
	}

	/**
	 * Closes a request as a duplicate of another one, named by its reference, which is
	 * answered instead; both pages link to each other. With {@code tellPerson} the person
	 * is told, in the request's language, that the other request carries the answer.
	 * @param originalReference the reference of the request answered instead
	 * @param tellPerson whether the person gets a letter
	 */
	public DsrRequest closeAsDuplicate(long id, Long expectedVersion, String originalReference, boolean tellPerson,
			Actor actor) {
		String wanted = (originalReference != null) ? originalReference.strip().toUpperCase(Locale.ROOT) : "";
		DsrRequest original = (wanted.isEmpty() || wanted.length() > 32) ? null
				: this.requests.findByReference(wanted).orElse(null);
		if (original == null) {
			throw new RefusedException(HttpStatus.UNPROCESSABLE_CONTENT, null, "duplicate.error.unknown", wanted);
		}
		DsrRequest request = change(id, expectedVersion, (r) -> r.closeAsDuplicate(original, actor, now()));
		if (tellPerson) {
			Map<String, Object> model = subjectModel(request);
			model.put("original", original.getReference());
			model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(request.getReference(), original.getReference()));
			tell(request, "request-duplicate", model);
		}
		return request;
	}

	/**
	 * The requests closed as duplicates of one.
	 * @param request the request answered instead
	 * @return its duplicates, oldest first
	 */
	public List<DsrRequest> duplicatesOf(DsrRequest request) {
		return this.requests.findByDuplicateOfOrderByIdAsc(request.getId());
	}

	public DsrRequest withdraw(long id, Long expectedVersion, Actor actor) {
		return change(id, expectedVersion, (request) -> request.withdraw(actor, now()));
	}

	/**
	 * The address was never confirmed: closes the request, which keeps only what
	 * statistics need, in the caller's transaction (the intake sweep saves its batch).
	 * @param request the unconfirmed request, loaded by the caller
	 * @param now the sweep's time
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void expire(DsrRequest request, Instant now) {
		request.expire(now);
	}

	/**
	 * Moves a just-confirmed request to the person already known by the same confirmed
	 * address, so that one person's requests are kept together.
	 * @param request the request, just confirmed
	 * @param known the person
	 * @param now the current time
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void linkTo(DsrRequest request, DataSubject known, Instant now) {
		request.linkTo(known, now);
		this.requests.saveAndFlush(request);
	}

	/**
	 * Flags for staff that a request looks like a second open one of the same type from
	 * the same person.
	 * @param request the request
	 * @param other the earlier open request
	 * @param now the current time
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void flagPossibleDuplicate(DsrRequest request, DsrRequest other, Instant now) {
		request.flagPossibleDuplicate(other, now);
		this.requests.save(request);
	}

	/**
	 * Adds an internal note. Notes are never edited or deleted; the audit trail records
	 * the note's number, never its text.
	 * @param text what the note says
	 * @return the note
	 */
	public RequestNote addNote(long requestId, String text, Actor actor) {
		DsrRequest request = get(requestId);
		RequestNote note = this.notes.save(new RequestNote(request.getId(), actor, text, now()));
		this.events.publishEvent(new RequestActivity(request.getId(), request.getReference(), RequestAction.NOTE_ADDED,
				actor, "note " + note.getId()));
		return note;
	}

	/**
	 * A request's notes, newest first.
	 * @param requestId the request
	 * @return up to {@value #LIST_LIMIT} notes
	 */
	@Transactional(readOnly = true)
	public List<RequestNote> notes(long requestId) {
		return this.notes.findByRequestIdOrderByCreatedAtDescIdDesc(requestId, PageRequest.of(0, LIST_LIMIT));
	}

	/**
	 * The active case handlers, who may be given a request.
	 * @return them, by address
	 */
	@Transactional(readOnly = true)
	public List<StaffUser> caseHandlers() {
		return this.staff.findActiveWithRole(Role.CASE_HANDLER);
	}

	/**
	 * The name of a staff user, for the page.
	 * @param staffUserId the user, may be {@code null}
	 * @return the display name, or {@code null}
	 */
	@Transactional(readOnly = true)
	public String staffName(Long staffUserId) {
		return (staffUserId != null) ? this.staff.findById(staffUserId).map(StaffUser::getDisplayName).orElse(null)
				: null;
	}

	/**
	 * The person's other requests: those of the same person record or of the same
	 * confirmed address, newest first.
	 * @param request the request
	 * @return up to {@value #LIST_LIMIT} others
	 */
	@Transactional(readOnly = true)
	public List<DsrRequest> otherRequestsOfPerson(DsrRequest request) {
		DataSubject subject = request.getSubject();
		return this.requests.findOthersOfPerson(subject.getId(), subject.getEmailKey(), request.getId(),
				PageRequest.of(0, LIST_LIMIT));
	}

	/**
	 * A letter to the person (or their representative) in the request's language: a mail
	 * when there is an email address, otherwise a letter to post to the postal address,
	 * stored in the correspondence log for staff to print and record as posted.
	 * @param request the request
	 * @param template the letter's template
	 * @param model the template's variables
	 * @return the mail or letter, or {@code null} when there is neither an email nor a
	 * postal address
	 */
	private Correspondence tell(DsrRequest request, String template, Map<String, Object> model) {
		Locale locale = Locale.forLanguageTag(request.getLanguage());
		String email = request.correspondentEmail();
		if (email != null) {
			return this.outbox
				.enqueue(new OutgoingMail(email, RecipientKind.SUBJECT, locale, template, model, request.getId()));
		}
		if (request.getPostalAddress() == null) {
			return null;
		}
		return this.outbox.enqueueLetter(
				new OutgoingMail(Outbox.BY_POST, RecipientKind.SUBJECT, locale, template, model, request.getId()),
				request.correspondentName(), request.getPostalAddress());
	}

	/**
	 * A letter to the person was posted: a posted extension notice puts the extension in
	 * force, if it was posted within the first month (Art. 12(3)); otherwise the
	 * extension does not count and the deadline stays. Runs in the transaction that
	 * records the letter as posted.
	 * @param event the letter posted
	 */
	@EventListener
	public void letterPosted(LetterPosted event) {
		if (event.requestId() == null || !"request-extended".equals(event.template())) {
			return;
		}
		DsrRequest request = get(event.requestId());
		if (request.getExtensionMonths() == 0 || request.isExtensionCounted()
				|| !RequestStatus.OPEN.contains(request.getStatus())
				|| event.postedOn().isAfter(request.getOneMonthDeadline())) {
			return;
		}
		try {
			request.recordExtensionPosted(event.postedOn(), today(), this.policy,
					new Actor(event.staffUserId(), event.staffLabel()), now());
		}
		catch (RefusedException ex) {
			// The letter stays recorded as posted; the extension does not count, and the
			// page says so.
			return;
		}
		this.requests.save(request);
	}

	private static Map<String, Object> subjectModel(DsrRequest request) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", request.correspondentName());
		model.put("reference", request.getReference());
		model.put("type", request.getType());
		model.put("receiptDate", request.getReceiptDate());
		model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(request.getReference()));
		return model;
	}

	private DsrRequest change(long id, Long expectedVersion, Consumer<DsrRequest> transition) {
		DsrRequest request = get(id);
		if (expectedVersion != null && expectedVersion != request.getVersion()) {
			throw new ConcurrentChangeException(CHANGED_MEANWHILE);
		}
		transition.accept(request);
		return this.requests.save(request);
	}

	/**
	 * A new reply key: 160 random bits in lower-case Base32 (32 characters), fit for the
	 * local part of an address and unchanged when a server lowers its case.
	 */
	static String newReplyKey() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
		StringBuilder key = new StringBuilder(32);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xFF);
			bits += 8;
			while (bits >= 5) {
				key.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		return key.toString();
	}

	private String reference(Instant receivedAt) {
		ZoneId zone = this.policy.calculator().zone();
		int year = receivedAt.atZone(zone).getYear();
		return String.format("DSR-%d-%06d", year, this.requests.nextReferenceNumber());
	}

	/**
	 * The controller's time zone, which decides receipt dates.
	 * @return the zone
	 */
	public ZoneId zone() {
		return this.policy.calculator().zone();
	}

	private Instant now() {
		return this.clock.instant();
	}

	/**
	 * The controller's date.
	 * @return today in the controller's time zone
	 */
	public LocalDate today() {
		return this.policy.calculator().today(this.clock);
	}

}
