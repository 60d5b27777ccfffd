package se.dsrdesk.request;

import se.dsrdesk.request.persistence.OffsetSegment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.system.QueryPlans;
import se.dsrdesk.request.schema.RequestStatusSchema;

/**
 * What the compliance officer's dashboard, its yearly report and the CSV export read
 * about requests: the counts and first items of the lists that need attention, requests
 * received and answered per day, extensions, and the requests received in a period. The
 * dashboard reads the request table only through this; the status sets are
 * {@link RequestStatus}'s, bound as values and planned with them ({@link QueryPlans}), so
 * that each query reads the partial index made from its set (RequestStatusSchema).
 * <p>
 * Every method joins the caller's transaction; the lists and counts expect a read-only
 * one in which {@link QueryPlans#withValues()} was called.
 */
@Component
public class RequestStatistics {

	/** Rows fetched at a time when streaming requests. */
	static final int FETCH_SIZE = 1000;

	private static final String LINE_COLUMNS = """
			select r.id, r.reference, r.type, r.status, r.effective_deadline, r.extension_months,
			       r.one_month_deadline, %s as paused_on, u.display_name
			from dsr_request r left join staff_user u on u.id = r.assignee_id
			""";

	private static final String DUE_BEFORE = " where r.status in (:statuses) and r.effective_deadline < :day";

	private static final String DUE_BETWEEN = " where r.status in (:statuses)"
			+ " and r.effective_deadline between :first and :last";

	/**
	 * Overdue with the person untold: as {@link RequestTally#toldUntil} and
	 * {@link RequestTally#coveredUntil()} read the delay columns.
	 */
	private static final String OVERDUE_UNTOLD = DUE_BEFORE
			+ " and (r.delay_announced_on is null or r.delay_expected_on is null or r.delay_expected_on < :day)";

	private final NamedParameterJdbcTemplate named;

	private final JdbcTemplate streaming;

	private final QueryPlans plans;

	RequestStatistics(JdbcTemplate jdbc, DataSource dataSource, QueryPlans plans) {
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(FETCH_SIZE);
		this.plans = plans;
	}

	/**
	 * Open requests ({@link RequestStatus#OPEN}) whose deadline is before a day: overdue.
	 * A paused request whose deadline has passed is overdue too: a pause cannot hide a
	 * late request (and none can start once the deadline has passed).
	 * @param day the first day not counted
	 * @param limit how many to list
	 * @return the first, by deadline and id
	 */
	@Transactional(readOnly = true)
	public List<Line> openDueBefore(LocalDate day, int limit) {
		return lines(LINE_COLUMNS.formatted("null") + DUE_BEFORE + " order by r.effective_deadline, r.id limit :limit",
				dueBefore(RequestStatus.OPEN, day).addValue("limit", limit));
	}

	/**
	 * How many open requests, paused or not, have a deadline before a day.
	 * @param day the first day not counted
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long countOpenDueBefore(LocalDate day) {
		return count(DUE_BEFORE, dueBefore(RequestStatus.OPEN, day));
	}

	/**
	 * How many requests are open ({@link RequestStatus#OPEN}).
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long countOpen() {
		return count(" where r.status in (:statuses)", set(RequestStatus.OPEN));
	}

	/**
	 * How many open requests ({@link RequestStatus#OPEN}) have something new from the
	 * person, a message or a reply mail that the case handler responsible has not seen
	 * yet. Read from the few unseen rows of {@code request_person_activity} (its index on
	 * {@code unread_since}), each joined to its request by primary key.
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long countOpenWithNewFromPerson() {
		return count(" join request_person_activity a on a.request_id = r.id"
				+ " where a.unread_since is not null and r.status in (:statuses)", set(RequestStatus.OPEN));
	}

	/**
	 * How many requests are paused ({@link RequestStatus#PAUSED}): the open ones that the
	 * counts kept per running deadline leave out.
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long countPaused() {
		return count(" where r.status in (:statuses)", set(RequestStatus.PAUSED));
	}

	/**
	 * How many paused requests ({@link RequestStatus#PAUSED}) have a deadline before a
	 * day: the overdue ones that the counts kept per running deadline leave out.
	 * @param day the first day not counted
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long countPausedDueBefore(LocalDate day) {
		return count(DUE_BEFORE, dueBefore(RequestStatus.PAUSED, day));
	}

	/**
	 * Open requests not paused whose deadline falls between two days: due soon.
	 * @param first the first day
	 * @param last the last day, included
	 * @param limit how many to list
	 * @return the first, by deadline and id
	 */
	@Transactional(readOnly = true)
	public List<Line> openUnpausedDueBetween(LocalDate first, LocalDate last, int limit) {
		return lines(LINE_COLUMNS.formatted("null") + DUE_BETWEEN + " order by r.effective_deadline, r.id limit :limit",
				dueBetween(first, last).addValue("limit", limit));
	}

