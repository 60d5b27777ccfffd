package se.dsrdesk.location.task;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.connector.ConnectorSubject;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.location.connector.LocationConnector;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.connector.Receipt;
import se.dsrdesk.location.connector.SearchResult;
import se.dsrdesk.location.connector.TaskFindings;
import se.dsrdesk.request.DataSubject;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.system.RefusedException;

/**
 * A task's use of the connector that reaches its location's system, the same for the task
 * page and the API: who is looked for (from the request), the calls, what is stored and
 * what is audited. A call to the system is never made inside a database transaction (it
 * may take seconds); what it returns is stored afterwards. Nothing is stored or audited
 * as done unless the system confirmed it.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class TaskConnectors {

	/** The most hits one call acts on. */
	static final int MAX_SELECTED = 500;

	private final List<LocationConnector> connectors;

	private final TaskService tasks;

	private final RequestService requests;

	private final TaskFindings findings;

	private final AuditLog audit;

	TaskConnectors(List<LocationConnector> connectors, TaskService tasks, RequestService requests,
			TaskFindings findings, AuditLog audit) {
		this.connectors = List.copyOf(connectors);
		this.tasks = tasks;
		this.requests = requests;
		this.findings = findings;
		this.audit = audit;
	}

	/**
	 * The connector for a location, if one is configured for it.
	 * @param location a data location
	 * @return the first connector that serves it
	 */
	Optional<LocationConnector> of(DataLocation location) {
		return this.connectors.stream().filter((connector) -> connector.serves(location)).findFirst();
	}

	/**
	 * Looks for the task's person in its location's system.
	 * @param taskId the task
	 * @param page the page of hits
	 * @param actor who asked
	 * @return what was found
	 */
	SearchResult find(long taskId, int page, Actor actor) {
		Use use = use(taskId);
		SearchResult result = use.connector().find(use.location(), use.subject(), Math.max(page, 0));
		audit(use, actor, "CONNECTOR_FIND", "found=" + result.hits().size() + "; page=" + result.page());
		return result;
	}

	/**
	 * Copies the selected hits into the task's findings.
	 * @param taskId the task
	 * @param hitIds the selected hits
	 * @param actor who asked
	 * @return the task's findings afterwards
	 */
	List<Finding> copy(long taskId, List<String> hitIds, Actor actor) {
		Use use = use(taskId);
		List<String> selected = selected(hitIds);
		List<Finding> stored = this.findings.add(taskId, use.connector().copy(use.location(), use.subject(), selected),
				actor);
		audit(use, actor, "CONNECTOR_COPY", "selected=" + selected.size());
		return stored;
	}

	/**
	 * Erases the selected hits in the system (or, on a dry run, says what would be
	 * erased).
	 * @param taskId the task
	 * @param hitIds the selected hits
	 * @param dryRun whether to change nothing
	 * @param actor who asked
	 * @return what the system confirmed
	 */
	Receipt erase(long taskId, List<String> hitIds, boolean dryRun, Actor actor) {
		Use use = use(taskId);
		List<String> selected = selected(hitIds);
		Receipt receipt = use.connector().erase(use.location(), use.subject(), selected, dryRun);
		audit(use, actor, dryRun ? "CONNECTOR_ERASE_DRY_RUN" : "CONNECTOR_ERASE", evidence(receipt));
		settle(use, selected, receipt, TaskOutcome.ERASED, actor);
		return receipt;
	}

	/**
	 * Stops marketing to the person in the system (or, on a dry run, says what would be
	 * done).
	 * @param taskId the task
	 * @param hitIds the selected hits
	 * @param dryRun whether to change nothing
	 * @param actor who asked
	 * @return what the system confirmed
	 */
	Receipt unsubscribe(long taskId, List<String> hitIds, boolean dryRun, Actor actor) {
		Use use = use(taskId);
		List<String> selected = selected(hitIds);
		Receipt receipt = use.connector().unsubscribe(use.location(), use.subject(), selected, dryRun);
		audit(use, actor, dryRun ? "CONNECTOR_UNSUBSCRIBE_DRY_RUN" : "CONNECTOR_UNSUBSCRIBE", evidence(receipt));
		TaskOutcome stopped = switch (use.task().getRequestType()) {
			case OBJECTION -> TaskOutcome.PROCESSING_STOPPED;
			case WITHDRAW_CONSENT -> TaskOutcome.CONSENT_WITHDRAWN;
			default -> null;
		};
		settle(use, selected, receipt, stopped, actor);
		return receipt;
	}

	/**
	 * Records the task's outcome, with the receipt's evidence as its note, when the
	 * connector settles the task and the system confirmed the action for every selected
	 * hit. A task closed meanwhile, or an outcome its rules refuse, stays as it is: the
	 * action and its evidence are in the audit trail.
	 */
	private void settle(Use use, List<String> selected, Receipt receipt, TaskOutcome outcome, Actor actor) {
		if (receipt.dryRun() || outcome == null || !use.connector().completesTask() || receipt.count() == 0
				|| receipt.count() < selected.size() || !outcome.fits(use.task().getRequestType())
				|| !use.task().isOpen()) {
			return;
		}
		String note = use.connector().name() + ": " + String.join("\n", receipt.evidence());
		try {
			this.tasks.recordOutcome(
					use.task().getId(), new OutcomeRecord(outcome,
							(note.length() <= 4000) ? note : note.substring(0, 3999) + "…", null, null, null, null),
					actor);
		}
		catch (RefusedException ex) {
			audit(use, actor, "CONNECTOR_OUTCOME_NOT_RECORDED", "reason=" + ex.messageCode());
		}
	}

	private Use use(long taskId) {
		LocationTask task = this.tasks.get(taskId);
		DataLocation location = task.getLocation();
		LocationConnector connector = of(location)
			.orElseThrow(() -> new RefusedException(HttpStatus.CONFLICT, null, "connector.none"));
		DsrRequest request = this.requests.get(task.getRequestId());
		DataSubject person = request.getSubject();
		List<String> emails = Stream.of(person.getEmail())
			.filter((email) -> email != null && !email.isBlank())
			.toList();
		return new Use(task, location, connector,
				new ConnectorSubject(request.getReference(), person.getName(), emails, person.getPhone()));
	}

	private void audit(Use use, Actor actor, String action, String details) {
		this.audit.recordAboutRequest(use.task().getRequestId(), actor, action, "LOCATION_TASK", use.task().getId(),
				"connector=" + use.connector().name() + "; " + details);
	}

	private static List<String> selected(List<String> hitIds) {
		List<String> selected = (hitIds != null)
				? hitIds.stream().filter((id) -> id != null && !id.isBlank()).distinct().toList() : List.of();
		if (selected.isEmpty()) {
			throw new RefusedException(HttpStatus.BAD_REQUEST, null, "connector.nothingSelected");
		}
		if (selected.size() > MAX_SELECTED) {
			throw new RefusedException(HttpStatus.BAD_REQUEST, null, "connector.tooManySelected", MAX_SELECTED);
		}
		return selected;
	}

	private static String evidence(Receipt receipt) {
		String details = "count=" + receipt.count() + "; " + String.join(" | ", receipt.evidence());
		return (details.length() <= 1500) ? details : details.substring(0, 1500) + "…";
	}

	private record Use(LocationTask task, DataLocation location, LocationConnector connector,
			ConnectorSubject subject) {
	}

}
