package se.dsrdesk.system;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets PostgreSQL plan each statement of the current transaction with its bind values.
 * <p>
 * Status sets reach SQL as bind values ({@code status in (:open)}, see
 * {@code RequestStatus}), and the partial indexes are defined on those sets. The JDBC
 * driver switches a statement to a server-side prepared statement after five runs, and
 * PostgreSQL may then pick a generic plan, which cannot see the values: it can neither
 * match a partial index nor judge a date range, and has read a whole table instead
 * (docs/inbox.md). A custom plan costs about a millisecond of planning. H2 has neither
 * partial indexes nor this setting: there this does nothing.
 */
@Component
public class QueryPlans {

	private final JdbcTemplate jdbc;

	private volatile Boolean postgres;

	QueryPlans(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Plans every statement of the current transaction with its values (PostgreSQL's
	 * {@code plan_cache_mode = force_custom_plan}, reset when the transaction ends).
	 * @throws IllegalStateException outside a transaction, where the setting would not
	 * hold
	 */
	public void withValues() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Custom plans are set per transaction: start one first");
		}
		if (isPostgres()) {
			this.jdbc.execute("set local plan_cache_mode = force_custom_plan");
		}
	}

	/**
	 * Whether the database is PostgreSQL (rather than the embedded H2).
	 * @return {@code true} on PostgreSQL
	 */
	public boolean isPostgres() {
		Boolean postgres = this.postgres;
		if (postgres == null) {
			postgres = this.jdbc.execute((ConnectionCallback<Boolean>) (connection) -> "PostgreSQL"
				.equals(connection.getMetaData().getDatabaseProductName()));
			this.postgres = postgres;
		}
		return Boolean.TRUE.equals(postgres);
	}

}
