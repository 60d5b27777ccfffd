package se.dsrdesk.dashboard;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.dashboard.Glance.ExtensionItem;
import se.dsrdesk.dashboard.Glance.HoldItem;
import se.dsrdesk.dashboard.Glance.Listing;
import se.dsrdesk.dashboard.Glance.PausedItem;
import se.dsrdesk.dashboard.Glance.RequestItem;
import se.dsrdesk.dashboard.Glance.ReviewItem;
import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.OpenRequestCounts;
import se.dsrdesk.request.RequestDirectory;
import se.dsrdesk.request.RequestStatistics;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestSummary;
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
 * count on partial indexes and read only their first {@link #LIST_SIZE} rows. The
 * overdue, due-soon and overdue-untold counts and the requests received and answered are
 * read, on PostgreSQL, from the counts that {@link DashboardRollup} keeps in the same
 * transaction as every change to a request; on H2 they are counted from the requests. The
 * percentiles are computed here from the histogram of days to answer, so they are exact
 * and the same on both. The status sets are {@link RequestStatus}'s, passed as bind
 * values and planned with their values ({@link QueryPlans}), so that PostgreSQL matches
 * its partial indexes, which are created from the same sets.
 */
@Service
public class Dashboard implements OpenRequestCounts {

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

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final QueryPlans plans;

	private final RequestStatistics requests;

	private final RequestDirectory directory;

	Dashboard(JdbcTemplate jdbc, Clock clock, ControllerIdentity controller, QueryPlans plans,
			RequestStatistics requests, RequestDirectory directory) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.requests = requests;
		this.directory = directory;
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
	 * The default period: the last 12 months up to and including today.
	 * @return the first and the last day
	 * @see #lastTwelveMonths(LocalDate)
	 */
	public Period defaultPeriod() {
		return lastTwelveMonths(today());
	}

	/**
	 * "The last 12 months", the one definition that the dashboard, its API and the
	 * requests export use: from the first day of the month 11 months before the last day
	 * up to and including that day, so that the chart shows twelve months, the first of
	 * them whole.
	 * @param last the last day (today, unless another is asked for)
	 * @return the first and the last day
	 */
	public static Period lastTwelveMonths(LocalDate last) {
		return new Period(last.withDayOfMonth(1).minusMonths(11), last);
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
	 * the counts kept per day (PostgreSQL, {@link DashboardRollup}) or from the requests
	 * themselves (H2; and tests, which check that both agree).
	 * @param fromRequests count from {@code dsr_request} rather than the kept counts
	 * @return the lists and their counts
	 */
	@Transactional(readOnly = true)
	Glance glance(boolean fromRequests) {
		LocalDate today = today();
		Date day = Date.valueOf(today);
		this.plans.withValues();
		LocalDate soon = today.plusDays(DUE_SOON_DAYS);
		Listing<RequestItem> overdue = overdue(today, LIST_SIZE, fromRequests);
		Listing<RequestItem> dueSoon = listing(
				fromRequests ? this.requests.countOpenUnpausedDueBetween(today, soon)
						: count("select coalesce(sum(c.n), 0) from dashboard_running_deadline c"
								+ " where c.effective_deadline between ? and ?", day, Date.valueOf(soon)),
				this.requests.openUnpausedDueBetween(today, soon, LIST_SIZE), requestItem(today));
		Listing<ExtensionItem> lastDay = listing(
				this.requests.lastDayToExtendBetween(today, today.plusDays(1), LIST_SIZE),
				(line) -> new ExtensionItem(line.id(), line.reference(), line.type(), line.oneMonthDeadline(),
						line.oneMonthDeadline().equals(today), line.assigneeName()));
		Listing<PausedItem> paused = listing(this.requests.paused(LIST_SIZE),
				(line) -> new PausedItem(line.id(), line.reference(), line.type(), line.pausedOn(),
						ChronoUnit.DAYS.between(line.pausedOn(), today), line.assigneeName()));
		Listing<RequestItem> extended = listing(this.requests.extendedOpen(LIST_SIZE), requestItem(today));
		Date holdLimit = Date.valueOf(today.plusDays(HOLD_WINDOW_DAYS));
		Listing<HoldItem> holds = listing(
				count("select count(*) from retention_hold h where h.erased_at is null and h.retained_until <= ?",
						holdLimit),
				withReferences(this.jdbc.query("""
						select h.id, h.request_id, l.name_sv, l.name_en, h.retained_until
						from retention_hold h
						join data_location l on l.id = h.location_id
						where h.erased_at is null and h.retained_until <= ?
						order by h.retained_until, h.id limit %d""".formatted(LIST_SIZE), (rs, n) -> {
					LocalDate until = rs.getDate(5).toLocalDate();
					return new HoldItem(rs.getLong(1), rs.getLong(2), null, rs.getString(3), rs.getString(4), until,
							ChronoUnit.DAYS.between(today, until));
				}, holdLimit)));
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
		// Art. 12(3): counted, on PostgreSQL, from the requests in hand kept per the last
		// day their deadline or delay notice covers (DashboardRollup).
		Listing<RequestItem> untold = listing(
				fromRequests ? this.requests.countOverdueUntold(today) : count(
						"select coalesce(sum(c.n), 0) from dashboard_overdue_untold c where c.covered_until < ?", day),
				this.requests.overdueUntoldFirst(today, LIST_SIZE), requestItem(today));
		return new Glance(today, overdue, dueSoon, lastDay, paused, extended, holds, reviews, untold);
	}

	/**
	 * The overdue requests overall, counted as on the dashboard (from the kept counts on
	 * PostgreSQL), with the longest overdue first: what a staff member's start page
	 * shows.
	 * @param limit how many to list
	 * @return the list and its count
	 */
	@Transactional(readOnly = true)
	public Listing<RequestItem> overdue(int limit) {
		this.plans.withValues();
		return overdue(today(), limit, !isPostgres());
	}

	private Listing<RequestItem> overdue(LocalDate today, int limit, boolean fromRequests) {
		return listing(overdueCount(today, fromRequests), this.requests.openDueBefore(today, limit),
				requestItem(today));
	}

	private long overdueCount(LocalDate today, boolean fromRequests) {
		// A paused request past its deadline stays overdue; the kept counts are of
		// running requests only, so the few paused ones are added.
		return fromRequests ? this.requests.countOpenDueBefore(today)
				: count("select coalesce(sum(c.n), 0) from dashboard_running_deadline c"
						+ " where c.effective_deadline < ?", Date.valueOf(today))
						+ this.requests.countPausedDueBefore(today);
	}

	/**
	 * The open requests for the inbox's quick view: on PostgreSQL the running ones from
	 * the counts kept per deadline, and the paused ones, which those leave out, counted.
	 */
	@Override
	@Transactional(readOnly = true)
	public long open() {
		this.plans.withValues();
		return isPostgres()
				? count("select coalesce(sum(c.n), 0) from dashboard_running_deadline c") + this.requests.countPaused()
				: this.requests.countOpen();
	}

	/** The overdue requests for the inbox's quick view, counted as on the dashboard. */
	@Override
	@Transactional(readOnly = true)
	public long overdue(LocalDate today) {
		this.plans.withValues();
		return overdueCount(today, !isPostgres());
	}

	/**
	 * Requests in hand made by a representative whose authority is not yet checked (Art.
	 * 12(2)), earliest deadline first.
	 * @return the list and its count
	 */
	@Transactional(readOnly = true)
	public Listing<RequestItem> authorityUnchecked() {
		LocalDate today = today();
		this.plans.withValues();
		return listing(this.requests.authorityUnchecked(LIST_SIZE), requestItem(today));
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
	 * The figures for a period, counted either from the counts kept (PostgreSQL, V29) or
	 * from the requests themselves (H2; and tests, which check that both agree).
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
		long received = 0;
		// By day, not by month: plain columns group fastest, and a period of ten years is
		// at most 3,653 days times six types.
		List<RequestStatistics.Received> receivedPerDay = fromRequests ? this.requests.receivedPerDay(from, to)
				: this.jdbc.query("""
						select c.receipt_date, c.type, c.n from dashboard_received c
						where c.receipt_date between ? and ? and c.n <> 0""", (rs,
						n) -> new RequestStatistics.Received(rs.getDate(1).toLocalDate(), type(rs, 2), rs.getLong(3)),
						Date.valueOf(from), Date.valueOf(to));
		for (RequestStatistics.Received day : receivedPerDay) {
			byMonth.get(YearMonth.from(day.receiptDate())).merge(day.type(), day.count(), Long::sum);
			byType.merge(day.type(), day.count(), Long::sum);
			received += day.count();
		}
		List<Figures.Month> months = new ArrayList<>();
		byMonth.forEach((month, types) -> months.add(new Figures.Month(month, types)));

		Instant start = from.atStartOfDay(this.zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(this.zone).toInstant();
		Map<Integer, Long> histogram = new TreeMap<>();
		Map<RejectionGround, Long> grounds = zeros(RejectionGround.class);
		long answered = 0;
		long onTime = 0;
		long noGround = 0;
		List<RequestStatistics.Answered> answeredGroups = fromRequests
				? this.requests.answeredBetween(start, end, this.zone) : this.jdbc.query("""
						select a.days, a.on_time, a.status, nullif(a.ground, ''), sum(a.n)
						from dashboard_answered a
						where a.closed_on between ? and ?
						group by a.days, a.on_time, a.status, a.ground
						having sum(a.n) <> 0""", (rs, n) -> {
					String ground = rs.getString(4);
					return new RequestStatistics.Answered(null, rs.getInt(1), rs.getBoolean(2),
							RequestStatus.valueOf(rs.getString(3)),
							(ground != null) ? RejectionGround.valueOf(ground) : null, rs.getLong(5));
				}, Date.valueOf(from), Date.valueOf(to));
		for (RequestStatistics.Answered group : answeredGroups) {
			histogram.merge(group.days(), group.count(), Long::sum);
			answered += group.count();
			if (group.onTime()) {
				onTime += group.count();
			}
			if (group.status() == RequestStatus.REJECTED) {
				if (group.ground() == null) {
					noGround += group.count();
				}
				else {
					grounds.merge(group.ground(), group.count(), Long::sum);
				}
			}
		}
		Map<Integer, Long> extensions = this.requests.extensionsBetween(start, end);
		return new Figures(from, to, List.copyOf(months), byType, received, answered, onTime,
				new DaysToAnswer(histogram), grounds, noGround, extensions.getOrDefault(1, 0L),
				extensions.getOrDefault(2, 0L));
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

	private static <T> Listing<T> listing(long count, List<T> first) {
		return new Listing<>(count, List.copyOf(first));
	}

	private static <T> Listing<T> listing(long count, List<RequestStatistics.Line> first,
			Function<RequestStatistics.Line, T> item) {
		return new Listing<>(count, first.stream().map(item).toList());
	}

	private static <T> Listing<T> listing(RequestStatistics.Listing listing, Function<RequestStatistics.Line, T> item) {
		return listing(listing.count(), listing.first(), item);
	}

	static Function<RequestStatistics.Line, RequestItem> requestItem(LocalDate today) {
		return (line) -> new RequestItem(line.id(), line.reference(), line.type(), line.status(),
				line.effectiveDeadline(), ChronoUnit.DAYS.between(today, line.effectiveDeadline()),
				line.extensionMonths(), line.assigneeName());
	}

	/** The holds with the references of their requests, asked of the request module. */
	private List<HoldItem> withReferences(List<HoldItem> holds) {
		Map<Long, RequestSummary> requests = this.directory.summaries(holds.stream().map(HoldItem::requestId).toList());
		return holds.stream()
			.map((hold) -> new HoldItem(hold.holdId(), hold.requestId(), requests.get(hold.requestId()).reference(),
					hold.locationNameSv(), hold.locationNameEn(), hold.retainedUntil(), hold.daysLeft()))
			.toList();
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
