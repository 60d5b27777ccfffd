package se.dsrdesk.request.reminder;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.request.reminder.ReminderWindows.Window;
import se.dsrdesk.request.reminder.StaffDirectory.Recipient;
import se.dsrdesk.notification.OutgoingMail;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.RecipientKind;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.system.ExclusiveJobs;
import se.dsrdesk.system.QueryPlans;
import se.dsrdesk.system.ExclusiveJobs.Outcome;
import se.dsrdesk.deadline.DeadlineCalculator;

/**
 * Enforces the statutory deadline: on a schedule, and once at startup, it finds the open
 * requests that are due a reminder, a last-day-to-extend alert or an overdue escalation,
 * and sends each once. It works set-based: requests are read in (deadline, id) order in
 * batches over indexes, and each batch's notice rows and mails commit in one transaction.
 * A unique constraint on the notice rows makes a second sweep, on this or another
 * instance, unable to send anything twice; ShedLock keeps sweeps from overlapping in the
 * first place.
 */
@Component
public class DeadlineSweep {

	private static final Logger logger = LoggerFactory.getLogger(DeadlineSweep.class);

	static final String LOCK_NAME = "deadline-sweep";

	/**
	 * The lower bound of the overdue notices' window: any deadline at all. It was 1
	 * January 1970, so a request whose deadline was earlier (a mistyped receipt year,
	 * before receipt dates were checked) was never reported overdue.
	 */
	private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final QueryPlans plans;

	private final TransactionTemplate transactions;

	private final ExclusiveJobs jobs;

	private final DeadlineCalculator calculator;

	private final StaffUserRepository staff;

	private final Outbox outbox;

	private final SweepProperties properties;

	private final Clock clock;

	private final TaskScheduler taskScheduler;