	/**
	 * How many open requests not paused have a deadline between two days.
	 * @param first the first day
	 * @param last the last day, included
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long countOpenUnpausedDueBetween(LocalDate first, LocalDate last) {
		return count(DUE_BETWEEN, dueBetween(first, last));
	}

	/**
	 * One staff member's open requests, most urgent first (overdue ones lead, then those
	 * due soonest), for their start page: read on the partial index of open requests by
	 * assignee and deadline.
	 * @param assigneeId the staff member
	 * @param limit how many to list
	 * @return the first, by deadline and id
	 */
	@Transactional(readOnly = true)
	public List<Line> openAssignedTo(long assigneeId, int limit) {
		return lines(
				LINE_COLUMNS.formatted("null") + " where r.status in (:statuses) and r.assignee_id = :assignee"
						+ " order by r.effective_deadline, r.id limit :limit",
				set(RequestStatus.OPEN).addValue("assignee", assigneeId).addValue("limit", limit));
	}

	/**
	 * How many open requests one staff member holds, and how urgent they are, in one pass
	 * over the same index (it holds both columns read, so PostgreSQL needs no table
	 * rows): overdue as {@link #countOpenDueBefore}, due soon as
	 * {@link #countOpenUnpausedDueBetween}.
	 * @param assigneeId the staff member
	 * @param today the controller's date: a deadline before it is overdue
	 * @param soon the last day counted as due soon
	 * @return the counts
	 */
	@Transactional(readOnly = true)
	public Assigned countOpenAssignedTo(long assigneeId, LocalDate today, LocalDate soon) {
		this.plans.withValues();
		MapSqlParameterSource values = set(RequestStatus.OPEN).addValue("assignee", assigneeId)
			.addValue("today", Date.valueOf(today))
			.addValue("soon", Date.valueOf(soon))
			.addValue("paused", RequestStatus.names(RequestStatus.PAUSED));
		return this.named.queryForObject("""
				select count(*) filter (where r.effective_deadline < :today) as overdue,
				       count(*) filter (where r.effective_deadline between :today and :soon
				                          and r.status not in (:paused)) as due_soon,
				       count(*) as open
				from dsr_request r
				where r.status in (:statuses) and r.assignee_id = :assignee""", values,
				(rs, n) -> new Assigned(rs.getLong("overdue"), rs.getLong("due_soon"), rs.getLong("open")));
	}

	/**
	 * One staff member's open requests, counted.
	 *
	 * @param overdue past their deadline, paused or not
	 * @param dueSoon clock running, deadline between today and the "soon" day
	 * @param open all their open requests
	 */
	public record Assigned(long overdue, long dueSoon, long open) {
	}

	private static MapSqlParameterSource dueBefore(Set<RequestStatus> statuses, LocalDate day) {
		return set(statuses).addValue("day", Date.valueOf(day));
	}

	private static MapSqlParameterSource dueBetween(LocalDate first, LocalDate last) {
		return set(RequestStatus.OPEN_UNPAUSED).addValue("first", Date.valueOf(first))
			.addValue("last", Date.valueOf(last));
	}

