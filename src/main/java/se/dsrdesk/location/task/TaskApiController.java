package se.dsrdesk.location.task;

import java.time.Instant;
import java.time.LocalDate;
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

	TaskApiController(TaskService tasks, RequestService requests) {
		this.tasks = tasks;
		this.requests = requests;
	}

	@PostMapping("/api/v1/requests/{reference}/tasks/{taskId}/outcome")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "Record a task's outcome",
			description = "The outcomes that fit depend on the request's type; one that keeps data needs a legal "
					+ "ground and a date and creates a retention hold. A task that is no longer open answers 409.")
	TaskDetails record(@PathVariable String reference, @PathVariable long taskId, @Valid @RequestBody OutcomeBody body,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		DsrRequest request = this.requests.byReference(reference.toUpperCase(Locale.ROOT));
		LocationTask task = this.tasks.get(taskId);
		if (!task.getRequestId().equals(request.getId())) {
			throw new NotFoundException("Task");
		}
		OutcomeRecord outcome = new OutcomeRecord(body.outcome(), body.note(), body.summary(), body.ground(),
				body.groundText(), body.retainedUntil(), body.interest(), body.situation());
		LocationTask done = this.tasks.recordOutcome(taskId, outcome, me.toActor());
		return TaskDetails.of(this.tasks.get(done.getId()), request.getReference(), locale);
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
	 */
	record OutcomeBody(TaskOutcome outcome, String note, String summary, LegalGround ground, String groundText,
			LocalDate retainedUntil, String interest, String situation) {
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
