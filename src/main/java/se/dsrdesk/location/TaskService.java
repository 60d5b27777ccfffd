package se.dsrdesk.location;

import se.dsrdesk.location.persistence.RetentionHoldRepository;

import se.dsrdesk.location.persistence.RestrictionHoldRepository;

import se.dsrdesk.location.persistence.DataLocationRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.audit.Change;
import se.dsrdesk.deadline.DeadlineCalculator;
import se.dsrdesk.request.CompletionGuard;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestActivity;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestDirectory;
import se.dsrdesk.request.RequestSummary;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.TaskChecklist;
import se.dsrdesk.system.Pages;
import se.dsrdesk.system.NotFoundException;

/**
 * The per-location tasks of requests, and the retention holds their outcomes create. When
 * a request is taken up, a task is created for every active location that applies to its
 * type, in the same transaction; when it is rejected or withdrawn, its open tasks are
 * cancelled. A request cannot be completed while one of its tasks is open.
 */
@Service
@Transactional
public class TaskService implements CompletionGuard, TaskChecklist {

	static final String TARGET = "LOCATION_TASK";

	private final LocationTaskRepository tasks;

	private final RetentionHoldRepository holds;

	private final RestrictionHoldRepository restrictions;

	private final DataLocationRepository locations;

	private final RequestService requests;

	private final LocationService register;

	private final AuditLog audit;

	private final StaffUserRepository staff;

	private final JdbcClient jdbc;

	private final DeadlineCalculator calendar;

	private final Clock clock;

	private final RequestDirectory directory;