	/**
	 * Requests that may still be extended ({@link RequestStatus#EXTENDABLE}), not
	 * extended, whose one-month deadline (the last day to extend) falls between two days.
	 * @param first the first day
	 * @param last the last day, included
	 * @param limit how many to list
	 * @return the count and the first, by one-month deadline and id
	 */
	@Transactional(readOnly = true)
	public Listing lastDayToExtendBetween(LocalDate first, LocalDate last, int limit) {
		MapSqlParameterSource params = set(RequestStatus.EXTENDABLE).addValue("first", Date.valueOf(first))
			.addValue("last", Date.valueOf(last))
			.addValue("limit", limit);
		String where = " where r.status in (:statuses) and r.extension_months = 0"
				+ " and r.one_month_deadline between :first and :last";
		return new Listing(count(where, params), lines(
				LINE_COLUMNS.formatted("null") + where + " order by r.one_month_deadline, r.id limit :limit", params));
	}

	/**
	 * Requests in hand ({@link RequestStatus#IN_HAND}, paused or not) whose deadline is
	 * before a day and whose person has not been told of the delay, or was told to expect
	 * the answer before that day (Art. 12(3)): the day is after the request's
	 * {@link RequestTally#coveredUntil() covered-until day}.
	 * @param day the first day not counted (today)
	 * @param limit how many to list
	 * @return the count and the first, by deadline and id
	 */
	@Transactional(readOnly = true)
	public Listing overdueUntold(LocalDate day, int limit) {
		return new Listing(countOverdueUntold(day), overdueUntoldFirst(day, limit));
	}

	/**
	 * The first of {@link #overdueUntold}, without counting them all: an index range in
	 * deadline order on {@code ix_dashboard_in_hand_deadline}, which holds the delay
	 * columns, so that requests whose person was told are skipped in the index.
	 * @param day the first day not counted (today)
	 * @param limit how many to list
	 * @return the first, by deadline and id
	 */
	@Transactional(readOnly = true)
	public List<Line> overdueUntoldFirst(LocalDate day, int limit) {
		return lines(
				LINE_COLUMNS.formatted("null") + OVERDUE_UNTOLD + " order by r.effective_deadline, r.id limit :limit",
				dueBefore(RequestStatus.IN_HAND, day).addValue("limit", limit));
	}

	/**
	 * How many {@link #overdueUntold} there are, counted from the requests (on H2, and to
	 * check the counts the dashboard keeps on PostgreSQL).
	 * @param day the first day not counted (today)
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long countOverdueUntold(LocalDate day) {
		return count(OVERDUE_UNTOLD, dueBefore(RequestStatus.IN_HAND, day));
	}

	/**
	 * Requests in hand ({@link RequestStatus#IN_HAND}, paused or not) made by a
	 * representative whose authority to act for the person is not yet checked (Art.
	 * 12(2); EDPB Guidelines 01/2022): nothing is disclosed to them until it is.
	 * @param limit how many to list
	 * @return the count and the first, by deadline and id
	 */
	@Transactional(readOnly = true)
	public Listing authorityUnchecked(int limit) {
		MapSqlParameterSource params = set(RequestStatus.IN_HAND).addValue("limit", limit);
		String where = " where r.status in (:statuses) and r.representative_name is not null"
				+ " and r.authority_verified_at is null";
		return new Listing(count(where, params), lines(
				LINE_COLUMNS.formatted("null") + where + " order by r.effective_deadline, r.id limit :limit", params));
	}

	/**
	 * Paused requests ({@link RequestStatus#PAUSED}), longest paused first.
	 * @param limit how many to list
	 * @return the count and the first, by the day their open pause began and id
	 */
	@Transactional(readOnly = true)
	public Listing paused(int limit) {
		MapSqlParameterSource params = set(RequestStatus.PAUSED).addValue("limit", limit);
		return new Listing(count(" where r.status in (:statuses)", params), lines("""
				select r.id, r.reference, r.type, r.status, r.effective_deadline, r.extension_months,
				       r.one_month_deadline, p.paused_on, u.display_name
				from request_pause p
				join dsr_request r on r.id = p.request_id
				left join staff_user u on u.id = r.assignee_id
				where p.resumed_on is null and r.status in (:statuses)
				order by p.paused_on, r.id limit :limit""", params));
	}

