package se.dsrdesk.location.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.location.InvalidOutcomeException;
import se.dsrdesk.location.LegalGround;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.RetentionHold;
import se.dsrdesk.location.RecipientNotice;
import se.dsrdesk.location.RecipientNotices;
import se.dsrdesk.location.RestrictionHolds;
import se.dsrdesk.location.RetentionProposals;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.system.RefusedException;

/**
 * Case handlers' work at the data locations: "my tasks", a task with its outcome form, a
 * request's tasks (completing the request is an action on its page, which waits for
 * them), and recording that held data was erased. Compliance officers read the pages;
 * only case handlers record or assign (docs/staff-sign-in.md, least privilege). Held data
 * erased is recorded from the location's page by a case handler or an admin.
 */
@Controller
@PreAuthorize("hasAnyRole('CASE_HANDLER', 'COMPLIANCE_OFFICER')")
class TaskController {

	static final int PAGE_SIZE = 25;

	private final TaskService tasks;

	private final LocationService locations;

	private final RequestService requests;

	private final RetentionProposals retention;

	private final RecipientNotices recipients;

	private final RestrictionHolds restrictions;

	private final TaskConnectors connectors;

	TaskController(TaskService tasks, LocationService locations, RequestService requests, RetentionProposals retention,
			RecipientNotices recipients, RestrictionHolds restrictions, TaskConnectors connectors) {
		this.connectors = connectors;
		this.recipients = recipients;
		this.restrictions = restrictions;
		this.tasks = tasks;
		this.locations = locations;
		this.requests = requests;
		this.retention = retention;
	}

	@InitBinder("outcomeForm")
	void allowOutcomeFields(WebDataBinder binder) {
		binder.setAllowedFields("outcome", "note", "summary", "ground", "groundText", "retainedUntil", "interest",
				"situation", "liftCondition", "liftOn");
	}

	@InitBinder("recipientForm")
	void allowRecipientFields(WebDataBinder binder) {
		binder.setAllowedFields("recipient", "result", "informedOn", "reason");
	}

	@GetMapping("/staff/tasks")
	String mine(@RequestParam(defaultValue = "0") long after, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("tasks", this.tasks.myTasks(me.id(), Math.max(after, 0), PAGE_SIZE));
		model.addAttribute("after", after);
		return "tasks/mine";
	}

	@GetMapping("/staff/tasks/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) Integer find,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		LocationTask task = this.tasks.get(id);
		if (find != null && me.hasRole(Role.CASE_HANDLER)) {
			try {
				model.addAttribute("search", this.connectors.find(id, find, me.toActor()));
			}
			catch (RefusedException ex) {
				model.addAttribute("connectorFailure", ex);
			}
		}
		OutcomeForm form = new OutcomeForm();
		Optional<LocalDate> proposed = this.retention.holdUntil(task.getLocation());
		if (proposed.isPresent()) {
			form.setRetainedUntil(proposed.get());
			form.setGround(task.getLocation().getRetentionRule().ground().orElse(null));
		}
		model.addAttribute("outcomeForm", form);
		return showTask(task, model);
	}

	@PostMapping("/staff/tasks/{id}")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String record(@PathVariable long id, @ModelAttribute("outcomeForm") OutcomeForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		LocationTask task = this.tasks.get(id);
		if (!result.hasErrors()) {
			try {
				this.tasks.recordOutcome(id, form.toRecord(), me.toActor());
				redirect.addFlashAttribute("success", "task.recorded");
				return "redirect:/staff/requests/" + task.getRequestId() + "/tasks";
			}
			catch (InvalidOutcomeException ex) {
				ex.rejectOn(result);
			}
			catch (ConcurrentChangeException ex) {
				redirect.addFlashAttribute("failure", ex.messageCode());
				return "redirect:/staff/tasks/" + id;
			}
		}
		return showTask(task, model);
	}