	TaskService(LocationTaskRepository tasks, RetentionHoldRepository holds, RestrictionHoldRepository restrictions,
			DataLocationRepository locations, RequestService requests, LocationService register, AuditLog audit,
			StaffUserRepository staff, JdbcClient jdbc, DeadlineCalculator calendar, Clock clock,
			RequestDirectory directory) {
		this.restrictions = restrictions;
		this.staff = staff;
		this.directory = directory;
		this.tasks = tasks;
		this.holds = holds;
		this.locations = locations;
		this.requests = requests;
		this.register = register;
		this.audit = audit;
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Follows the request workflow, in the transaction of the change.
	 * @param activity what happened to a request
	 */
	@EventListener
	void on(RequestActivity activity) {
		switch (activity.action()) {
			case STARTED -> createTasks(activity);
			case REJECTED, WITHDRAWN, CLOSED_AS_DUPLICATE -> cancelOpenTasks(activity);
			default -> {
			}
		}
	}

	private void createTasks(RequestActivity activity) {
		DsrRequest request = this.requests.get(activity.requestId());
		RequestType type = request.getType();
		List<DataLocation> applicable = type.followsConsent() ? this.locations.findActiveWithBasis(LegalBasis.CONSENT)
				: this.locations.findActiveFor(type);
		Instant now = this.clock.instant();
		for (DataLocation location : applicable) {
			StaffUser owner = location.getOwner();
			// Tasks hold request contents: only a case handler takes one (an owner who
			// is an admin alone keeps the location, not its tasks).
			Long assignee = (owner != null && owner.isActive() && owner.hasRole(Role.CASE_HANDLER)) ? owner.getId()
					: request.getAssigneeId();
			this.tasks.save(new LocationTask(request.getId(), location, type, assignee, now));
		}
		this.audit.recordAboutRequest(request.getId(), activity.actor(), "LOCATION_TASKS_CREATED", "REQUEST",
				request.getId(), "tasks=" + applicable.size());
	}

	private void cancelOpenTasks(RequestActivity activity) {
		List<LocationTask> open = this.tasks.findByRequestIdAndStatus(activity.requestId(), TaskStatus.OPEN);
		open.forEach(LocationTask::cancel);
		if (!open.isEmpty()) {
			this.audit.recordAboutRequest(activity.requestId(), activity.actor(), "LOCATION_TASKS_CANCELLED", "REQUEST",
					activity.requestId(), "tasks=" + open.size());
		}
	}

	@Override
	@Transactional(readOnly = true)
	public long openItems(long requestId) {
		return this.tasks.countByRequestIdAndStatus(requestId, TaskStatus.OPEN);
	}

	@Transactional(readOnly = true)
	public LocationTask get(long id) {
		return this.tasks.findDetailedById(id).orElseThrow(() -> new NotFoundException("Task"));
	}

	/**
	 * A request's tasks, in the order they were created.
	 * @param requestId the request
	 * @return its tasks, with their locations
	 */
	@Transactional(readOnly = true)
	public List<LocationTask> ofRequest(long requestId) {
		return this.tasks.findByRequestIdOrderByIdAsc(requestId);
	}

	/**
	 * A request's tasks as its page lists them: location, status and outcome.
	 * @param requestId the request
	 * @return one item per task, in the order they were created
	 */
	@Override
	@Transactional(readOnly = true)
	public List<TaskChecklist.Item> checklist(long requestId) {
		return ofRequest(requestId).stream()
			.map((t) -> new TaskChecklist.Item(t.getId(), t.getLocation().getName().sv(),
					t.getLocation().getName().en(), t.getStatus().name(),
					(t.getOutcome() != null) ? t.getOutcome().name() : null))
			.toList();
	}

	/**
	 * Records a task's outcome. An outcome that keeps data creates a retention hold; a
	 * restriction carried out creates a restriction hold (Art. 18(3)), which stands until
	 * it is lifted.
	 * @throws InvalidOutcomeException when the outcome breaks the rules for its type
	 * @throws se.dsrdesk.system.ConcurrentChangeException when the task is no longer open
	 */
	public LocationTask recordOutcome(long taskId, OutcomeRecord outcome, Actor actor) {
		LocationTask task = get(taskId);
		task.record(outcome, actor, this.calendar.today(this.clock), this.clock.instant());
		this.tasks.saveAndFlush(task);
		String details = "outcome=" + task.getOutcome() + "; location=" + task.getLocation().getId() + "; request="
				+ task.getRequestId();
		if (task.getOutcome().retains()) {
			RetentionHold hold = this.holds.save(new RetentionHold(task, this.clock.instant()));
			details += "; hold=" + hold.getId() + " until " + hold.getRetainedUntil();
		}
		if (task.getOutcome().restricts(task.getRequestType())) {
			RestrictionHold restriction = this.restrictions.save(new RestrictionHold(task.getId(), task.getLocation(),
					task.getRequestId(), outcome.liftCondition(), outcome.liftOn(), this.clock.instant()));
			details += "; restriction=" + restriction.getId();
		}
		this.audit.recordAboutRequest(task.getRequestId(), actor, "TASK_DONE", TARGET, taskId, details);
		return task;
	}

	/**
	 * Gives an open task to a staff user, or to nobody.
	 * @param staffUserId an active case handler (tasks hold request contents), or
	 * {@code null}
	 */
	public LocationTask assign(long taskId, Long staffUserId, Actor actor) {
		LocationTask task = get(taskId);
		StaffUser assignee = this.register.possibleOwner(staffUserId);
		if (assignee != null && !assignee.hasRole(Role.CASE_HANDLER)) {
			assignee = null;
		}
		if (staffUserId != null && assignee == null) {
			throw new IllegalArgumentException("Not a staff user who can take tasks: " + staffUserId);
		}
		String before = staffLabel(task.getAssigneeId());
		task.assign(staffUserId);
		this.audit.recordAboutRequest(task.getRequestId(), actor, "TASK_ASSIGNED", TARGET, taskId,
				(staffUserId != null) ? "assignee=" + staffUserId : "unassigned",
				List.of(new Change("assignee", before, (assignee != null) ? label(assignee) : null)));
		return task;
	}

	/** A staff user as the audit trail shows them: name and id. */
	private String staffLabel(Long id) {
		if (id == null) {
			return null;
		}
		return this.staff.findById(id).map(TaskService::label).orElse("#" + id);
	}

	private static String label(StaffUser user) {
		return user.getDisplayName() + " (#" + user.getId() + ")";
	}

	/**
	 * One person's open tasks in the order they were created, read after the last one
	 * seen (keyset pagination: every page costs the same, however deep).
	 * @param assigneeId the person
	 * @param afterId the last task id of the previous page, {@code 0} for the first
	 * @param size the page size
	 * @return the page; {@link TaskPage#hasMore()} tells whether another follows
	 */
	@Transactional(readOnly = true)
	public TaskPage myTasks(long assigneeId, long afterId, int size) {
		List<TaskRow> rows = withRequests(this.jdbc.sql("""
				SELECT t.id, t.created_at, t.request_id, l.id, l.name_sv, l.name_en
				FROM location_task t
				JOIN data_location l ON l.id = t.location_id
				WHERE t.assignee_id = ? AND t.status = 'OPEN' AND t.id > ?
				ORDER BY t.id
				LIMIT ?""")
			.params(assigneeId, afterId, size + 1)
			.query((rs, i) -> new OpenTask(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getLong(4),
					new LocalizedText(rs.getString(5), rs.getString(6))))
			.list());
		boolean more = rows.size() > size;
		return new TaskPage(more ? rows.subList(0, size) : rows, more);
	}

	/**
	 * How many open tasks one person has: counted on {@code ix_location_task_assignee
	 * (assignee_id, status, id)} alone.
	 * @param assigneeId the person
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long countMyTasks(long assigneeId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM location_task WHERE assignee_id = ? AND status = 'OPEN'")
			.params(assigneeId)
			.query(Long.class)
			.single();
	}

	/**
	 * A location's open tasks, oldest first.
	 * @param locationId the location
	 * @param limit how many to list
	 * @return the tasks
	 */
	@Transactional(readOnly = true)
	public List<TaskRow> openAt(long locationId, int limit) {
		return withRequests(this.jdbc.sql("""
				SELECT t.id, t.created_at, t.request_id
				FROM location_task t
				WHERE t.location_id = ? AND t.status = 'OPEN'
				ORDER BY t.id
				LIMIT ?""")
			.params(locationId, limit)
			.query((rs, i) -> new OpenTask(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), locationId,
					null))
			.list());
	}