	/**
	 * Open requests ({@link RequestStatus#OPEN}) with an extension.
	 * @param limit how many to list
	 * @return the count and the first, by deadline and id
	 */
	@Transactional(readOnly = true)
	public Listing extendedOpen(int limit) {
		MapSqlParameterSource params = set(RequestStatus.OPEN).addValue("limit", limit);
		String where = " where r.status in (:statuses) and r.extension_months > 0";
		return new Listing(count(where, params), lines(
				LINE_COLUMNS.formatted("null") + where + " order by r.effective_deadline, r.id limit :limit", params));
	}

	/**
	 * Requests received per day and type in a period, except those never received
	 * ({@link RequestStatus#NOT_RECEIVED}).
	 * @param first the first day
	 * @param last the last day, included
	 * @return the days and types with requests
	 */
	@Transactional(readOnly = true)
	public List<Received> receivedPerDay(LocalDate first, LocalDate last) {
		return this.named.query("""
				select r.receipt_date, r.type, count(*)
				from dsr_request r
				where r.receipt_date between :first and :last and r.status not in (:statuses)
				group by r.receipt_date, r.type""",
				set(RequestStatus.NOT_RECEIVED).addValue("first", Date.valueOf(first))
					.addValue("last", Date.valueOf(last)),
				RequestStatistics::received);
	}

	/**
	 * Requests answered ({@link RequestStatus#ANSWERED}) in a span of time, grouped by
	 * the day answered (in a time zone), days to answer, on time or not, status and
	 * ground. On PostgreSQL a named zone costs a time-zone lookup per row (a third of the
	 * query's time at a million rows), so the span is cut where the zone's offset changes
	 * (daylight saving time) and each piece converts with its fixed offset, which gives
	 * the same dates. H2 spells the conversion differently.
	 * @param start the first instant
	 * @param end the first instant after the span
	 * @param zone the zone whose days count
	 * @return the groups
	 */
	@Transactional(readOnly = true)
	public List<Answered> answeredBetween(Instant start, Instant end, ZoneId zone) {
		String select = """
				select %s as closed_on, r.receipt_date, r.effective_deadline, r.status, r.rejection_ground
				from dsr_request r
				where r.status in (:statuses) and r.closed_at >= :start%d and r.closed_at < :end%<d""";
		MapSqlParameterSource params = set(RequestStatus.ANSWERED);
		StringBuilder pieces = new StringBuilder();
		String days;
		if (this.plans.isPostgres()) {
			days = "a.closed_on - a.receipt_date";
			int piece = 0;
			for (OffsetSegment segment : OffsetSegment.of(zone, start, end)) {
				if (!pieces.isEmpty()) {
					pieces.append("\nunion all\n");
				}
				pieces.append(select.formatted(
						"cast(r.closed_at at time zone interval '" + segment.offsetSeconds() + " seconds' as date)",
						piece));
				params.addValue("start" + piece, segment.start().atOffset(ZoneOffset.UTC));
				params.addValue("end" + piece, segment.end().atOffset(ZoneOffset.UTC));
				piece++;
			}
		}
		else {
			days = "datediff(day, a.receipt_date, a.closed_on)";
			pieces.append(select.formatted("cast(formatdatetime(r.closed_at, 'yyyy-MM-dd', 'en', :zone) as date)", 0));
			params.addValue("zone", zone.getId());
			params.addValue("start0", start.atOffset(ZoneOffset.UTC));
			params.addValue("end0", end.atOffset(ZoneOffset.UTC));
		}
		return this.named.query("""
				select a.closed_on, %s as days,
				       case when a.closed_on <= a.effective_deadline then 1 else 0 end as on_time,
				       a.status, a.rejection_ground, count(*) as n
				from (%s) a
				group by 1, 2, 3, 4, 5""".formatted(days, pieces), params, RequestStatistics::answered);
	}

	/**
	 * Extensions decided in a span of time, by their length.
	 * @param start the first instant
	 * @param end the first instant after the span
	 * @return months (1 or 2) to how many
	 */
	@Transactional(readOnly = true)
	public Map<Integer, Long> extensionsBetween(Instant start, Instant end) {
		Map<Integer, Long> extensions = new TreeMap<>();
		this.named.query("""
				select r.extension_months, count(*) from dsr_request r
				where r.extended_at >= :start and r.extended_at < :end
				group by r.extension_months""", new MapSqlParameterSource("start", start.atOffset(ZoneOffset.UTC))
			.addValue("end", end.atOffset(ZoneOffset.UTC)), (ResultSet rs) -> {
				extensions.put(rs.getInt(1), rs.getLong(2));
			});
		return extensions;
	}