	/**
	 * Records the step "recipients informed" for one recipient of a task (Art. 19).
	 */
	@PostMapping("/staff/tasks/{id}/recipients")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String recipientInformed(@PathVariable long id, @ModelAttribute("recipientForm") RecipientForm form,
			BindingResult result, @AuthenticationPrincipal StaffPrincipal me, Model model,
			RedirectAttributes redirect) {
		LocationTask task = this.tasks.get(id);
		if (!result.hasErrors()) {
			try {
				this.recipients.record(id, form.toRecord(), me.toActor());
				redirect.addFlashAttribute("success", "recipients.recorded");
				return "redirect:/staff/tasks/" + id + "#task-recipients";
			}
			catch (InvalidOutcomeException ex) {
				ex.rejectOn(result);
			}
		}
		model.addAttribute("outcomeForm", new OutcomeForm());
		return showTask(task, model);
	}

	@PostMapping("/staff/tasks/{id}/assign")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String assign(@PathVariable long id, @RequestParam(required = false) Long assigneeId,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		try {
			this.tasks.assign(id, assigneeId, me.toActor());
			redirect.addFlashAttribute("success", "task.assigned");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("failure", "task.assign.invalid");
		}
		catch (ConcurrentChangeException ex) {
			redirect.addFlashAttribute("failure", ex.messageCode());
		}
		return "redirect:/staff/tasks/" + id;
	}

	@GetMapping("/staff/requests/{id}/tasks")
	String ofRequest(@PathVariable long id, Model model) {
		DsrRequest request = this.requests.get(id);
		model.addAttribute("request", request);
		model.addAttribute("tasks", this.tasks.ofRequest(id));
		model.addAttribute("holds", this.tasks.holdsOf(id));
		model.addAttribute("openTasks", this.tasks.openItems(id));
		model.addAttribute("missingRecipients", this.recipients.openItems(id));
		model.addAttribute("restrictions", this.restrictions.ofRequest(id));
		return "tasks/request";
	}

	@PostMapping("/staff/holds/{id}/erased")
	@PreAuthorize("hasAnyRole('CASE_HANDLER', 'ADMIN')")
	String erased(@PathVariable long id, @RequestParam(required = false) String note,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		if (note != null && note.length() > 2000) {
			redirect.addFlashAttribute("failure", "hold.note.tooLong");
			return "redirect:/staff/locations/" + this.tasks.hold(id).getLocation().getId();
		}
		RetentionHold hold = this.tasks.recordErasure(id, note, me.toActor());
		redirect.addFlashAttribute("success", "hold.erased");
		return "redirect:/staff/locations/" + hold.getLocation().getId();
	}

	private String showTask(LocationTask task, Model model) {
		model.addAttribute("task", task);
		model.addAttribute("connector", this.connectors.of(task.getLocation()).orElse(null));
		model.addAttribute("request", this.requests.get(task.getRequestId()));
		model.addAttribute("location", this.locations.get(task.getLocation().getId()));
		model.addAttribute("outcomes", TaskOutcome.forType(task.getRequestType()));
		model.addAttribute("grounds", LegalGround.values());
		model.addAttribute("retentionRule", task.getLocation().getRetentionRule());
		model.addAttribute("proposedUntil", this.retention.holdUntil(task.getLocation()).orElse(null));
		model.addAttribute("assignees",
				this.locations.possibleOwners().stream().filter((user) -> user.hasRole(Role.CASE_HANDLER)).toList());
		List<RecipientNotices.Step> steps = this.recipients.steps(task);
		model.addAttribute("recipientSteps", steps);
		model.addAttribute("missingRecipients",
				steps.stream().filter((step) -> !step.done()).map(RecipientNotices.Step::recipient).toList());
		model.addAttribute("recipientResults", RecipientNotice.Result.values());
		if (!model.containsAttribute("recipientForm")) {
			model.addAttribute("recipientForm", new RecipientForm());
		}
		model.addAttribute("restriction",
				this.restrictions.ofRequest(task.getRequestId())
					.stream()
					.filter((hold) -> hold.getTaskId().equals(task.getId()))
					.findFirst()
					.orElse(null));
		return "tasks/task";
	}

}
