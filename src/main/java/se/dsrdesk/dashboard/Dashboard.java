package se.dsrdesk.dashboard;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.dashboard.Glance.ExtensionItem;
import se.dsrdesk.dashboard.Glance.HoldItem;
import se.dsrdesk.dashboard.Glance.Listing;
import se.dsrdesk.dashboard.Glance.PausedItem;
import se.dsrdesk.dashboard.Glance.RequestItem;
import se.dsrdesk.dashboard.Glance.ReviewItem;
import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.QueryPlans;

/**
 * The compliance officer's dashboard as a read service: what needs attention today
 * ({@link #glance()}) and the figures for a period ({@link #figures}). The web page, the
 * yearly report and the REST API all read it; it holds the definitions, written once.
 *
 * <p>
 * Every figure is read from the database when asked for, never from a cache. The lists
 * count on partial indexes and read only their first {@link #LIST_SIZE} rows (V7, V21,
 * V28). The overdue and due-soon counts and the requests received and answered are read,
 * on PostgreSQL, from the counts that triggers keep in the same transaction as every
 * change to a request (V29, see {@link DashboardRollup}); on H2 they are counted from the
 * requests. The percentiles are computed here from the histogram of days to answer, so
 * they are exact and the same on both. The status sets are {@link RequestStatus}'s,
 * passed as bind values and planned with their values ({@link QueryPlans}), so that
 * PostgreSQL matches its partial indexes, which are created from the same sets.
 */
@Service
public class Dashboard {

	/** How many items of each list the dashboard shows; the count says how many exist. */
	public static final int LIST_SIZE = 10;

	/** "Due soon": the deadline is today or within this many days. */
	public static final int DUE_SOON_DAYS = 7;

	/** Retention holds are listed from this many days before their date. */
	public static final int HOLD_WINDOW_DAYS = 30;

	/** Location reviews are listed from this many days before they are due. */
	public static final int REVIEW_WINDOW_DAYS = 30;

	/** The longest period the figures are counted for, in years. */
	public static final int MAX_PERIOD_YEARS = 10;

