package se.dsrdesk.dashboard;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.request.RequestStatistics;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestTally;
import se.dsrdesk.request.RequestTallyChanged;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.ExclusiveJobs;
import se.dsrdesk.system.QueryPlans;

/**
 * Keeps the dashboard's counts on PostgreSQL (tables of V29, V30 and V150): open requests
 * not paused per deadline ({@link RequestStatus#OPEN_UNPAUSED}), requests received per
 * day and type (all but {@link RequestStatus#NOT_RECEIVED}), requests answered
 * ({@link RequestStatus#ANSWERED}) per day answered, days to answer, on time or not,
 * status and ground, and requests in hand ({@link RequestStatus#IN_HAND}) per the last
 * day they are covered by their deadline or a delay notice
 * ({@link RequestTally#coveredUntil()}): the "overdue, person not told" count for a day
 * is the sum over the days before it. The rules are {@link RequestStatus}'s sets, read
 * here and nowhere in SQL.
 * <p>
 * Every write of a request through the application publishes a
 * {@link RequestTallyChanged} while it is flushed; {@link #count} subtracts the old
 * contribution and adds the new one in that same transaction, so the counts commit or
 * roll back with the change. Each count has up to 16 rows, one per slot (V30), and a
 * transaction writes the slot of its database connection, so that concurrent writers do
 * not queue on one row; every few minutes {@link #foldSlots()} folds them back into one
 * row per key.
 * <p>
 * Writes that bypass the application (SQL by hand, a bulk load) are not seen: the counts
 * are recounted from {@code dsr_request} at startup when the controller's time zone or a
 * counted set changed since the last count (both are stored in {@code dashboard_setting};
 * deleting its row forces a recount), and every night
 * ({@code dsr.dashboard.recount-cron}). H2 keeps no counts: there the dashboard counts
 * from the requests.
 */
