package se.dsrdesk.request.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.audit.AuditEvent;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.deadline.DeadlineCalculator;
import se.dsrdesk.notification.Correspondence;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.IncomingReplies;
import se.dsrdesk.request.PauseGround;
import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.RequestAction;
import se.dsrdesk.request.auditing.RequestAuditor;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.attachment.RequestAttachments;
import se.dsrdesk.request.inbox.Urgency;
import se.dsrdesk.request.message.PersonActivity;
import se.dsrdesk.request.message.PersonMessages;
import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.system.RefusedException;

/**
 * A request's page for staff, which the controllers of its actions share: what it shows
 * (the person, the status, the deadline panel, the task checklist per location, internal
 * notes and the timeline, with a form for each action the current status allows) and how
 * an action answers on it. Each action's form carries the version of the request the
 * person saw: a change by someone else meanwhile is refused with a message, and the page
 * is shown again with what was typed.
 */
@Component
class RequestPage {

	static final String VIEW = "requests/show";

	/** The model attribute whose errors the page sums up at the top: the form sent. */
	static final String ACTION_FORM = "actionForm";

	private final RequestService requests;

	private final RequestViews views;

	private final AuditLog audit;

	private final DeadlineCalculator calculator;

	private final Clock clock;

	private final RequestAttachments attachments;

	private final PersonMessages messages;

	private final PersonActivity activity;

	/** The model attribute of what the person wrote as staff have seen it, or none. */
	static final String PERSON_ACTIVITY = "personActivity";

	/**
	 * After this many working days from receipt, asking for information to confirm
	 * identity is flagged as late: it should be asked for without undue delay (EDPB
	 * Guidelines 01/2022 on the right of access).
	 */
	static final int IDENTITY_ASK_WORKING_DAYS = 3;

	private final ObjectProvider<IncomingReplies> replies;

	/** The audit action of a message from the person, shown as the message itself. */
	private static final String MESSAGE_EVENT = "REQUEST_" + RequestAction.MESSAGE_RECEIVED.name();

	RequestPage(RequestService requests, RequestViews views, AuditLog audit, DeadlineCalculator calculator, Clock clock,
			RequestAttachments attachments, ObjectProvider<IncomingReplies> replies, PersonMessages messages,
			PersonActivity activity) {
		this.activity = activity;
		this.replies = replies;
		this.messages = messages;
		this.requests = requests;
		this.views = views;
		this.audit = audit;
		this.calculator = calculator;
		this.clock = clock;
		this.attachments = attachments;
	}

