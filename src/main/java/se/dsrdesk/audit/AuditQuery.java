package se.dsrdesk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail for the viewer and the export with one SQL statement: newest
 * first, in (occurred_at, id) order, starting after a keyset cursor. Each filter has an
 * index that ends in that order (V2, V35), so a page deep in millions of rows reads only
 * the rows it shows. A request reference becomes the request's id, asked of the request
 * module through {@link RequestReferences} (as are the references shown), which finds the
 * events about the request and about its tasks, notes and attachments through
 * {@code request_id}. The audit module reads the staff table only here, in SQL, and
 * depends on no other module's code.
 */
@Component
class AuditQuery {

	static final int PAGE_SIZE = 50;

	/** Rows fetched from the database at a time when exporting. */
	static final int EXPORT_FETCH_SIZE = 1000;

	/**
	 * Rows exported per question to the request module for their references: few enough
	 * to hold in memory (a few megabytes), many enough that the questions cost little
	 * next to the rows.
	 */
	static final int EXPORT_REFERENCE_BATCH = 10_000;

	private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {
	};

	private static final String SELECT = """
			select a.id, a.occurred_at, a.actor_label, a.action, a.target_type, a.target_id, a.details,
			       a.request_id, a.changes
			from audit_event a
			where 1 = 1""";

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final JsonMapper json;

	private final RequestReferences references;

	private volatile Boolean postgres;

	AuditQuery(JdbcTemplate jdbc, DataSource dataSource, JsonMapper json, RequestReferences references) {
		this.jdbc = jdbc;
		this.references = references;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(EXPORT_FETCH_SIZE);
		this.json = json;
	}

	/**
	 * One page of the trail.
	 * @param filter valid filters and the cursor
	 * @param zone the controller's time zone, for the date range
	 * @return the rows and whether more follow
	 */
	@Transactional(readOnly = true)
	AuditPage page(AuditFilter filter, ZoneId zone) {
		List<Object> args = new ArrayList<>();
		StringBuilder sql = where(filter, zone, args);
		filter.cursor().ifPresent((cursor) -> {
			sql.append(" and (a.occurred_at, a.id) < (?, ?)");
			args.add(Timestamp.from(cursor.occurredAt()));
			args.add(cursor.id());
		});
		sql.append(" order by a.occurred_at desc, a.id desc limit ").append(PAGE_SIZE + 1);
		planWithValues();
		List<AuditRow> rows = withReferences(this.jdbc.query(sql.toString(), (rs, n) -> row(rs), args.toArray()));
		boolean more = rows.size() > PAGE_SIZE;
		return new AuditPage(more ? rows.subList(0, PAGE_SIZE) : rows, more);
	}

	/**
	 * Every row that the filters select, newest first, one at a time: the database sends
	 * them {@value #EXPORT_FETCH_SIZE} at a time (a cursor, which on PostgreSQL needs the
	 * transaction), so memory stays the same however many there are.
	 * @param filter valid filters; the cursor is ignored
	 * @param zone the controller's time zone
	 * @param each what to do with each row
	 */
	@Transactional(readOnly = true)
	void export(AuditFilter filter, ZoneId zone, Consumer<AuditRow> each) {
		List<Object> args = new ArrayList<>();
		StringBuilder sql = where(filter, zone, args);
		sql.append(" order by a.occurred_at desc, a.id desc");
		planWithValues();
		List<AuditRow> chunk = new ArrayList<>(EXPORT_REFERENCE_BATCH);
		RowCallbackHandler handler = (rs) -> {
			chunk.add(row(rs));
			if (chunk.size() == EXPORT_REFERENCE_BATCH) {
				withReferences(chunk).forEach(each);
				chunk.clear();
			}
		};
		this.streaming.query(sql.toString(), handler, args.toArray());
		withReferences(chunk).forEach(each);
	}

	/**
	 * The rows with the references of their requests, asked of the request module at
	 * once.
	 */
	private List<AuditRow> withReferences(List<AuditRow> rows) {
		Map<Long, String> references = this.references.referencesOf(rows.stream().map(AuditRow::requestId).toList());
		return rows.stream()
			.map((row) -> (row.requestId() == null) ? row
					: new AuditRow(row.id(), row.occurredAt(), row.actorLabel(), row.action(), row.targetType(),
							row.targetId(), row.details(), row.requestId(), references.get(row.requestId()),
							row.changes()))
			.toList();
	}

