package se.dsrdesk.request.schema;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.stereotype.Component;
import se.dsrdesk.request.RequestStatus;

/**
 * The database's copy of the status rules, made from {@link RequestStatus}'s sets: the
 * check constraint on {@code dsr_request.status} (every status) and, on PostgreSQL, the
 * partial indexes that serve the inbox, the deadline sweep and the dashboard, each on the
 * set its queries bind. A Flyway repeatable migration, registered as a bean (Spring Boot
 * hands {@link JavaMigration} beans to Flyway) so that it runs on PostgreSQL and H2
 * alike, after the versioned ones.
 * <p>
 * Its checksum is that of the statements it runs, so when a set changes Flyway runs it
 * again and it drops and recreates what depends on the set. The versioned migrations that
 * first wrote these by hand (V4, V7, V21, V28) are history; V44 says so.
 */
@Component
public class RequestStatusSchema implements JavaMigration {

	/**
	 * A partial index and the status set its predicate holds; {@code include} names
	 * columns carried in the index without being keys ({@code null} when none).
	 */
	record PartialIndex(String name, String columns, Set<RequestStatus> statuses, String condition, String include) {

		PartialIndex(String name, String columns, Set<RequestStatus> statuses, String condition) {
			this(name, columns, statuses, condition, null);
		}

		String create() {
			return "CREATE INDEX " + this.name + " ON dsr_request (" + this.columns + ")"
					+ ((this.include != null) ? " INCLUDE (" + this.include + ")" : "") + " WHERE status IN "
					+ literals(this.statuses) + ((this.condition != null) ? " AND " + this.condition : "");
		}

	}

	/**
	 * The partial indexes on request statuses. Each query that binds the set finds its
	 * index only when planned with the values ({@code QueryPlans}).
	 */
	static final List<PartialIndex> INDEXES = List.of(
			// The deadline sweep's reminders and escalations (DeadlineSweep), in
			// (deadline, id) order.
			new PartialIndex("ix_dsr_request_running_deadline", "effective_deadline, id",
					RequestStatus.STATUTORY_CLOCK_RUNNING, null),
			// The last day to extend (DeadlineSweep, Dashboard).
			new PartialIndex("ix_dsr_request_running_one_month", "one_month_deadline, id", RequestStatus.EXTENDABLE,
					"extension_months = 0"),
			// The inbox's default list of open requests, alone, by assignee and by type
			// (InboxQuery).
			new PartialIndex("ix_dsr_request_open_deadline", "effective_deadline, id", RequestStatus.OPEN, null),
			new PartialIndex("ix_dsr_request_open_assignee", "assignee_id, effective_deadline, id", RequestStatus.OPEN,
					null),
			new PartialIndex("ix_dsr_request_open_type", "type, effective_deadline, id", RequestStatus.OPEN, null),
			// The inbox's open requests sorted by receipt date, either way.
			new PartialIndex("ix_dsr_request_open_receipt", "receipt_date, id", RequestStatus.OPEN, null),
			// The dashboard's overdue and due-soon lists.
			new PartialIndex("ix_dashboard_running_deadline", "effective_deadline, id", RequestStatus.OPEN_UNPAUSED,
					null),
			// The dashboard's extended open requests.
			new PartialIndex("ix_dashboard_open_extended", "effective_deadline, id", RequestStatus.OPEN,
					"extension_months > 0"),
			// The dashboard's overdue requests whose person was not told (Art. 12(3)), in
			// (deadline, id) order; the delay columns are carried so that requests whose
			// person was told are passed over in the index. Counted from the kept counts.
			new PartialIndex("ix_dashboard_in_hand_deadline", "effective_deadline, id", RequestStatus.IN_HAND, null,
					"delay_announced_on, delay_expected_on"),
			// The dashboard's requests made by a representative whose authority is not
			// checked yet (Art. 12(2)), in (deadline, id) order: without it the count
			// and the list each scan every request (150 ms at a million).
			new PartialIndex("ix_dashboard_authority_unchecked", "effective_deadline, id", RequestStatus.IN_HAND,
					"representative_name IS NOT NULL AND authority_verified_at IS NULL"));

	static final String CHECK_CONSTRAINT = "ck_dsr_request_status";

	@Override
	public MigrationVersion getVersion() {
		// None: a repeatable migration, run again whenever its checksum changes.
		return null;
	}

	@Override
	public String getDescription() {
		return "request status rules";
	}

	@Override
	public Integer getChecksum() {
		CRC32 crc = new CRC32();
		crc.update(String.join("\n", statements(true)).getBytes(StandardCharsets.UTF_8));
		return (int) crc.getValue();
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements(postgres)) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * What the migration runs.
	 * @param postgres whether the partial indexes are made too (PostgreSQL only)
	 * @return the statements, in order
	 */
	static List<String> statements(boolean postgres) {
		List<String> statements = new ArrayList<>();
		statements.add("ALTER TABLE dsr_request DROP CONSTRAINT IF EXISTS " + CHECK_CONSTRAINT);
		statements.add("ALTER TABLE dsr_request ADD CONSTRAINT " + CHECK_CONSTRAINT + " CHECK (status IN "
				+ literals(EnumSet.allOf(RequestStatus.class)) + ")");
		if (postgres) {
			for (PartialIndex index : INDEXES) {
				statements.add("DROP INDEX IF EXISTS " + index.name());
				statements.add(index.create());
			}
		}
		return statements;
	}

	/**
	 * The statuses as an SQL list of string literals. Only for DDL, which takes no bind
	 * values; the names are enum constants, so nothing needs quoting.
	 */
	private static String literals(Set<RequestStatus> statuses) {
		return RequestStatus.names(statuses)
			.stream()
			.map((name) -> "'" + name + "'")
			.collect(Collectors.joining(", ", "(", ")"));
	}

}