	private static final String REQUEST_COLUMNS = """
			select r.id, r.reference, r.type, r.status, r.effective_deadline, r.extension_months, u.display_name
			from dsr_request r left join staff_user u on u.id = r.assignee_id
			""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final NamedParameterJdbcTemplate named;

	private final QueryPlans plans;

	Dashboard(JdbcTemplate jdbc, Clock clock, ControllerIdentity controller, QueryPlans plans) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.plans = plans;
		this.clock = clock;
		this.zone = controller.timeZone();
	}

	/**
	 * Today in the controller's time zone.
	 * @return the date
	 */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	/**
	 * The default period: the last 12 months, that is from the first day of the month 11
	 * months ago up to and including today.
	 * @return the first and the last day
	 */
	public Period defaultPeriod() {
		LocalDate today = today();
		return new Period(today.withDayOfMonth(1).minusMonths(11), today);
	}

	/**
	 * What needs attention today.
	 * @return the lists and their counts
	 */
	@Transactional(readOnly = true)
	public Glance glance() {
		return glance(!isPostgres());
	}

	/**
	 * What needs attention today, with the overdue and due-soon counts read either from
	 * the counts the triggers keep per deadline (PostgreSQL, V29) or from the requests
	 * themselves (H2; and tests, which check that both agree).
	 * @param fromRequests count from {@code dsr_request} rather than the kept counts
	 * @return the lists and their counts
	 */
	@Transactional(readOnly = true)
	Glance glance(boolean fromRequests) {
		LocalDate today = today();
		Date day = Date.valueOf(today);
		this.plans.withValues();
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("openUnpaused", RequestStatus.names(RequestStatus.OPEN_UNPAUSED))
			.addValue("extendable", RequestStatus.names(RequestStatus.EXTENDABLE))
			.addValue("paused", RequestStatus.names(RequestStatus.PAUSED))
			.addValue("open", RequestStatus.names(RequestStatus.OPEN))
			.addValue("today", day)
			.addValue("soon", Date.valueOf(today.plusDays(DUE_SOON_DAYS)))
			.addValue("tomorrow", Date.valueOf(today.plusDays(1)))
			.addValue("limit", LIST_SIZE);
		Listing<RequestItem> overdue = listing(
				fromRequests
						? count("select count(*) from dsr_request r where r.status in (:openUnpaused)"
								+ " and r.effective_deadline < :today", params)
						: count("select coalesce(sum(c.n), 0) from dashboard_running_deadline c"
								+ " where c.effective_deadline < :today", params),
				this.named
					.query(REQUEST_COLUMNS + " where r.status in (:openUnpaused) and r.effective_deadline < :today"
							+ " order by r.effective_deadline, r.id limit :limit", params, requestItem(today)));
		Listing<RequestItem> dueSoon = listing(
				fromRequests
						? count("select count(*) from dsr_request r where r.status in (:openUnpaused)"
								+ " and r.effective_deadline between :today and :soon", params)
						: count("select coalesce(sum(c.n), 0) from dashboard_running_deadline c"
								+ " where c.effective_deadline between :today and :soon", params),
				this.named.query(REQUEST_COLUMNS + " where r.status in (:openUnpaused)"
						+ " and r.effective_deadline between :today and :soon order by r.effective_deadline, r.id"
						+ " limit :limit", params, requestItem(today)));
		Listing<ExtensionItem> lastDay = listing(
				count("select count(*) from dsr_request r where r.status in (:extendable)"
						+ " and r.extension_months = 0 and r.one_month_deadline between :today and :tomorrow", params),
				this.named.query("""
						select r.id, r.reference, r.type, r.one_month_deadline, u.display_name
						from dsr_request r left join staff_user u on u.id = r.assignee_id
						where r.status in (:extendable) and r.extension_months = 0
						  and r.one_month_deadline between :today and :tomorrow
						order by r.one_month_deadline, r.id limit :limit""", params, (rs, n) -> {
					LocalDate last = rs.getDate(4).toLocalDate();
					return new ExtensionItem(rs.getLong(1), rs.getString(2), type(rs, 3), last, last.equals(today),
							rs.getString(5));
				}));
		Listing<PausedItem> paused = listing(
				count("select count(*) from dsr_request r where r.status in (:paused)", params), this.named.query("""
						select r.id, r.reference, r.type, p.paused_on, u.display_name
						from request_pause p
						join dsr_request r on r.id = p.request_id
						left join staff_user u on u.id = r.assignee_id
						where p.resumed_on is null and r.status in (:paused)
						order by p.paused_on, r.id limit :limit""", params, (rs, n) -> {
					LocalDate pausedOn = rs.getDate(4).toLocalDate();
					return new PausedItem(rs.getLong(1), rs.getString(2), type(rs, 3), pausedOn,
							ChronoUnit.DAYS.between(pausedOn, today), rs.getString(5));
				}));
		Listing<RequestItem> extended = listing(
				count("select count(*) from dsr_request r where r.status in (:open) and r.extension_months > 0",
						params),
				this.named.query(REQUEST_COLUMNS + " where r.status in (:open) and r.extension_months > 0"
						+ " order by r.effective_deadline, r.id limit :limit", params, requestItem(today)));
		Date holdLimit = Date.valueOf(today.plusDays(HOLD_WINDOW_DAYS));
		Listing<HoldItem> holds = listing(
				count("select count(*) from retention_hold h where h.erased_at is null and h.retained_until <= ?",
						holdLimit),
				this.jdbc.query("""
						select h.id, h.request_id, r.reference, l.name_sv, l.name_en, h.retained_until
						from retention_hold h
						join dsr_request r on r.id = h.request_id
						join data_location l on l.id = h.location_id
						where h.erased_at is null and h.retained_until <= ?
						order by h.retained_until, h.id limit %d""".formatted(LIST_SIZE), (rs, n) -> {
					LocalDate until = rs.getDate(6).toLocalDate();
					return new HoldItem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
							until, ChronoUnit.DAYS.between(today, until));
				}, holdLimit));
		Date reviewLimit = Date.valueOf(today.plusDays(REVIEW_WINDOW_DAYS));
		Listing<ReviewItem> reviews = listing(
				count("select count(*) from data_location l where l.active = true and l.next_review_due <= ?",
						reviewLimit),
				this.jdbc.query("""
						select l.id, l.name_sv, l.name_en, l.next_review_due, u.display_name
						from data_location l left join staff_user u on u.id = l.owner_id
						where l.active = true and l.next_review_due <= ?
						order by l.next_review_due, l.id limit %d""".formatted(LIST_SIZE), (rs, n) -> {
					LocalDate due = rs.getDate(4).toLocalDate();
					return new ReviewItem(rs.getLong(1), rs.getString(2), rs.getString(3), due,
							ChronoUnit.DAYS.between(today, due), rs.getString(5));
				}, reviewLimit));
		return new Glance(today, overdue, dueSoon, lastDay, paused, extended, holds, reviews);
	}

	/**
	 * The figures for a period.
	 * @param from the first day, included
	 * @param to the last day, included, not before {@code from} and at most
	 * {@link #MAX_PERIOD_YEARS} years after it
	 * @return the figures
	 * @throws IllegalArgumentException when the period is reversed or too long
	 */
	@Transactional(readOnly = true)
	public Figures figures(LocalDate from, LocalDate to) {
		return figures(from, to, !isPostgres());
	}

	/**
	 * The figures for a period, counted either from the counts the triggers keep
	 * (PostgreSQL, V29) or from the requests themselves (H2; and tests, which check that
	 * both agree).
	 * @param from the first day
	 * @param to the last day
	 * @param fromRequests count from {@code dsr_request} rather than the kept counts
	 * @return the figures
	 */
	@Transactional(readOnly = true)
	Figures figures(LocalDate from, LocalDate to, boolean fromRequests) {
		new Period(from, to).check();
		planWithTheValues();
		Map<YearMonth, Map<RequestType, Long>> byMonth = new TreeMap<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			byMonth.put(month, zeros(RequestType.class));
		}
		Map<RequestType, Long> byType = zeros(RequestType.class);
		long[] received = { 0 };
		// By day, not by month: plain columns group fastest, and a period of ten years is
		// at
		// most 3,653 days times six types.
		String receivedSql = fromRequests ? """
				select r.receipt_date, r.type, count(*)
				from dsr_request r
				where r.receipt_date between :from and :to and r.status not in (:notReceived)
				group by r.receipt_date, r.type""" : """
				select c.receipt_date, c.type, c.n from dashboard_received c
				where c.receipt_date between :from and :to and c.n <> 0""";
		MapSqlParameterSource period = new MapSqlParameterSource("from", Date.valueOf(from))
			.addValue("to", Date.valueOf(to))
			.addValue("notReceived", RequestStatus.names(RequestStatus.NOT_RECEIVED));
		this.named.query(receivedSql, period, (ResultSet rs) -> {
			YearMonth month = YearMonth.from(rs.getDate(1).toLocalDate());
			RequestType type = type(rs, 2);
			long n = rs.getLong(3);
			byMonth.get(month).merge(type, n, Long::sum);
			byType.merge(type, n, Long::sum);
			received[0] += n;
		});
		List<Figures.Month> months = new ArrayList<>();
		byMonth.forEach((month, types) -> months.add(new Figures.Month(month, types)));

		OffsetDateTime start = from.atStartOfDay(this.zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
		OffsetDateTime end = to.plusDays(1)
			.atStartOfDay(this.zone)
			.toOffsetDateTime()
			.withOffsetSameInstant(ZoneOffset.UTC);
		Map<Integer, Long> histogram = new TreeMap<>();
		Map<RejectionGround, Long> grounds = zeros(RejectionGround.class);
		long[] answered = { 0, 0, 0 };
		MapSqlParameterSource args = new MapSqlParameterSource();
		String answeredSql;
		if (fromRequests) {
			answeredSql = answeredSql(start, end, args);
		}
		else {
			answeredSql = """
					select a.days, case when a.on_time then 1 else 0 end, a.status, nullif(a.ground, ''), sum(a.n)
					from dashboard_answered a
					where a.closed_on between :from and :to
					group by a.days, a.on_time, a.status, a.ground
					having sum(a.n) <> 0""";
			args.addValue("from", Date.valueOf(from));
			args.addValue("to", Date.valueOf(to));
		}
		this.named.query(answeredSql, args, (ResultSet rs) -> {
			int days = rs.getInt(1);
			boolean onTime = rs.getInt(2) == 1;
			String ground = rs.getString(4);
			long n = rs.getLong(5);
			histogram.merge(days, n, Long::sum);
			answered[0] += n;
			if (onTime) {
				answered[1] += n;
			}
			if (RequestStatus.REJECTED.name().equals(rs.getString(3))) {
				if (ground == null) {
					answered[2] += n;
				}
				else {
					grounds.merge(RejectionGround.valueOf(ground), n, Long::sum);
				}
			}
		});

		long[] extensions = { 0, 0 };
		this.jdbc.query("""
				select r.extension_months, count(*) from dsr_request r
				where r.extended_at >= ? and r.extended_at < ?
				group by r.extension_months""", (ResultSet rs) -> {
			int months2 = rs.getInt(1);
			if (months2 == 1 || months2 == 2) {
				extensions[months2 - 1] += rs.getLong(2);
			}
		}, start, end);
		return new Figures(from, to, List.copyOf(months), byType, received[0], answered[0], answered[1],
				new DaysToAnswer(histogram), grounds, answered[2], extensions[0], extensions[1]);
	}

	/**
	 * Answered requests in the period, counted by days to answer, on time or not, status
	 * and rejection ground. The day answered is the date of {@code closed_at} in the
	 * controller's zone. On PostgreSQL a named zone costs a time-zone lookup per row (a
	 * third of the query's time at a million rows), so the period is cut where the zone's
	 * offset changes (daylight saving time) and each piece converts with its fixed
	 * offset, which gives the same dates. H2 spells the conversion differently.
	 * @param start the first instant of the period
	 * @param end the first instant after it
	 * @param args receives the bind values
	 */
	private String answeredSql(OffsetDateTime start, OffsetDateTime end, MapSqlParameterSource args) {
		String select = """
				select %s as closed_on, r.receipt_date, r.effective_deadline, r.status, r.rejection_ground
				from dsr_request r
				where r.status in (:answered) and r.closed_at >= :start%d and r.closed_at < :end%<d""";
		args.addValue("answered", RequestStatus.names(RequestStatus.ANSWERED));
		StringBuilder pieces = new StringBuilder();
		String days;
		if (isPostgres()) {
			days = "a.closed_on - a.receipt_date";
			int piece = 0;
			for (OffsetSegment segment : OffsetSegment.of(this.zone, start.toInstant(), end.toInstant())) {
				if (!pieces.isEmpty()) {
					pieces.append("\nunion all\n");
				}
				pieces.append(select.formatted(
						"cast(r.closed_at at time zone interval '" + segment.offsetSeconds() + " seconds' as date)",
						piece));
				args.addValue("start" + piece, segment.start().atOffset(ZoneOffset.UTC));
				args.addValue("end" + piece, segment.end().atOffset(ZoneOffset.UTC));
				piece++;
			}
		}
		else {
			days = "datediff(day, a.receipt_date, a.closed_on)";
			pieces.append(select.formatted("cast(formatdatetime(r.closed_at, 'yyyy-MM-dd', 'en', :zone) as date)", 0));
			args.addValue("zone", this.zone.getId());
			args.addValue("start0", start);
			args.addValue("end0", end);
		}
		return """
				select %s as days, case when a.closed_on <= a.effective_deadline then 1 else 0 end as on_time,
				       a.status, a.rejection_ground, count(*) as n
				from (%s) a
				group by 1, 2, 3, 4""".formatted(days, pieces);
	}

	/**
	 * After five runs of a statement the PostgreSQL JDBC driver may switch to a generic
	 * plan, which cannot see the dates and may then read the whole table instead of a
	 * range (the inbox met this, see docs/inbox.md), nor the status set, without which no
	 * partial index matches. Plan with the values every time (a millisecond or so per
	 * query); the glance does the same.
	 */
	private void planWithTheValues() {
		this.plans.withValues();
	}

	private long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return (count != null) ? count : 0;
	}

	private long count(String sql, MapSqlParameterSource params) {
		Long count = this.named.queryForObject(sql, params, Long.class);
		return (count != null) ? count : 0;
	}

	private static <T> Listing<T> listing(long count, List<T> first) {
		return new Listing<>(count, List.copyOf(first));
	}

	private static RowMapper<RequestItem> requestItem(LocalDate today) {
		return (rs, n) -> {
			LocalDate deadline = rs.getDate(5).toLocalDate();
			return new RequestItem(rs.getLong(1), rs.getString(2), type(rs, 3), RequestStatus.valueOf(rs.getString(4)),
					deadline, ChronoUnit.DAYS.between(today, deadline), rs.getInt(6), rs.getString(7));
		};
	}

	private static RequestType type(ResultSet rs, int column) throws SQLException {
		return RequestType.valueOf(rs.getString(column));
	}

	private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
		Map<E, Long> map = new EnumMap<>(type);
		for (E value : type.getEnumConstants()) {
			map.put(value, 0L);
		}
		return map;
	}

	private boolean isPostgres() {
		return this.plans.isPostgres();
	}

	/**
	 * A period of days, both included.
	 *
	 * @param from the first day
	 * @param to the last day
	 */
	public record Period(LocalDate from, LocalDate to) {

		/**
		 * Checks that the period can be counted.
		 * @throws IllegalArgumentException when reversed or longer than
		 * {@link #MAX_PERIOD_YEARS} years
		 */
		void check() {
			if (this.from == null || this.to == null) {
				throw new IllegalArgumentException("A period needs a first and a last day");
			}
			if (this.to.isBefore(this.from)) {
				throw new IllegalArgumentException("The period ends before it starts");
			}
			if (this.to.isAfter(this.from.plusYears(MAX_PERIOD_YEARS))) {
				throw new IllegalArgumentException("The period is longer than " + MAX_PERIOD_YEARS + " years");
			}
		}

	}

}
