package se.dsrdesk.location.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.system.ApiController;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.location.LegalGround;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.RecipientNotice;
import se.dsrdesk.location.RecipientNoticeRecord;
import se.dsrdesk.location.RecipientNotices;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TaskStatus;

/**
 * The REST API's task outcomes: what was found and done at one data location for a
 * request, recorded through {@link TaskService} with the same rules as the task page.
 * Case handlers only, as on the task pages.
 */
@ApiController
@Tag(name = "Tasks", description = "The work per data location for a request")
class TaskApiController {

	private final TaskService tasks;

	private final RequestService requests;

	private final RecipientNotices recipients;

	TaskApiController(TaskService tasks, RequestService requests, RecipientNotices recipients) {
		this.tasks = tasks;
		this.requests = requests;
		this.recipients = recipients;
	}

	@PostMapping("/api/v1/requests/{reference}/tasks/{taskId}/outcome")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "Record a task's outcome",
			description = "The outcomes that fit depend on the request's type; one that keeps data needs a legal "
					+ "ground and a date and creates a retention hold. A task that is no longer open answers 409.")
	TaskDetails record(@PathVariable String reference, @PathVariable long taskId, @Valid @RequestBody OutcomeBody body,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		DsrRequest request = this.requests.byReference(reference);
		LocationTask task = this.tasks.get(taskId);
		if (!task.getRequestId().equals(request.getId())) {
			throw new NotFoundException("Task");
		}
		OutcomeRecord outcome = new OutcomeRecord(body.outcome(), body.note(), body.summary(), body.ground(),
				body.groundText(), body.retainedUntil(), body.interest(), body.situation(), body.liftCondition(),
				body.liftOn());
		LocationTask done = this.tasks.recordOutcome(taskId, outcome, me.toActor());
		return TaskDetails.of(this.tasks.get(done.getId()), request.getReference(), locale);
	}

	@PostMapping("/api/v1/requests/{reference}/tasks/{taskId}/recipients")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "Record that a recipient was informed (Art. 19)",
			description = "For a task whose outcome erased, rectified or restricted data: the day one recipient of the "
					+ "location (as the register names it) was told, or why telling them proved impossible "
					+ "(IMPOSSIBLE) or would involve disproportionate effort (DISPROPORTIONATE), with the reason. "
					+ "The request cannot be completed until every recipient has this step. Answers the task's "
					+ "recipients and their steps.")
	List<RecipientStep> recipientInformed(@PathVariable String reference, @PathVariable long taskId,
			@Valid @RequestBody RecipientBody body, @AuthenticationPrincipal StaffPrincipal me) {
		DsrRequest request = this.requests.byReference(reference);
		LocationTask task = this.tasks.get(taskId);
		if (!task.getRequestId().equals(request.getId())) {
			throw new NotFoundException("Task");
		}
		this.recipients.record(taskId,
				new RecipientNoticeRecord(body.recipient(), body.result(), body.informedOn(), body.reason()),
				me.toActor());
		return this.recipients.steps(this.tasks.get(taskId)).stream().map(RecipientStep::of).toList();
	}

	/**
	 * The step "recipients informed" for one recipient.
	 *
	 * @param recipient the recipient's name, as the register names it
	 * @param result {@code INFORMED}, {@code IMPOSSIBLE} or {@code DISPROPORTIONATE}
	 * @param informedOn for {@code INFORMED}: the day they were told (ISO date)
	 * @param reason otherwise: why
	 */
	record RecipientBody(String recipient, RecipientNotice.Result result, LocalDate informedOn, String reason) {
	}

	/**
	 * A recipient of a task and its step.
	 *
	 * @param recipient the recipient's name
	 * @param country its country
	 * @param result the step's result, {@code null} while missing
	 * @param informedOn the day they were told
	 * @param reason why they were not
	 */
	record RecipientStep(String recipient, String country, RecipientNotice.Result result, LocalDate informedOn,
			String reason) {

		static RecipientStep of(RecipientNotices.Step step) {
			RecipientNotice notice = step.notice();
			return new RecipientStep(step.recipient(), step.country(), (notice != null) ? notice.getResult() : null,
					(notice != null) ? notice.getInformedOn() : null, (notice != null) ? notice.getReason() : null);
		}

	}

	/**
	 * A task's outcome, as the task page's form records it.
	 *
	 * @param outcome what was found and done; which fit depends on the request's type
	 * @param note what was checked and done
	 * @param summary what was found, what was kept, or why (required by some outcomes)
	 * @param ground the legal ground for keeping data
	 * @param groundText the ground in words, for {@code OTHER}
	 * @param retainedUntil until when kept data is held (ISO date, in the future)
	 * @param interest for {@code CONTINUES}: our compelling legitimate interest
	 * @param situation for {@code CONTINUES}: the person's particular situation
	 * @param liftCondition for a restriction done: the condition on which it will be
	 * lifted (Art. 18(3))
	 * @param liftOn for a restriction done: the day it is expected to be lifted, if known
	 */
	record OutcomeBody(TaskOutcome outcome, String note, String summary, LegalGround ground, String groundText,
			LocalDate retainedUntil, String interest, String situation, String liftCondition, LocalDate liftOn) {
	}

	/**
	 * A task with its outcome.
	 *
	 * @param id the task
	 * @param reference its request's reference
	 * @param location the location's name in the caller's language
	 * @param status {@code OPEN}, {@code DONE} or {@code CANCELLED}
	 * @param outcome the outcome
	 * @param note the note
	 * @param summary the summary
	 * @param ground the legal ground for keeping data
	 * @param groundText the ground in words
	 * @param retainedUntil until when data is kept
	 * @param doneAt when the outcome was recorded
	 */
	record TaskDetails(long id, String reference, String location, TaskStatus status, TaskOutcome outcome, String note,
			String summary, LegalGround ground, String groundText, LocalDate retainedUntil, Instant doneAt) {

		static TaskDetails of(LocationTask task, String reference, Locale locale) {
			LocalizedText name = task.getLocation().getName();
			String location = "sv".equals(locale.getLanguage()) ? name.sv() : name.en();
			return new TaskDetails(task.getId(), reference,
					(location != null && !location.isBlank()) ? location : name.sv(), task.getStatus(),
					task.getOutcome(), task.getNote(), task.getSummary(), task.getLegalGround(),
					task.getLegalGroundText(), task.getRetainedUntil(), task.getDoneAt());
		}

	}

}
