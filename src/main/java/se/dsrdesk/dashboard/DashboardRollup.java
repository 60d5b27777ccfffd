package se.dsrdesk.dashboard;

import java.time.ZoneId;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.system.ControllerIdentity;

/**
 * On PostgreSQL, the dashboard's counts of received and answered requests are kept by
 * triggers on {@code dsr_request} (migration V29), in the same transaction as each
 * change. The day a request was answered depends on the controller's time zone, which the
 * triggers read from {@code dashboard_setting}: at startup, before the application serves
 * anything, this writes the configured zone there and, when it was unset or different,
 * recounts both tables from {@code dsr_request} (with writers held off), so that the
 * counts are right for the zone in force.
 */
@Component
class DashboardRollup implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(DashboardRollup.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ZoneId zone;

	DashboardRollup(JdbcTemplate jdbc, TransactionTemplate transactions, ControllerIdentity controller) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.zone = controller.timeZone();
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!isPostgres(this.jdbc)) {
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
