package se.dsrdesk.request;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.notification.OutgoingMail;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.RecipientKind;

/**
 * The staff actions on a request that, besides the transition, write to someone or keep a
 * record: assigning (the new assignee is told), asking the person for information (the
 * clock stops and they get a letter saying what is needed), refusing (the person gets the
 * reasons and their rights) and internal notes. Each runs in one transaction with the
 * change, its audit line and its mail.
 */
@Service
@Transactional
public class Casework {

	/** How many notes, other requests and timeline entries the page lists. */
	public static final int LIST_LIMIT = 100;

	private final RequestService requests;

	private final DsrRequestRepository requestRepository;

	private final RequestNoteRepository notes;

	private final StaffUserRepository staff;

	private final Outbox outbox;

	private final AuditLog audit;

	private final Clock clock;

	private final ObjectProvider<AnswerAttachments> attachments;

	Casework(RequestService requests, DsrRequestRepository requestRepository, RequestNoteRepository notes,
			StaffUserRepository staff, Outbox outbox, AuditLog audit, Clock clock,
			ObjectProvider<AnswerAttachments> attachments) {
		this.attachments = attachments;
		this.requests = requests;
		this.requestRepository = requestRepository;
		this.notes = notes;
		this.staff = staff;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
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
		DsrRequest request = this.requests.assign(id, expectedVersion, assigneeId, actor);
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
	 * Stops the clock (Art. 12(6)) and writes to the person what is needed, in the
	 * request's language. A person without an email address must be written to by post.
	 * @param needed what the person should send, as the case handler wrote it
	 */
	public DsrRequest askForInformation(long id, Long expectedVersion, String needed, Actor actor) {
		DsrRequest request = this.requests.pause(id, expectedVersion, needed, actor);
		String email = request.getSubject().getEmail();
		if (email != null) {
			Map<String, Object> model = subjectModel(request);
			model.put("needed", needed.strip());
			this.outbox
				.enqueue(new OutgoingMail(email, RecipientKind.SUBJECT, Locale.forLanguageTag(request.getLanguage()),
						"request-information-needed", model, request.getId()));
		}
		return request;
	}

	/**
	 * Refuses the request and tells the person why, with their right to complain to the
	 * supervisory authority and to go to court, in the request's language.
	 */
	public DsrRequest reject(long id, Long expectedVersion, RejectionGround ground, String reasons, Actor actor) {
		DsrRequest request = this.requests.reject(id, expectedVersion, ground, reasons, actor);
		String email = request.getSubject().getEmail();
		if (email != null) {
			Map<String, Object> model = subjectModel(request);
			model.put("ground", ground);
			model.put("reasons", request.getClosingReason());
			this.outbox.enqueue(new OutgoingMail(email, RecipientKind.SUBJECT,
					Locale.forLanguageTag(request.getLanguage()), "request-rejected", model, request.getId()));
		}
		return request;
	}

	/**
	 * Completes the request and queues the answer letter, as staff reviewed and edited
	 * it, to the person in the request's language, in one transaction: the letter goes
	 * only if the request could be completed (no open task, unchanged version).
	 * @param text the letter's text
	 * @throws RequestHasOpenTasksException while a task is open
	 */
	public DsrRequest answer(long id, Long expectedVersion, String text, Actor actor) {
		DsrRequest request = this.requests.complete(id, expectedVersion, actor);
		String email = request.getSubject().getEmail();
		if (email != null) {
			Map<String, Object> model = subjectModel(request);
			model.put("body", text.strip());
			Locale locale = Locale.forLanguageTag(request.getLanguage());
			this.attachments.orderedStream().forEach((a) -> model.putAll(a.attach(request, locale)));
			this.outbox.enqueue(
					new OutgoingMail(email, RecipientKind.SUBJECT, locale, "request-answer", model, request.getId()));
		}
		return request;
	}

	/**
	 * Adds an internal note. Notes are never edited or deleted.
	 * @param text what the note says
	 * @return the note
	 */
	public RequestNote addNote(long requestId, String text, Actor actor) {
		DsrRequest request = this.requests.get(requestId);
		RequestNote note = this.notes.save(new RequestNote(request.getId(), actor, text, this.clock.instant()));
		this.audit.recordAboutRequest(request.getId(), actor, "REQUEST_NOTE_ADDED", RequestAuditor.TARGET,
				request.getId(), request.getReference() + ": note " + note.getId());
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
	 * The person's other requests: those of the same person record or of the same
	 * confirmed address, newest first.
	 * @param request the request
	 * @return up to {@value #LIST_LIMIT} others
	 */
	@Transactional(readOnly = true)
	public List<DsrRequest> otherRequestsOfPerson(DsrRequest request) {
		DataSubject subject = request.getSubject();
		return this.requestRepository.findOthersOfPerson(subject.getId(), subject.getEmailKey(), request.getId(),
				PageRequest.of(0, LIST_LIMIT));
	}

	private static Map<String, Object> subjectModel(DsrRequest request) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", request.getSubject().getName());
		model.put("reference", request.getReference());
		model.put("type", request.getType());
		model.put("receiptDate", request.getReceiptDate());
		model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(request.getReference()));
		return model;
	}

}