	/**
	 * Runs an action unless its form has errors, and answers: back to the page with a
	 * message on success, or the page again with the errors and everything typed.
	 * @param id the request
	 * @param result the form's binding and validation result
	 * @param success the message key of the flash message on success
	 * @param step the step, whose form stays on the page when refused even where the
	 * status no longer allows it; {@code null} for a note
	 * @param action the action
	 * @return the view or the redirect
	 */
	String act(long id, BindingResult result, StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect, String success, RequestAction step, Runnable action) {
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
		model.addAttribute(ACTION_FORM, result.getTarget());
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + ACTION_FORM, result);
		model.addAttribute("refused", (step != null) ? step.name() : "");
		return show(id, me, model);
	}

	/**
	 * The flash message of a step that writes to the person: as given when the letter is
	 * mailed, with {@code .post} when it is stored as a letter to post, with
	 * {@code .noAddress} when there is neither an email nor a postal address, so that the
	 * page never says "queued" for a letter that will not be mailed.
	 * @param id the request
	 * @param key the message key for a mailed letter
	 * @return the key to show
	 */
	String toldMessage(long id, String key) {
		DsrRequest request = this.requests.get(id);
		if (request == null || !request.isAnsweredByPost()) {
			return key;
		}
		return key + ((request.getPostalAddress() != null) ? ".post" : ".noAddress");
	}

	/**
	 * Puts a refusal on the form, which the page shows again with what was typed; a
	 * change by someone else meanwhile is answered 409.
	 */
	static void refuse(RuntimeException ex, BindingResult result, HttpServletResponse response) {
		if (ex instanceof RefusedException refusal && !(refusal instanceof ConcurrentChangeException)) {
			refusal.rejectOn(result);
		}
		else {
			result.reject(RequestService.CHANGED_MEANWHILE);
			response.setStatus(HttpServletResponse.SC_CONFLICT);
		}
	}

	/**
	 * The page, with an empty form for each action whose form is not in the model yet.
	 * @param id the request
	 * @param me who looks at it
	 * @param model the model
	 * @return the view
	 */
	String show(long id, StaffPrincipal me, Model model) {
		addIfMissing(model, ACTION_FORM, new VersionForm());
		addIfMissing(model, "assignForm", new AssignForm());
		addIfMissing(model, "identityForm", new IdentityForm());
		addIfMissing(model, "authorityForm", new AuthorityForm());
		addIfMissing(model, "informationForm", new InformationForm());
		addIfMissing(model, "extendForm", new ExtendForm());
		addIfMissing(model, "rejectForm", new RejectForm());
		addIfMissing(model, "delayForm", new DelayForm());
		addIfMissing(model, "extensionPostedForm", new ExtensionPostedForm());
		addIfMissing(model, "noteForm", new NoteForm());
		RequestView view = this.views.of(id);
		DsrRequest request = view.request();
		LocalDate today = this.calculator.today(this.clock);
		List<Correspondence> mails = view.mails().getContent();
		model.addAttribute("request", request);
		model.addAttribute("subject", request.getSubject());
		model.addAttribute("others", this.requests.otherRequestsOfPerson(request));
		model.addAttribute("madeTogether", this.requests.madeTogether(request));
		model.addAttribute("representative", request.getRepresentative());
		DsrRequest flagged = (request.getPossibleDuplicateOf() != null)
				? this.requests.get(request.getPossibleDuplicateOf()) : null;
		model.addAttribute("duplicateOf", flagged);
		addIfMissing(model, "duplicateForm", duplicateForm(flagged));
		model.addAttribute("closedAsDuplicateOf",
				(request.getDuplicateOf() != null) ? this.requests.get(request.getDuplicateOf()) : null);
		model.addAttribute("duplicates", this.requests.duplicatesOf(request));
		model.addAttribute("assigneeName", view.assigneeName());
		model.addAttribute("identityVerifiedByName", view.identityVerifiedByName());
		model.addAttribute("extensionNotice", view.extensionNotice());
		model.addAttribute("failedMails", view.failedMails());
		model.addAttribute("daysLeft", daysLeft(request, today));
		model.addAttribute("tasks", view.tasks());
		model.addAttribute("next", NextStep.of(request, view.tasks()));
		addIfMissing(model, "confirm", null);
		model.addAttribute("notes", this.requests.notes(id));
		model.addAttribute("attachments", this.attachments.list(id));
		model.addAttribute("attachmentMaxMegabytes", this.attachments.maxSize().toMegabytes());
		List<IncomingReplies.Reply> replies = replies(id);
		PersonActivity.State news = this.activity.of(id).orElse(null);
		model.addAttribute(PERSON_ACTIVITY, news);
		List<TimelineEntry> timeline = timeline(id, mails, replies, news);
		model.addAttribute("timeline", timeline);
		model.addAttribute("newFromPerson", timeline.stream().filter(TimelineEntry::fresh).count());
		addIfMissing(model, "replyResumeForm", new ReplyResumeForm());
		// A paused request offers to resume at the receipt of a reply that came during
		// the pause: the clock runs again from when the information arrived.
		LocalDate pausedOn = request.getOpenPauseStart();
		model.addAttribute("resumableReplies", (pausedOn == null) ? java.util.Set.of() : replies.stream()
			.filter((reply) -> !reply.receivedAt().atZone(this.calculator.zone()).toLocalDate().isBefore(pausedOn))
			.map(IncomingReplies.Reply::id)
			.collect(Collectors.toSet()));
		boolean canAct = me.hasRole(Role.CASE_HANDLER);
		model.addAttribute("canAct", canAct);
		model.addAttribute("caseHandlers", canAct ? this.requests.caseHandlers() : List.of());
		model.addAttribute("identityMethods", IdentityMethod.values());
		model.addAttribute("rejectionGrounds", RejectionGround.values());
		model.addAttribute("pauseGrounds", PauseGround.values());
		model.addAttribute("pastOneMonth", request.isPastOneMonth(today));
		model.addAttribute("identityAskedLate", request.getIdentityVerifiedAt() == null
				&& this.calculator.workingDaysBetween(request.getReceiptDate(), today) > IDENTITY_ASK_WORKING_DAYS);
		model.addAttribute("allowed",
				Arrays.stream(RequestAction.values())
					.filter(request::allows)
					.map(Enum::name)
					.collect(Collectors.toSet()));
		model.addAttribute("extensionStillAllowed", !today.isAfter(request.getOneMonthDeadline()));
		model.addAttribute("today", today);
		model.addAttribute("needsDelayNotice", request.needsDelayNotice(today));
		model.addAttribute("toldOfDelay", request.isPersonToldOfDelay(today));
		// Letters by post, oldest first: to print and record as posted (request.letters).
		model.addAttribute("postLetters",
				mails.stream()
					.filter(Correspondence::isByPost)
					.sorted(Comparator.comparing(Correspondence::getCreatedAt).thenComparing(Correspondence::getId))
					.toList());
		model.addAttribute("delayNotice",
				mails.stream().filter((m) -> m.getId().equals(request.getDelayNoticeId())).findFirst().orElse(null));
		return VIEW;
	}

	/**
	 * After the page was shown to a reader who opened it (a GET, not an action's form
	 * shown again): marks what the person wrote as seen when the reader is the one
	 * responsible, the assignee or, while nobody has the request, any case handler. A
	 * colleague or the compliance officer looking in leaves it new for them.
	 * @param model the page's model, as {@link #show} filled it
	 */
	void markSeen(StaffPrincipal me, Model model) {
		if (!(model.getAttribute(PERSON_ACTIVITY) instanceof PersonActivity.State news) || !news.unread()
				|| !(model.getAttribute("request") instanceof DsrRequest request)) {
			return;
		}
		if (PersonActivity.clearsWhenOpened(request.getAssigneeId(), me.id(), me.hasRole(Role.CASE_HANDLER))) {
			this.activity.seen(request.getId(), news, this.clock.instant());
		}
	}

	/**
	 * The "close as duplicate" form, prefilled with the request intake flagged as the
	 * probable original, so that closing the flagged case takes no copying of references;
	 * the handler may still name another.
	 */
	static DuplicateForm duplicateForm(DsrRequest flagged) {
		DuplicateForm form = new DuplicateForm();
		if (flagged != null) {
			form.setDuplicateOf(flagged.getReference());
		}
		return form;
	}

	private static void addIfMissing(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

	/**
	 * A request's replies, when a privacy inbox module provides them.
	 */
	private List<IncomingReplies.Reply> replies(long id) {
		IncomingReplies source = this.replies.getIfAvailable();
		return (source != null) ? source.forRequest(id) : List.of();
	}

	/**
	 * One of the request's replies.
	 * @param id the request
	 * @param replyId the reply
	 * @return it
	 * @throws se.dsrdesk.system.NotFoundException when it is not one of the request's
	 */
	IncomingReplies.Reply reply(long id, long replyId) {
		IncomingReplies source = this.replies.getIfAvailable();
		return ((source != null) ? source.find(id, replyId) : java.util.Optional.<IncomingReplies.Reply>empty())
			.orElseThrow(() -> new se.dsrdesk.system.NotFoundException("Reply"));
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
	 * The audit events about the request, the mail sent about it and the messages the
	 * person sent us, newest first; at the same moment a mail comes before the change
	 * that caused it was recorded. A message stands for its own audit event, which says
	 * only its number.
	 */
	private List<TimelineEntry> timeline(long id, List<Correspondence> mails, List<IncomingReplies.Reply> replies,
			PersonActivity.State news) {
		List<TimelineEntry> entries = new ArrayList<>();
		for (AuditEvent e : this.audit.about(RequestAuditor.TARGET, id, PageRequest.of(0, RequestService.LIST_LIMIT))) {
			if (!MESSAGE_EVENT.equals(e.getAction())) {
				entries.add(new TimelineEntry(e.getOccurredAt(), 0, e.getId(), e.getAction(), e.getActorLabel(),
						e.getDetails(), null, null, null, false));
			}
		}
		for (Correspondence m : mails) {
			entries.add(new TimelineEntry(m.getCreatedAt(), 1, m.getId(), null, null, m.getSubject(), m, null, null,
					false));
		}
		for (IncomingReplies.Reply r : replies) {
			entries.add(new TimelineEntry(r.receivedAt(), 2, r.id(), null, null, r.subject(), null, r, null,
					news != null && news.isNew(r.receivedAt())));
		}
		for (PersonMessages.Message m : this.messages.of(id)) {
			entries.add(new TimelineEntry(m.at(), 0, m.id(), null, null, null, null, null, m,
					news != null && news.isNew(m.at())));
		}
		entries.sort(Comparator.comparing(TimelineEntry::at)
			.thenComparing(TimelineEntry::order)
			.thenComparing(TimelineEntry::id)
			.reversed());
		return entries;
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
	 * @param reply the person's mail, or {@code null}
	 * @param message the person's message from the status page, or {@code null}
	 * @param fresh whether it is a message or reply that the case handler responsible had
	 * not seen before this page was shown
	 */
	record TimelineEntry(Instant at, int order, long id, String action, String actor, String details,
			Correspondence letter, IncomingReplies.Reply reply, PersonMessages.Message message, boolean fresh) {

		public boolean isLetter() {
			return this.letter != null;
		}

		public boolean isReply() {
			return this.reply != null;
		}

		public boolean isMessage() {
			return this.message != null;
		}

	}

}
