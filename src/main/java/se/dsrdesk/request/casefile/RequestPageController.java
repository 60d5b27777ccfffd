package se.dsrdesk.request.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.audit.AuditEvent;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.deadline.DeadlineCalculator;
import se.dsrdesk.notification.Correspondence;
import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.RequestAction;
import se.dsrdesk.request.RequestAuditor;
import se.dsrdesk.request.RequestNote;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.TaskChecklist;
import se.dsrdesk.request.attachment.RequestAttachments;
import se.dsrdesk.request.inbox.Urgency;
import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.system.RefusedException;

/**
 * A request's page for staff: the person, the status, the deadline panel, the task
 * checklist per location, internal notes and the timeline, with the actions the current
 * status allows. All staff read it; only case handlers act. Each action carries the
 * version of the request the person saw: a change by someone else meanwhile is refused
 * with a message, and the page is shown again with what was typed.
 *
 * <p>
 * What the page shows of the request is assembled by {@link RequestViews}, as the API's
 * request details are.
 */
@Controller
class RequestPageController {

	static final String VIEW = "requests/show";

	static final String ANSWER_VIEW = "requests/answer";

	private static final int MAX_TEXT = 2000;

	private static final int MAX_LETTER = 20000;

	private final RequestService requests;

	private final RequestViews views;

	private final ObjectProvider<AnswerComposer> composers;

	private final AuditLog audit;

	private final DeadlineCalculator calculator;

	private final Clock clock;

	private final RequestAttachments attachments;

	RequestPageController(RequestService requests, RequestViews views, ObjectProvider<AnswerComposer> composers,
			AuditLog audit, DeadlineCalculator calculator, Clock clock, RequestAttachments attachments) {
		this.requests = requests;
		this.views = views;
		this.composers = composers;
		this.audit = audit;
		this.calculator = calculator;
		this.clock = clock;
		this.attachments = attachments;
	}

	@InitBinder("caseForm")
	void allowFields(WebDataBinder binder) {
		binder.setAllowedFields("version", "assigneeId", "identityMethod", "identityNote", "information",
				"extensionMonths", "extensionReason", "rejectionGround", "rejectionReasons", "noteText", "answerText");
	}

	@GetMapping("/staff/requests/{id:\\d+}")
	String show(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("caseForm", new CaseForm());
		return page(id, me, model);
	}

	@PostMapping("/staff/requests/{id:\\d+}/assign")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String assign(@PathVariable long id, @ModelAttribute("caseForm") CaseForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (form.getAssigneeId() == null) {
			result.rejectValue("assigneeId", "requestPage.assign.required");
		}
		return act(id, form, result, me, model, response, redirect, "requestPage.done.assigned", RequestAction.ASSIGNED,
				() -> this.requests.assign(id, form.getVersion(), form.getAssigneeId(), me.toActor()));
	}

	@PostMapping("/staff/requests/{id:\\d+}/start")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String start(@PathVariable long id, @ModelAttribute("caseForm") CaseForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return act(id, form, result, me, model, response, redirect, "requestPage.done.started", RequestAction.STARTED,
				() -> this.requests.startWork(id, form.getVersion(), me.toActor()));
	}

	@PostMapping("/staff/requests/{id:\\d+}/identity")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String verifyIdentity(@PathVariable long id, @ModelAttribute("caseForm") CaseForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (form.getIdentityMethod() == null) {
			result.rejectValue("identityMethod", "requestPage.identity.method.required");
		}
		else if (form.getIdentityMethod() == IdentityMethod.OTHER && isBlank(form.getIdentityNote())) {
			result.rejectValue("identityNote", "requestPage.identity.note.required");
		}
		checkLength(result, "identityNote", form.getIdentityNote(), MAX_TEXT);
		return act(id, form, result, me, model, response, redirect, "requestPage.done.identityVerified",
				RequestAction.IDENTITY_VERIFIED, () -> this.requests.verifyIdentity(id, form.getVersion(),
						form.getIdentityMethod(), form.getIdentityNote(), me.toActor()));
	}

	@PostMapping("/staff/requests/{id:\\d+}/information")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String askForInformation(@PathVariable long id, @ModelAttribute("caseForm") CaseForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		requireText(result, "information", form.getInformation(), "requestPage.information.required", MAX_TEXT);
		return act(id, form, result, me, model, response, redirect, "requestPage.done.paused", RequestAction.PAUSED,
				() -> this.requests.pause(id, form.getVersion(), form.getInformation(), me.toActor()));
	}

	@PostMapping("/staff/requests/{id:\\d+}/resume")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String resume(@PathVariable long id, @ModelAttribute("caseForm") CaseForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return act(id, form, result, me, model, response, redirect, "requestPage.done.resumed", RequestAction.RESUMED,
				() -> this.requests.resume(id, form.getVersion(), me.toActor()));
	}