@Component
class DashboardRollup implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(DashboardRollup.class);

	/** Rows written per batch when recounting. */
	private static final int BATCH = 1000;

	/** How many rows a key may have, one per slot (V30). */
	private static final int SLOTS = 16;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ZoneId zone;

	private final ExclusiveJobs jobs;

	private final QueryPlans plans;

	private final RequestStatistics requests;

	DashboardRollup(JdbcTemplate jdbc, TransactionTemplate transactions, ControllerIdentity controller,
			ExclusiveJobs jobs, QueryPlans plans, RequestStatistics requests) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.transactions = transactions;
		this.zone = controller.timeZone();
		this.jobs = jobs;
		this.plans = plans;
	}

	/**
	 * Counts a request's change out (its old values) and in (its new values), where a
	 * counted key changed. Runs inside the transaction that writes the request.
	 * @param change the values before and after
	 */
	@EventListener
	void count(RequestTallyChanged change) {
		if (!this.plans.isPostgres()) {
			return;
		}
		Object runningBefore = running(change.before());
		Object runningAfter = running(change.after());
		if (!Objects.equals(runningBefore, runningAfter)) {
			addRunning(change.before(), -1);
			addRunning(change.after(), 1);
		}
		if (!Objects.equals(received(change.before()), received(change.after()))) {
			addReceived(change.before(), -1);
			addReceived(change.after(), 1);
		}
		if (!Objects.equals(answered(change.before()), answered(change.after()))) {
			addAnswered(change.before(), -1);
			addAnswered(change.after(), 1);
		}
		if (!Objects.equals(untold(change.before()), untold(change.after()))) {
			addUntold(change.before(), -1);
			addUntold(change.after(), 1);
		}
	}

	/**
	 * The day a request is counted under as in hand, the last day before it becomes
	 * overdue with its person untold (Art. 12(3)); {@code null} when not in hand.
	 */
	static LocalDate untold(RequestTally tally) {
		return (tally != null && RequestStatus.IN_HAND.contains(tally.status())) ? tally.coveredUntil() : null;
	}

	/** The deadline a request is counted under as running, {@code null} when not. */
	private static LocalDate running(RequestTally tally) {
		return (tally != null && RequestStatus.OPEN_UNPAUSED.contains(tally.status())) ? tally.effectiveDeadline()
				: null;
	}

	/** The day and type a request is counted under as received, {@code null} when not. */
	private static List<Object> received(RequestTally tally) {
		return (tally != null && !RequestStatus.NOT_RECEIVED.contains(tally.status()))
				? List.of(tally.receiptDate(), tally.type()) : null;
	}

	/** The key a request is counted under as answered, {@code null} when not. */
	private Answered answered(RequestTally tally) {
		if (tally == null || !RequestStatus.ANSWERED.contains(tally.status()) || tally.closedAt() == null) {
			return null;
		}
		LocalDate closedOn = LocalDate.ofInstant(tally.closedAt(), this.zone);
		return new Answered(closedOn, (int) ChronoUnit.DAYS.between(tally.receiptDate(), closedOn),
				!closedOn.isAfter(tally.effectiveDeadline()), tally.status().name(),
				(tally.rejectionGround() != null) ? tally.rejectionGround().name() : "");
	}

	private void addRunning(RequestTally tally, int delta) {
		LocalDate deadline = running(tally);
		if (deadline != null) {
			this.jdbc
				.update("""
						insert into dashboard_running_deadline (effective_deadline, slot, n)
						values (?, pg_backend_pid() % ?, ?)
						on conflict (effective_deadline, slot) do update set n = dashboard_running_deadline.n + excluded.n""",
						Date.valueOf(deadline), SLOTS, delta);
		}
	}

	private void addReceived(RequestTally tally, int delta) {
		if (received(tally) != null) {
			this.jdbc.update("""
					insert into dashboard_received (receipt_date, type, slot, n)
					values (?, ?, pg_backend_pid() % ?, ?)
					on conflict (receipt_date, type, slot) do update set n = dashboard_received.n + excluded.n""",
					Date.valueOf(tally.receiptDate()), tally.type().name(), SLOTS, delta);
		}
	}

	private void addAnswered(RequestTally tally, int delta) {
		Answered key = answered(tally);
		if (key != null) {
			this.jdbc.update("""
					insert into dashboard_answered (closed_on, days, on_time, status, ground, slot, n)
					values (?, ?, ?, ?, ?, pg_backend_pid() % ?, ?)
					on conflict (closed_on, days, on_time, status, ground, slot)
					do update set n = dashboard_answered.n + excluded.n""", Date.valueOf(key.closedOn()), key.days(),
					key.onTime(), key.status(), key.ground(), SLOTS, delta);
		}
	}

	private void addUntold(RequestTally tally, int delta) {
		LocalDate coveredUntil = untold(tally);
		if (coveredUntil != null) {
			this.jdbc.update("""
					insert into dashboard_overdue_untold (covered_until, slot, n)
					values (?, pg_backend_pid() % ?, ?)
					on conflict (covered_until, slot) do update set n = dashboard_overdue_untold.n + excluded.n""",
					Date.valueOf(coveredUntil), SLOTS, delta);
		}
	}

	/**
	 * Folds the counts' slots into one row per key (PostgreSQL; nothing on H2, which
	 * keeps no counts). One instance at a time.
	 */
	@Scheduled(fixedDelayString = "${dsr.dashboard.fold-interval:5m}",
			initialDelayString = "${dsr.dashboard.fold-interval:5m}")
	void foldSlots() {
		if (!this.plans.isPostgres()) {
			return;
		}
		this.jobs.run("dashboard-fold-slots", Duration.ofMinutes(10), () -> this.transactions.execute((status) -> {
			this.jdbc.execute("select dashboard_fold_slots()");
			return Boolean.TRUE;
		}));
	}

	/**
	 * Recounts every night, so that writes which bypassed the application are counted
	 * too. One instance at a time.
	 */
	@Scheduled(cron = "${dsr.dashboard.recount-cron:0 30 3 * * *}",
			zone = "${dsr.controller.time-zone:Europe/Stockholm}")
	void recountNightly() {
		if (!this.plans.isPostgres()) {
			return;
		}
		this.jobs.run("dashboard-recount", Duration.ofMinutes(10), () -> {
			recount(this.zone);
			return Boolean.TRUE;
		});
	}

	/**
	 * At startup, before the application serves anything: recounts when the stored time
	 * zone or rules differ from the configured zone and today's sets.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		if (!this.plans.isPostgres()) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.execute("lock table dashboard_setting in exclusive mode");
			List<Map<String, Object>> stored = this.jdbc
				.queryForList("select time_zone, rules from dashboard_setting where id = 1");
			if (stored.size() == 1 && this.zone.getId().equals(stored.get(0).get("time_zone"))
					&& rules().equals(stored.get(0).get("rules"))) {
				return;
			}
			long started = System.nanoTime();
			recount(this.zone);
			logger.info("Dashboard counts recounted for time zone " + this.zone.getId() + " and the current rules in "
					+ (System.nanoTime() - started) / 1_000_000 + " ms");
		});
	}

	/**
	 * Recounts the tables from the requests ({@link RequestStatistics#lockedTallies}),
	 * with writers to requests held off meanwhile so that no change is missed or counted
	 * twice, and stores the zone and the rules counted by.
	 * @param zone the time zone whose days the answers are counted in
	 */
	void recount(ZoneId zone) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("delete from dashboard_setting");
			this.jdbc.update("insert into dashboard_setting (id, time_zone, rules) values (1, ?, ?)", zone.getId(),
					rules());
			this.jdbc.update("delete from dashboard_running_deadline");
			this.jdbc.update("delete from dashboard_received");
			this.jdbc.update("delete from dashboard_answered");
			this.jdbc.update("delete from dashboard_overdue_untold");
			RequestStatistics.Tallies tallies = this.requests.lockedTallies(zone);
			this.jdbc.batchUpdate(
					"insert into dashboard_running_deadline (effective_deadline, slot, n) values (?, 0, ?)",
					tallies.running(), BATCH, (ps, running) -> {
						ps.setDate(1, Date.valueOf(running.effectiveDeadline()));
						ps.setLong(2, running.count());
					});
			this.jdbc.batchUpdate("insert into dashboard_received (receipt_date, type, slot, n) values (?, ?, 0, ?)",
					tallies.received(), BATCH, (ps, received) -> {
						ps.setDate(1, Date.valueOf(received.receiptDate()));
						ps.setString(2, received.type().name());
						ps.setLong(3, received.count());
					});
			this.jdbc.batchUpdate("""
					insert into dashboard_answered (closed_on, days, on_time, status, ground, slot, n)
					values (?, ?, ?, ?, ?, 0, ?)""", tallies.answered(), BATCH, (ps, answered) -> {
				ps.setDate(1, Date.valueOf(answered.closedOn()));
				ps.setInt(2, answered.days());
				ps.setBoolean(3, answered.onTime());
				ps.setString(4, answered.status().name());
				ps.setString(5, (answered.ground() != null) ? answered.ground().name() : "");
				ps.setLong(6, answered.count());
			});
			this.jdbc.batchUpdate("insert into dashboard_overdue_untold (covered_until, slot, n) values (?, 0, ?)",
					tallies.untold(), BATCH, (ps, untold) -> {
						ps.setDate(1, Date.valueOf(untold.coveredUntil()));
						ps.setLong(2, untold.count());
					});
		});
	}

	/**
	 * The sets the counts are made by, as stored with them: when one changes, the next
	 * start recounts.
	 */
	static String rules() {
		Map<String, Set<RequestStatus>> sets = new TreeMap<>(
				Map.of("answered", RequestStatus.ANSWERED, "notReceived", RequestStatus.NOT_RECEIVED, "openUnpaused",
						RequestStatus.OPEN_UNPAUSED, "inHand", RequestStatus.IN_HAND));
		return sets.entrySet()
			.stream()
			.map((set) -> set.getKey() + "=" + String.join(",", RequestStatus.names(set.getValue())))
			.collect(Collectors.joining(";"));
	}

	private record Answered(LocalDate closedOn, int days, boolean onTime, String status, String ground) {
	}

}