	/** Open tasks with their requests, read from the request module (one query). */
	private List<TaskRow> withRequests(List<OpenTask> tasks) {
		Map<Long, RequestSummary> requests = this.directory.summaries(tasks.stream().map(OpenTask::requestId).toList());
		return tasks.stream().map((task) -> {
			RequestSummary request = requests.get(task.requestId());
			return new TaskRow(task.id(), task.createdAt(), task.requestId(), request.reference(), request.type(),
					request.status().name(), request.effectiveDeadline(), task.locationId(), task.locationName());
		}).toList();
	}

	private record OpenTask(long id, Instant createdAt, long requestId, long locationId, LocalizedText locationName) {
	}

	/**
	 * The holds that still stand at a location, soonest first.
	 * @param locationId the location
	 * @param page the page number, from 0
	 * @param size the page size
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public Page<HoldRow> standingHoldsAt(long locationId, int page, int size) {
		int number = Pages.number(page, size);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM retention_hold WHERE location_id = ? AND erased_at IS NULL")
			.param(locationId)
			.query(Long.class)
			.single();
		List<HoldRow> rows = this.jdbc.sql("""
				SELECT h.id, h.retained_until, h.legal_ground, h.legal_ground_text, h.kept, h.reminded_at, h.request_id
				FROM retention_hold h
				WHERE h.location_id = ? AND h.erased_at IS NULL
				ORDER BY h.retained_until, h.id
				LIMIT ? OFFSET ?""")
			.params(locationId, size, (long) number * size)
			.query((rs, i) -> new HoldRow(rs.getLong(1), rs.getObject(2, LocalDate.class),
					LegalGround.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getTimestamp(6) != null,
					rs.getLong(7), null))
			.list();
		Map<Long, RequestSummary> requests = this.directory.summaries(rows.stream().map(HoldRow::requestId).toList());
		rows = rows.stream()
			.map((hold) -> new HoldRow(hold.id(), hold.retainedUntil(), hold.ground(), hold.groundText(), hold.kept(),
					hold.reminded(), hold.requestId(), requests.get(hold.requestId()).reference()))
			.toList();
		return new PageImpl<>(rows, PageRequest.of(number, size), total);
	}

	/**
	 * The holds created by a request's tasks.
	 * @param requestId the request
	 * @return its holds
	 */
	@Transactional(readOnly = true)
	public List<RetentionHold> holdsOf(long requestId) {
		return this.holds.findByRequestIdOrderByIdAsc(requestId);
	}

	@Transactional(readOnly = true)
	public RetentionHold hold(long holdId) {
		return this.holds.findDetailedById(holdId).orElseThrow(() -> new NotFoundException("Retention hold"));
	}

	/**
	 * Records that the data a hold kept has been erased: the hold no longer stands.
	 * @param note how it was erased, may be empty
	 */
	public RetentionHold recordErasure(long holdId, String note, Actor actor) {
		RetentionHold hold = hold(holdId);
		if (hold.isStanding()) {
			hold.erased(note, actor, this.clock.instant());
			this.audit.recordAboutRequest(hold.getRequestId(), actor, "HOLD_ERASED", "RETENTION_HOLD", holdId,
					"location=" + hold.getLocation().getId() + "; request=" + hold.getRequestId());
		}
		return hold;
	}

	/**
	 * A task as a list shows it.
	 *
	 * @param id the task
	 * @param createdAt when it was created
	 * @param requestId its request
	 * @param reference the request's reference
	 * @param type the request's type
	 * @param requestStatus the request's status
	 * @param deadline the request's effective deadline
	 * @param locationId the location
	 * @param locationName the location's name, where listed
	 */
	public record TaskRow(long id, Instant createdAt, long requestId, String reference, RequestType type,
			String requestStatus, LocalDate deadline, long locationId, LocalizedText locationName) {
	}

	/**
	 * A page of tasks read by keyset.
	 *
	 * @param rows the tasks
	 * @param hasMore whether more follow
	 */
	public record TaskPage(List<TaskRow> rows, boolean hasMore) {

		public long lastId() {
			return this.rows.isEmpty() ? 0 : this.rows.get(this.rows.size() - 1).id();
		}

	}

	/**
	 * A standing hold as a list shows it.
	 *
	 * @param id the hold
	 * @param retainedUntil until when the data is kept
	 * @param ground why
	 * @param groundText the ground in words, for {@link LegalGround#OTHER}
	 * @param kept what was kept
	 * @param reminded whether the owner has been reminded to erase
	 * @param requestId the request
	 * @param reference the request's reference
	 */
	public record HoldRow(long id, LocalDate retainedUntil, LegalGround ground, String groundText, String kept,
			boolean reminded, long requestId, String reference) {
	}

}