	private StringBuilder where(AuditFilter filter, ZoneId zone, List<Object> args) {
		StringBuilder sql = new StringBuilder(SELECT);
		filter.staffUserId().ifPresent((id) -> {
			sql.append(" and a.actor_id = ?");
			args.add(id);
		});
		if (filter.noAccount()) {
			sql.append(" and a.actor_id is null");
		}
		filter.chosenAction().ifPresent((action) -> {
			sql.append(" and a.action = ?");
			args.add(action);
		});
		filter.chosenReference().ifPresent((reference) -> {
			// No such request: no events (the id -1 is never given out).
			sql.append(" and a.request_id = ?");
			args.add(this.references.idOf(reference).orElse(-1L));
		});
		filter.fromInstant(zone).ifPresent((from) -> {
			sql.append(" and a.occurred_at >= ?");
			args.add(Timestamp.from(from));
		});
		filter.untilInstant(zone).ifPresent((until) -> {
			sql.append(" and a.occurred_at < ?");
			args.add(Timestamp.from(until));
		});
		return sql;
	}

	/**
	 * The staff accounts that may appear as actors, by name, for the filter.
	 * @return id and label of each account
	 */
	@Transactional(readOnly = true)
	/**
	 * A staff member's display name, for ids in the trail ({@code assignee=7}).
	 * @param id the staff user's id
	 * @return the name, empty when there is no such account
	 */
	Optional<String> staffName(long id) {
		return this.jdbc.queryForList("select display_name from staff_user where id = ?", String.class, id)
			.stream()
			.findFirst();
	}

	List<StaffOption> staff() {
		return this.jdbc.query("select id, display_name, email from staff_user order by lower(display_name), id",
				(rs, n) -> new StaffOption(rs.getLong(1), rs.getString(2) + " (" + rs.getString(3) + ")"));
	}

	/**
	 * The actions in the trail. A loose index scan on {@code ix_audit_event_action}: one
	 * index probe per distinct action, instead of reading millions of rows for a dozen or
	 * two values.
	 * @return the action codes, in order
	 */
	@Transactional(readOnly = true)
	List<String> actions() {
		return this.jdbc.queryForList("""
				with recursive actions (action) as (
				    select min(action) from audit_event
				    union all
				    select (select min(e.action) from audit_event e where e.action > actions.action)
				    from actions where actions.action is not null)
				select action from actions where action is not null""", String.class);
	}

	private AuditRow row(ResultSet rs) throws SQLException {
		Long requestId = rs.getObject("request_id", Long.class);
		String changes = rs.getString("changes");
		return new AuditRow(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_label"),
				rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("details"),
				requestId, null, (changes != null) ? this.json.readValue(changes, CHANGES) : List.of());
	}

	/**
	 * On PostgreSQL, plan this transaction's statements with their values: the best index
	 * depends on them (a rare action or a busy one), and a cached generic plan cannot see
	 * them (see InboxQuery).
	 */
	private void planWithValues() {
		Boolean pg = this.postgres;
		if (pg == null) {
			pg = this.jdbc.execute((ConnectionCallback<Boolean>) (connection) -> "PostgreSQL"
				.equals(connection.getMetaData().getDatabaseProductName()));
			this.postgres = pg;
		}
		if (pg) {
			this.jdbc.execute("set local plan_cache_mode = force_custom_plan");
		}
	}

	/**
	 * One page.
	 *
	 * @param rows at most {@link #PAGE_SIZE} rows
	 * @param hasMore whether another page follows
	 */
	record AuditPage(List<AuditRow> rows, boolean hasMore) {

		/**
		 * The cursor for the next page.
		 * @return after the last row, empty when there is none
		 */
		Optional<AuditFilter.Cursor> next() {
			if (!this.hasMore || this.rows.isEmpty()) {
				return Optional.empty();
			}
			AuditRow last = this.rows.get(this.rows.size() - 1);
			return Optional.of(new AuditFilter.Cursor(last.occurredAt(), last.id()));
		}

	}

	/**
	 * One line of the trail as the viewer shows it.
	 *
	 * @param id the event's id
	 * @param occurredAt when
	 * @param actorLabel who
	 * @param action what, a code
	 * @param targetType the kind of thing it was done to
	 * @param targetId the thing's id
	 * @param details a short description
	 * @param requestId the request it is about, or {@code null}
	 * @param reference that request's reference, or {@code null}
	 * @param changes the values before and after, empty when none were recorded
	 */
	record AuditRow(long id, Instant occurredAt, String actorLabel, String action, String targetType, String targetId,
			String details, Long requestId, String reference, List<Change> changes) {

	}

	/**
	 * A staff account in the actor filter.
	 *
	 * @param id the account's id
	 * @param label name and address
	 */
	record StaffOption(long id, String label) {

	}

}
