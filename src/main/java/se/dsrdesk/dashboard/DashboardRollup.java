package se.dsrdesk.dashboard;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.ExclusiveJobs;

/**
 * On PostgreSQL, the dashboard's counts of received and answered requests are kept by
 * triggers on {@code dsr_request} (migration V29), in the same transaction as each
 * change. The day a request was answered depends on the controller's time zone, which the
 * triggers read from {@code dashboard_setting}: at startup, before the application serves
 * anything, this writes the configured zone there and, when it was unset or different,
 * recounts both tables from {@code dsr_request} (with writers held off), so that the
 * counts are right for the zone in force.
 * <p>
 * Each count has up to 16 rows, one per slot, so that concurrent writers do not queue on
 * one row (V30); every few minutes {@link #foldSlots()} folds them back into one row per
 * key, so that reading a year stays a few thousand rows.
 */
@Component
class DashboardRollup implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(DashboardRollup.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ZoneId zone;

	private final ExclusiveJobs jobs;

	private final boolean postgres;

	DashboardRollup(JdbcTemplate jdbc, TransactionTemplate transactions, ControllerIdentity controller,
			ExclusiveJobs jobs) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.zone = controller.timeZone();
		this.jobs = jobs;
		this.postgres = isPostgres(jdbc);
	}

	/**
	 * Folds the counts' slots into one row per key (PostgreSQL; nothing on H2, which
	 * keeps no counts). One instance at a time.
	 */
	@Scheduled(fixedDelayString = "${dsr.dashboard.fold-interval:5m}",
			initialDelayString = "${dsr.dashboard.fold-interval:5m}")
	void foldSlots() {
		if (!this.postgres) {
			return;
		}
		this.jobs.run("dashboard-fold-slots", Duration.ofMinutes(10), () -> this.transactions.execute((status) -> {
			this.jdbc.execute("select dashboard_fold_slots()");
			return Boolean.TRUE;
		}));
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.postgres) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.execute("lock table dashboard_setting in exclusive mode");
			List<String> stored = this.jdbc.queryForList("select time_zone from dashboard_setting where id = 1",
					String.class);
			if (stored.size() == 1 && stored.get(0).equals(this.zone.getId())) {
				return;
			}
			this.jdbc.update("delete from dashboard_setting");
			this.jdbc.update("insert into dashboard_setting (id, time_zone) values (1, ?)", this.zone.getId());
			long started = System.nanoTime();
			this.jdbc.execute("select dashboard_rebuild()");
			logger.info("Dashboard counts rebuilt for time zone " + this.zone.getId() + " (was "
					+ (stored.isEmpty() ? "unset" : stored.get(0)) + ") in " + (System.nanoTime() - started) / 1_000_000
					+ " ms");
		});
	}

	static boolean isPostgres(JdbcTemplate jdbc) {
		Boolean postgres = jdbc.execute((ConnectionCallback<Boolean>) (connection) -> "PostgreSQL"
			.equals(connection.getMetaData().getDatabaseProductName()));
		return Boolean.TRUE.equals(postgres);
	}

}