	DeadlineSweep(JdbcTemplate jdbc, TransactionTemplate transactions, ExclusiveJobs jobs,
			DeadlineCalculator calculator, StaffUserRepository staff, Outbox outbox, SweepProperties properties,
			Clock clock, TaskScheduler taskScheduler, QueryPlans plans) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.plans = plans;
		this.transactions = transactions;
		this.jobs = jobs;
		this.calculator = calculator;
		this.staff = staff;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
		this.taskScheduler = taskScheduler;
	}

	@EventListener(ApplicationReadyEvent.class)
	void runAfterStartup() {
		if (this.properties.runAtStartup()) {
			this.taskScheduler.schedule(this::run, Instant.now());
		}
	}

	@Scheduled(cron = "${dsr.deadline.sweep.cron:0 5 * * * *}", zone = "${dsr.controller.time-zone:Europe/Stockholm}")
	void scheduled() {
		run();
	}

	/**
	 * Runs one sweep, unless another is running (here or on another instance).
	 * @return what it did; a report saying so when another sweep held the lock or it
	 * failed
	 */
	public SweepReport run() {
		ExclusiveJobs.Run<SweepReport> run = this.jobs.run(LOCK_NAME, this.properties.lockAtMostFor(), this::sweep);
		return (run.outcome() == Outcome.RAN) ? run.result() : SweepReport.notRun(run.outcome());
	}

	/**
	 * One sweep without the lock: callers must hold it, or rely on the unique constraint.
	 */
	SweepReport sweep() {
		long started = System.nanoTime();
		LocalDate today = this.calculator.today(this.clock);
		StaffDirectory directory = new StaffDirectory(
				this.staff.findAll().stream().filter(StaffUser::isActive).toList());
		Map<NoticeKind, Integer> notices = new EnumMap<>(NoticeKind.class);
		int[] mails = { 0 };
		for (Window window : ReminderWindows.forDay(this.calculator, today, this.properties.reminderWorkingDays())) {
			sendNotices(NoticeKind.REMINDER, window.threshold(), RequestStatus.STATUTORY_CLOCK_RUNNING,
					"effective_deadline", "", window.first(), window.last(), today, directory, notices, mails);
		}
		sendNotices(NoticeKind.LAST_DAY_TO_EXTEND, 0, RequestStatus.EXTENDABLE, "one_month_deadline",
				" AND r.extension_months = 0", today, today, today, directory, notices, mails);
		sendNotices(NoticeKind.OVERDUE, 0, RequestStatus.STATUTORY_CLOCK_RUNNING, "effective_deadline", "", EARLIEST,
				today.minusDays(1), today, directory, notices, mails);
		int digests = sendDigest(today, directory);
		SweepReport report = new SweepReport(Outcome.RAN, notices, mails[0], digests,
				Duration.ofNanos(System.nanoTime() - started));
		logger.info("Deadline sweep for {}: {}", today, report);
		return report;
	}

	private void sendNotices(NoticeKind kind, int threshold, Set<RequestStatus> statuses, String dateColumn,
			String extraCondition, LocalDate first, LocalDate last, LocalDate today, StaffDirectory directory,
			Map<NoticeKind, Integer> notices, int[] mails) {
		// OFFSET 0 keeps the NOT EXISTS a per-row probe of the notice table's unique
		// index. As an
		// anti-join, its plan depends on the notice table's statistics, which a sweep
		// that just
		// wrote thousands of notices has made stale: that plan was 400 times slower.
		String sql = "SELECT r.id, r.reference, r.type, r." + dateColumn + " AS due, r.assignee_id FROM dsr_request r"
				+ " WHERE r.status IN (:statuses)" + extraCondition + " AND r." + dateColumn
				+ " BETWEEN :first AND :last AND (r." + dateColumn + ", r.id) > (:keyDate, :keyId)"
				+ " AND NOT EXISTS (SELECT 1 FROM deadline_notice n WHERE n.request_id = r.id AND n.kind = :kind"
				+ " AND n.threshold = :threshold AND n.deadline = r." + dateColumn + " OFFSET 0)" + " ORDER BY r."
				+ dateColumn + ", r.id LIMIT :limit";
		LocalDate keyDate = first;
		long keyId = 0;
		while (true) {
			MapSqlParameterSource params = new MapSqlParameterSource("statuses", RequestStatus.names(statuses))
				.addValue("first", Date.valueOf(first))
				.addValue("last", Date.valueOf(last))
				.addValue("keyDate", Date.valueOf(keyDate))
				.addValue("keyId", keyId)
				.addValue("kind", kind.name())
				.addValue("threshold", threshold)
				.addValue("limit", this.properties.batchSize());
			List<DueRequest> batch = withValuePlans(
					() -> this.named.query(sql, params, (rs, i) -> new DueRequest(rs.getLong(1), rs.getString(2),
							rs.getString(3), rs.getObject(4, LocalDate.class), (Long) rs.getObject(5, Long.class))));
			if (batch.isEmpty()) {
				return;
			}
			try {
				Integer queued = this.transactions
					.execute((status) -> commitBatch(kind, threshold, batch, today, directory));
				notices.merge(kind, batch.size(), Integer::sum);
				mails[0] += (queued != null) ? queued : 0;
			}
			catch (DataIntegrityViolationException ex) {
				// Another sweep sent these first: its notices and mails stand, ours
				// rolled back.
				logger.warn("Skipped a batch of {} {} notices already created by another sweep", batch.size(), kind);
			}
			DueRequest lastOfBatch = batch.get(batch.size() - 1);
			keyDate = lastOfBatch.due();
			keyId = lastOfBatch.id();
			if (batch.size() < this.properties.batchSize()) {
				return;
			}
		}
	}

	/**
	 * Runs a read in a transaction of its own whose statements PostgreSQL plans with
	 * their values, so that it matches the status set to its partial index however often
	 * the statement ran.
	 */
	private <T> T withValuePlans(Supplier<T> read) {
		return this.transactions.execute((status) -> {
			this.plans.withValues();
			return read.get();
		});
	}

	private int commitBatch(NoticeKind kind, int threshold, List<DueRequest> batch, LocalDate today,
			StaffDirectory directory) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.batchUpdate(
				"INSERT INTO deadline_notice (request_id, kind, threshold, deadline, created_at) VALUES (?, ?, ?, ?, ?)",
				batch, batch.size(), (ps, due) -> {
					ps.setLong(1, due.id());
					ps.setString(2, kind.name());
					ps.setInt(3, threshold);
					ps.setDate(4, Date.valueOf(due.due()));
					ps.setTimestamp(5, now);
				});
		Map<Recipient, List<DueRequest>> byRecipient = new LinkedHashMap<>();
		for (DueRequest due : batch) {
			List<Recipient> recipients = (kind == NoticeKind.OVERDUE) ? directory.escalationOf(due.assigneeId())
					: directory.handlersOf(due.assigneeId());
			for (Recipient recipient : recipients) {
				byRecipient.computeIfAbsent(recipient, (r) -> new ArrayList<>()).add(due);
			}
		}
		byRecipient.forEach((recipient, items) -> this.outbox
			.enqueue(staffMail(recipient, kind.template(), items, items.size(), threshold, today)));
		return byRecipient.size();
	}

	/**
	 * The daily digest of overdue requests to every compliance officer, once a day from
	 * the configured hour.
	 */
	private int sendDigest(LocalDate today, StaffDirectory directory) {
		if (this.clock.instant().atZone(this.calculator.zone()).getHour() < this.properties.digestHour()
				|| directory.complianceOfficers().isEmpty()) {
			return 0;
		}
		MapSqlParameterSource params = new MapSqlParameterSource("running",
				RequestStatus.names(RequestStatus.STATUTORY_CLOCK_RUNNING))
			.addValue("today", Date.valueOf(today))
			.addValue("limit", this.properties.maxItemsPerMail());
		Integer total = withValuePlans(() -> this.named.queryForObject(
				"SELECT COUNT(*) FROM dsr_request r WHERE r.status IN (:running) AND r.effective_deadline < :today",
				params, Integer.class));
		if (total == null || total == 0) {
			return 0;
		}
		List<DueRequest> oldest = withValuePlans(() -> this.named.query(
				"SELECT r.id, r.reference, r.type, r.effective_deadline, r.assignee_id FROM dsr_request r"
						+ " WHERE r.status IN (:running) AND r.effective_deadline < :today"
						+ " ORDER BY r.effective_deadline, r.id LIMIT :limit",
				params, (rs, i) -> new DueRequest(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, LocalDate.class), (Long) rs.getObject(5, Long.class))));
		Integer sent = this.transactions.execute((status) -> {
			int queued = 0;
			for (Recipient officer : directory.complianceOfficers()) {
				if (this.outbox.enqueueOnce(staffMail(officer, "overdue-digest", oldest, total, 0, today),
						"OVERDUE_DIGEST:" + today + ":" + officer.id())) {
					queued++;
				}
			}
			return queued;
		});
		return (sent != null) ? sent : 0;
	}

	private OutgoingMail staffMail(Recipient recipient, String template, List<DueRequest> items, int total,
			int threshold, LocalDate today) {
		List<NoticeItem> listed = items.stream()
			.sorted(Comparator.comparing(DueRequest::due).thenComparing(DueRequest::id))
			.limit(this.properties.maxItemsPerMail())
			.map((due) -> new NoticeItem(due.id(), due.reference(), due.type(), due.due(),
					this.calculator.workingDaysBetween(today, due.due()),
					Math.max(0, ChronoUnit.DAYS.between(due.due(), today))))
			.toList();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("items", listed);
		model.put("total", total);
		model.put("more", total - listed.size());
		model.put("threshold", threshold);
		model.put("today", today);
		model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(total, threshold));
		Long requestId = (items.size() == 1) ? items.get(0).id() : null;
		return new OutgoingMail(recipient.email(), RecipientKind.STAFF, recipient.language(), template, model,
				requestId);
	}

	/**
	 * An open request that is due a notice.
	 */
	record DueRequest(long id, String reference, String type, LocalDate due, Long assigneeId) {
	}

	/**
	 * One request as a staff notice lists it.
	 *
	 * @param id the request's id, for the link to its page
	 * @param reference the request's reference
	 * @param type its type
	 * @param deadline the deadline the notice is about
	 * @param workingDaysLeft working days from today up to the deadline
	 * @param daysOverdue calendar days since the deadline passed
	 */
	public record NoticeItem(long id, String reference, String type, LocalDate deadline, int workingDaysLeft,
			long daysOverdue) {
	}

	/**
	 * What a sweep did.
	 *
	 * @param outcome whether it ran; it does not when another sweep holds the lock
	 * @param notices notices created, per kind
	 * @param mails staff mails queued for them
	 * @param digests overdue digests queued
	 * @param took how long it took
	 */
	public record SweepReport(Outcome outcome, Map<NoticeKind, Integer> notices, int mails, int digests,
			Duration took) {

		static SweepReport notRun(Outcome outcome) {
			return new SweepReport(outcome, Map.of(), 0, 0, Duration.ZERO);
		}

		public int notices(NoticeKind kind) {
			return this.notices.getOrDefault(kind, 0);
		}

		public int noticeCount() {
			return this.notices.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

}