	/**
	 * Every count the dashboard keeps, counted afresh, with writers to the request table
	 * held off until the caller's transaction ends (a SHARE lock), so that a keeper that
	 * replaces its counts with these within that transaction misses and doubles nothing.
	 * @param zone the zone whose days count as the day answered
	 * @return the counts
	 */
	@Transactional
	public Tallies lockedTallies(ZoneId zone) {
		if (this.plans.isPostgres()) {
			this.named.getJdbcTemplate().execute("lock table dsr_request in share mode");
		}
		List<Running> running = this.named.query("""
				select effective_deadline, count(*) from dsr_request
				where status in (:statuses)
				group by effective_deadline""", set(RequestStatus.OPEN_UNPAUSED),
				(rs, n) -> new Running(rs.getObject(1, LocalDate.class), rs.getLong(2)));
		List<Received> received = this.named.query("""
				select receipt_date, type, count(*) from dsr_request
				where status not in (:statuses)
				group by receipt_date, type""", set(RequestStatus.NOT_RECEIVED), RequestStatistics::received);
		Map<String, Object> span = this.named.queryForMap(
				"select min(closed_at) as first, max(closed_at) as last from dsr_request where status in (:statuses)",
				set(RequestStatus.ANSWERED));
		List<Answered> answered = (span.get("first") != null)
				? answeredBetween(instant(span.get("first")), instant(span.get("last")).plusNanos(1000), zone)
				: List.of();
		List<Untold> untold = this.named.query("""
				select case when delay_announced_on is not null and delay_expected_on > effective_deadline
				            then delay_expected_on else effective_deadline end as covered_until, count(*)
				from dsr_request
				where status in (:statuses)
				group by 1""", set(RequestStatus.IN_HAND),
				(rs, n) -> new Untold(rs.getObject(1, LocalDate.class), rs.getLong(2)));
		return new Tallies(running, received, answered, untold);
	}

	/**
	 * The requests received in a period, in receipt order, one at a time: the database
	 * sends them {@value #FETCH_SIZE} at a time through a cursor (PostgreSQL gives one
	 * only inside a transaction), so a million rows need no more memory than a thousand.
	 * @param first the first receipt date
	 * @param last the last receipt date, included
	 * @param each what to do with each
	 */
	@Transactional(readOnly = true)
	public void eachReceivedBetween(LocalDate first, LocalDate last, Consumer<Exported> each) {
		this.streaming.query("""
				select reference, type, channel, receipt_date, effective_deadline, extension_months, status, closed_at
				from dsr_request
				where receipt_date between ? and ?
				order by receipt_date, id""", (ResultSet rs) -> {
			Timestamp closedAt = rs.getTimestamp("closed_at");
			each.accept(new Exported(rs.getString("reference"), RequestType.valueOf(rs.getString("type")),
					Channel.valueOf(rs.getString("channel")), rs.getObject("receipt_date", LocalDate.class),
					rs.getObject("effective_deadline", LocalDate.class), rs.getInt("extension_months"),
					RequestStatus.valueOf(rs.getString("status")), (closedAt != null) ? closedAt.toInstant() : null));
		}, Date.valueOf(first), Date.valueOf(last));
	}

	private static Instant instant(Object timestamp) {
		return (timestamp instanceof Timestamp sql) ? sql.toInstant()
				: ((java.time.OffsetDateTime) timestamp).toInstant();
	}

	private long count(String where, MapSqlParameterSource params) {
		Long count = this.named.queryForObject("select count(*) from dsr_request r" + where, params, Long.class);
		return (count != null) ? count : 0;
	}

	private List<Line> lines(String sql, MapSqlParameterSource params) {
		return this.named.query(sql, params, LINE);
	}

	private static MapSqlParameterSource set(Set<RequestStatus> statuses) {
		return new MapSqlParameterSource("statuses", RequestStatus.names(statuses));
	}