	@PostMapping("/staff/requests/{id:\\d+}/extend")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String extend(@PathVariable long id, @ModelAttribute("caseForm") CaseForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Integer months = form.getExtensionMonths();
		if (months == null || months < 1 || months > 2) {
			result.rejectValue("extensionMonths", "requestPage.extend.months.required");
		}
		requireText(result, "extensionReason", form.getExtensionReason(), "requestPage.extend.reason.required",
				MAX_TEXT);
		return act(id, form, result, me, model, response, redirect, "requestPage.done.extended", RequestAction.EXTENDED,
				() -> this.requests.extend(id, form.getVersion(), months, form.getExtensionReason(), me.toActor()));
	}

	/**
	 * The answer letter, composed from the task outcomes in the request's language, for
	 * staff to review and edit before it is sent and the request completed.
	 */
	@GetMapping("/staff/requests/{id:\\d+}/answer")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String answerDraft(@PathVariable long id, Model model) {
		DsrRequest request = this.requests.get(id);
		CaseForm form = new CaseForm();
		form.setVersion(request.getVersion());
		AnswerComposer composer = this.composers.getIfAvailable();
		form.setAnswerText(
				(composer != null) ? composer.compose(id, Locale.forLanguageTag(request.getLanguage())) : "");
		model.addAttribute("caseForm", form);
		return answerPage(request, model);
	}

	/**
	 * Sends the letter as edited and completes the request, in one transaction. Refused
	 * while a task is open or when someone else changed the request meanwhile; the letter
	 * is shown again as typed.
	 */
	@PostMapping("/staff/requests/{id:\\d+}/answer")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String answer(@PathVariable long id, @ModelAttribute("caseForm") CaseForm form, BindingResult result, Model model,
			@AuthenticationPrincipal StaffPrincipal me, HttpServletResponse response, RedirectAttributes redirect) {
		requireText(result, "answerText", form.getAnswerText(), "answer.text.required", MAX_LETTER);
		if (!result.hasErrors()) {
			try {
				this.requests.answer(id, form.getVersion(), form.getAnswerText(), me.toActor());
				redirect.addFlashAttribute("success", "answer.sent");
				return "redirect:/staff/requests/" + id;
			}
			catch (RefusedException | ObjectOptimisticLockingFailureException ex) {
				refuse(ex, result, response);
			}
		}
		return answerPage(this.requests.get(id), model);
	}

	private String answerPage(DsrRequest request, Model model) {
		model.addAttribute("request", request);
		model.addAttribute("openTasks",
				this.views.checklist(request.getId()).stream().filter(TaskChecklist.Item::isOpen).count());
		model.addAttribute("maxLetter", MAX_LETTER);
		return ANSWER_VIEW;
	}

	@PostMapping("/staff/requests/{id:\\d+}/reject")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String reject(@PathVariable long id, @ModelAttribute("caseForm") CaseForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (form.getRejectionGround() == null) {
			result.rejectValue("rejectionGround", "requestPage.reject.ground.required");
		}
		requireText(result, "rejectionReasons", form.getRejectionReasons(), "requestPage.reject.reasons.required",
				MAX_TEXT);
		return act(id, form, result, me, model, response, redirect, "requestPage.done.rejected", RequestAction.REJECTED,
				() -> this.requests.reject(id, form.getVersion(), form.getRejectionGround(), form.getRejectionReasons(),
						me.toActor()));
	}

	@PostMapping("/staff/requests/{id:\\d+}/withdraw")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String withdraw(@PathVariable long id, @ModelAttribute("caseForm") CaseForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return act(id, form, result, me, model, response, redirect, "requestPage.done.withdrawn",
				RequestAction.WITHDRAWN, () -> this.requests.withdraw(id, form.getVersion(), me.toActor()));
	}

	@PostMapping("/staff/requests/{id:\\d+}/notes")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String addNote(@PathVariable long id, @ModelAttribute("caseForm") CaseForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		requireText(result, "noteText", form.getNoteText(), "requestPage.note.required", RequestNote.MAX_LENGTH);
		// A note adds to the request without changing it: no version to check.
		return act(id, form, result, me, model, response, redirect, "requestPage.done.noteAdded", null,
				() -> this.requests.addNote(id, form.getNoteText(), me.toActor()));
	}

	/**
	 * Runs a step unless the form has errors, and answers: back to the page with a
	 * message on success, or the page again with the errors and everything typed.
	 */
	private String act(long id, CaseForm form, BindingResult result, StaffPrincipal me, Model model,
			HttpServletResponse response, RedirectAttributes redirect, String success, RequestAction step,
			Runnable action) {
		if (!result.hasErrors()) {
			try {
				action.run();
			}
			catch (RefusedException | ObjectOptimisticLockingFailureException ex) {
				refuse(ex, result, response);
			}
			catch (IllegalArgumentException ex) {
				result.reject("requestPage.error.invalid");
			}
			if (!result.hasErrors()) {
				redirect.addFlashAttribute("success", success);
				return "redirect:/staff/requests/" + id;
			}
		}
		// The refused form stays on the page with what was typed, even where the
		// request's
		// status no longer allows it.
		model.addAttribute("refused", (step != null) ? step.name() : "");
		return page(id, me, model);
	}

