package se.dsrdesk.location.task;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.location.connector.Receipt;
import se.dsrdesk.location.connector.SearchResult;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.system.ApiController;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.system.RefusedException;

/**
 * The REST API's use of a task's connected system, the same calls as the task page: find
 * (changes nothing), copy into the task's findings, erase (with {@code confirmed: true}),
 * unsubscribe; {@code dryRun: true} changes nothing and answers what would be done. When
 * the system refuses or cannot be reached: 502 with the page's message; nothing is
 * recorded as done.
 */
@ApiController
@Tag(name = "Tasks")
@PreAuthorize("hasRole('CASE_HANDLER')")
class TaskConnectorApiController {

	private final TaskConnectors connectors;

	private final TaskService tasks;

	private final RequestService requests;

	TaskConnectorApiController(TaskConnectors connectors, TaskService tasks, RequestService requests) {
		this.connectors = connectors;
		this.tasks = tasks;
		this.requests = requests;
	}

	@GetMapping("/api/v1/requests/{reference}/tasks/{taskId}/connector/find")
	@Operation(summary = "Look for the person in the location's connected system",
			description = "Changes nothing. Each hit has an id to pass to copy, erase or unsubscribe. 409 when no "
					+ "connector is configured for the task's location.")
	SearchResult find(@PathVariable String reference, @PathVariable long taskId,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me) {
		return this.connectors.find(task(reference, taskId), page, me.toActor());
	}

	@PostMapping("/api/v1/requests/{reference}/tasks/{taskId}/connector/copy")
	@Operation(summary = "Copy the selected hits into the task's findings",
			description = "The copies (records of fields, files) go into the answer package. Answers the task's "
					+ "findings.")
	List<FindingJson> copy(@PathVariable String reference, @PathVariable long taskId, @RequestBody Selection body,
			@AuthenticationPrincipal StaffPrincipal me) {
		return this.connectors.copy(task(reference, taskId), body.hits(), me.toActor())
			.stream()
			.map(FindingJson::of)
			.toList();
	}

	@PostMapping("/api/v1/requests/{reference}/tasks/{taskId}/connector/erase")
	@Operation(summary = "Erase the selected hits in the connected system for good",
			description = "Cannot be undone: send confirmed true, or dryRun true to see what would be erased. The "
					+ "receipt holds the evidence as the system confirmed it.")
	Receipt erase(@PathVariable String reference, @PathVariable long taskId, @RequestBody Selection body,
			@AuthenticationPrincipal StaffPrincipal me) {
		if (!body.dryRun() && !body.confirmed()) {
			throw new RefusedException(HttpStatus.BAD_REQUEST, null, "connector.erase.confirm");
		}
		return this.connectors.erase(task(reference, taskId), body.hits(), body.dryRun(), me.toActor());
	}

	@PostMapping("/api/v1/requests/{reference}/tasks/{taskId}/connector/unsubscribe")
	@Operation(summary = "Stop marketing to the person in the connected system",
			description = "For an objection to direct marketing or a withdrawal of consent: the system keeps what it "
					+ "needs not to mail the person again. dryRun true changes nothing.")
	Receipt unsubscribe(@PathVariable String reference, @PathVariable long taskId, @RequestBody Selection body,
			@AuthenticationPrincipal StaffPrincipal me) {
		return this.connectors.unsubscribe(task(reference, taskId), body.hits(), body.dryRun(), me.toActor());
	}

	private long task(String reference, long taskId) {
		DsrRequest request = this.requests.byReference(reference);
		LocationTask task = this.tasks.get(taskId);
		if (!task.getRequestId().equals(request.getId())) {
			throw new NotFoundException("Task");
		}
		return taskId;
	}

	/**
	 * The hits an action concerns.
	 *
	 * @param hits the hits' ids, as find gave them
	 * @param dryRun {@code true} to change nothing and see what would be done
	 * @param confirmed for an erasure: {@code true} to confirm that it cannot be undone
	 */
	record Selection(List<String> hits, Boolean dryRun, Boolean confirmed) {

		// Wrappers, defaulting to false: Jackson 3 refuses a missing primitive.
		Selection {
			dryRun = Boolean.TRUE.equals(dryRun);
			confirmed = Boolean.TRUE.equals(confirmed);
		}

	}

	/**
	 * A finding of a task, without a file's bytes.
	 *
	 * @param id its id
	 * @param kind {@code RECORD} or {@code FILE}
	 * @param title what it is
	 * @param source where it came from
	 * @param fields a record's fields
	 * @param fileName a file's name
	 * @param contentType a file's media type
	 * @param sizeBytes a file's size
	 * @param included whether it goes into the answer package
	 */
	record FindingJson(long id, Finding.Kind kind, String title, String source, java.util.Map<String, String> fields,
			String fileName, String contentType, long sizeBytes, boolean included) {

		static FindingJson of(Finding finding) {
			return new FindingJson(finding.id(), finding.kind(), finding.title(), finding.source(), finding.fields(),
					finding.fileName(), finding.contentType(), finding.sizeBytes(), finding.included());
		}

	}

}