	private static final RowMapper<Line> LINE = (rs, n) -> new Line(rs.getLong("id"), rs.getString("reference"),
			RequestType.valueOf(rs.getString("type")), RequestStatus.valueOf(rs.getString("status")),
			rs.getObject("effective_deadline", LocalDate.class), rs.getInt("extension_months"),
			rs.getObject("one_month_deadline", LocalDate.class), rs.getObject("paused_on", LocalDate.class),
			rs.getString("display_name"));

	private static Received received(ResultSet rs, int n) throws SQLException {
		return new Received(rs.getObject(1, LocalDate.class), RequestType.valueOf(rs.getString(2)), rs.getLong(3));
	}

	private static Answered answered(ResultSet rs, int n) throws SQLException {
		String ground = rs.getString(5);
		return new Answered(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3) == 1,
				RequestStatus.valueOf(rs.getString(4)), (ground != null) ? RejectionGround.valueOf(ground) : null,
				rs.getLong(6));
	}

	/**
	 * A count and the first requests counted.
	 *
	 * @param count how many there are
	 * @param first the first of them, in the list's order
	 */
	public record Listing(long count, List<Line> first) {

		public Listing {
			first = List.copyOf(first);
		}

	}

	/**
	 * A request in a list.
	 *
	 * @param id the request's id
	 * @param reference its reference
	 * @param type its type
	 * @param status its status
	 * @param effectiveDeadline the deadline in force
	 * @param extensionMonths months of extension, 0 when none
	 * @param oneMonthDeadline the last day to extend
	 * @param pausedOn the day its open pause began, in the list of paused requests only
	 * @param assigneeName its assignee's display name, {@code null} when unassigned
	 */
	public record Line(long id, String reference, RequestType type, RequestStatus status, LocalDate effectiveDeadline,
			int extensionMonths, LocalDate oneMonthDeadline, LocalDate pausedOn, String assigneeName) {
	}

	/**
	 * Requests received on a day, of a type.
	 *
	 * @param receiptDate the day
	 * @param type the type
	 * @param count how many
	 */
	public record Received(LocalDate receiptDate, RequestType type, long count) {
	}

	/**
	 * Requests answered on a day, alike in days to answer, timeliness, status and ground.
	 *
	 * @param closedOn the day answered
	 * @param days calendar days from receipt to the day answered
	 * @param onTime answered on or before the deadline in force
	 * @param status completed or rejected
	 * @param ground the ground of a rejection, {@code null} when none was recorded
	 * @param count how many
	 */
	public record Answered(LocalDate closedOn, int days, boolean onTime, RequestStatus status, RejectionGround ground,
			long count) {
	}

	/**
	 * Open requests not paused with a deadline.
	 *
	 * @param effectiveDeadline the deadline
	 * @param count how many
	 */
	public record Running(LocalDate effectiveDeadline, long count) {
	}

	/**
	 * Requests in hand, per the last day they are covered (not overdue with the person
	 * untold, {@link RequestTally#coveredUntil()}).
	 *
	 * @param coveredUntil the day
	 * @param count how many
	 */
	public record Untold(LocalDate coveredUntil, long count) {
	}

	/**
	 * Everything the dashboard keeps counts of.
	 *
	 * @param running open requests not paused, per deadline
	 * @param received requests received, per day and type
	 * @param answered requests answered, per day and the rest
	 * @param untold requests in hand, per the last day they are covered
	 */
	public record Tallies(List<Running> running, List<Received> received, List<Answered> answered,
			List<Untold> untold) {
	}

	/**
	 * A request as the CSV export writes it: no person's data.
	 *
	 * @param reference its reference
	 * @param type its type
	 * @param channel how it came in
	 * @param receiptDate the day received
	 * @param effectiveDeadline the deadline in force
	 * @param extensionMonths months of extension, 0 when none
	 * @param status its status
	 * @param closedAt when closed, {@code null} while open
	 */
	public record Exported(String reference, RequestType type, Channel channel, LocalDate receiptDate,
			LocalDate effectiveDeadline, int extensionMonths, RequestStatus status, Instant closedAt) {
	}

}