	/**
	 * Puts a refusal on the form, which the page shows again with what was typed; a
	 * change by someone else meanwhile is answered 409.
	 */
	private static void refuse(RuntimeException ex, BindingResult result, HttpServletResponse response) {
		if (ex instanceof RefusedException refusal && !(refusal instanceof ConcurrentChangeException)) {
			refusal.rejectOn(result);
		}
		else {
			result.reject(RequestService.CHANGED_MEANWHILE);
			response.setStatus(HttpServletResponse.SC_CONFLICT);
		}
	}

	private String page(long id, StaffPrincipal me, Model model) {
		RequestView view = this.views.of(id);
		DsrRequest request = view.request();
		LocalDate today = this.calculator.today(this.clock);
		List<Correspondence> mails = view.mails().getContent();
		model.addAttribute("request", request);
		model.addAttribute("subject", request.getSubject());
		model.addAttribute("others", this.requests.otherRequestsOfPerson(request));
		model.addAttribute("duplicateOf", (request.getPossibleDuplicateOf() != null)
				? this.requests.get(request.getPossibleDuplicateOf()) : null);
		model.addAttribute("assigneeName", view.assigneeName());
		model.addAttribute("identityVerifiedByName", view.identityVerifiedByName());
		model.addAttribute("extensionNotice",
				mails.stream()
					.filter((m) -> m.getId().equals(request.getExtensionNoticeId()))
					.findFirst()
					.orElse(null));
		model.addAttribute("daysLeft", daysLeft(request, today));
		model.addAttribute("tasks", view.tasks());
		model.addAttribute("notes", this.requests.notes(id));
		model.addAttribute("attachments", this.attachments.list(id));
		model.addAttribute("attachmentMaxMegabytes", this.attachments.maxSize().toMegabytes());
		model.addAttribute("timeline", timeline(id, mails));
		boolean canAct = me.hasRole(Role.CASE_HANDLER);
		model.addAttribute("canAct", canAct);
		model.addAttribute("caseHandlers", canAct ? this.requests.caseHandlers() : List.of());
		model.addAttribute("identityMethods", IdentityMethod.values());
		model.addAttribute("rejectionGrounds", RejectionGround.values());
		model.addAttribute("allowed",
				Arrays.stream(RequestAction.values())
					.filter(request::allows)
					.map(Enum::name)
					.collect(Collectors.toSet()));
		model.addAttribute("extensionStillAllowed", !today.isAfter(request.getOneMonthDeadline()));
		return VIEW;
	}

	/**
	 * Days left to the stored effective deadline, as a message key and its argument.
	 */
	private static DaysLeft daysLeft(DsrRequest request, LocalDate today) {
		long days = ChronoUnit.DAYS.between(today, request.getEffectiveDeadline());
		return switch (Urgency.of(request.getStatus(), days)) {
			case CLOSED -> new DaysLeft("requestPage.daysLeft.closed", 0);
			case PAUSED -> new DaysLeft("requestPage.daysLeft.paused", 0);
			case OVERDUE -> new DaysLeft("requestPage.daysLeft.overdue", -days);
			case TODAY -> new DaysLeft("requestPage.daysLeft.today", 0);
			case SOON, LATER -> new DaysLeft("requestPage.daysLeft.left", days);
		};
	}

	/**
	 * The audit events about the request and the mail sent about it, newest first; at the
	 * same moment a mail comes before the change that caused it was recorded.
	 */
	private List<TimelineEntry> timeline(long id, List<Correspondence> mails) {
		List<TimelineEntry> entries = new ArrayList<>();
		for (AuditEvent e : this.audit.about(RequestAuditor.TARGET, id, PageRequest.of(0, RequestService.LIST_LIMIT))) {
			entries.add(new TimelineEntry(e.getOccurredAt(), 0, e.getId(), e.getAction(), e.getActorLabel(),
					e.getDetails(), null));
		}
		for (Correspondence m : mails) {
			entries.add(new TimelineEntry(m.getCreatedAt(), 1, m.getId(), null, null, m.getSubject(), m));
		}
		entries.sort(Comparator.comparing(TimelineEntry::at)
			.thenComparing(TimelineEntry::order)
			.thenComparing(TimelineEntry::id)
			.reversed());
		return entries;
	}

	private static void requireText(BindingResult result, String field, String value, String code, int max) {
		if (isBlank(value)) {
			result.rejectValue(field, code);
		}
		else {
			checkLength(result, field, value, max);
		}
	}

	private static void checkLength(BindingResult result, String field, String value, int max) {
		if (value != null && value.length() > max) {
			result.rejectValue(field, "requestPage.text.tooLong", new Object[] { max }, null);
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * Days left as the page says them.
	 *
	 * @param key the message key
	 * @param days its argument
	 */
	record DaysLeft(String key, long days) {
	}

	/**
	 * One line of the timeline: an audit event or a mail.
	 *
	 * @param at when
	 * @param order at the same moment, mail (1) before events (0) when newest first
	 * @param id the row's id
	 * @param action the audit action, for events
	 * @param actor who did it, for events
	 * @param details the event's details, or the mail's subject
	 * @param letter the mail, or {@code null}
	 */
	record TimelineEntry(Instant at, int order, long id, String action, String actor, String details,
			Correspondence letter) {

		public boolean isLetter() {
			return this.letter != null;
		}

	}

}
