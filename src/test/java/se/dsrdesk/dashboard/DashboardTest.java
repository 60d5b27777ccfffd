package se.dsrdesk.dashboard;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.request.PauseGround;
import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.dashboard.Glance.RequestItem;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.TestRequests;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The dashboard's every count, list, percentage and percentile, against PostgreSQL with a
 * controllable clock: requests are put in known states through the real domain code
 * (registered, started, paused, extended, completed, rejected, withdrawn at chosen
 * moments), and through SQL only where the domain has no call (an expired web request,
 * retention holds, location review dates). The dashboard counts every request in the
 * database, so each test starts from an empty request table.
 */
@IntegrationTest
class DashboardTest {

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	static final String ENGLISH = "en-GB,en;q=0.9";

	static final String SWEDISH = "sv-SE,sv;q=0.9";

	/** Today in the glance scenario: Monday 15 June 2026. */
	static final String TODAY = "2026-06-15T10:00";

	@LocalServerPort
	int port;

	@Autowired
	Dashboard dashboard;

	@Autowired
	DashboardRollup rollup;

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void emptyTheRequests() {
		emptyTheRequestsAndTheirCounts();
	}

	@AfterEach
	void resetClockAndLeaveNoRequests() {
		this.clock.reset();
		emptyTheRequestsAndTheirCounts();
	}

	/** A truncation bypasses the application: the counts are emptied with it. */
	private void emptyTheRequestsAndTheirCounts() {
		this.jdbc.execute("truncate table dsr_request, data_subject cascade");
		this.jdbc.execute("truncate table dashboard_running_deadline, dashboard_received, dashboard_answered,"
				+ " dashboard_overdue_untold");
	}

	@Test
	void glanceListsAndCountsWhatNeedsAttentionToday() {
		String handlerEmail = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		long handler = this.jdbc.queryForObject("select id from staff_user where email = ?", Long.class, handlerEmail);
		// Overdue: deadlines 4 May (1 May is a holiday), 11 May (extended), 20 May.
		long o1 = receive("2026-04-01T10:00", RequestType.ACCESS);
		long e2 = receive("2026-03-09T10:00", RequestType.ACCESS);
		at("2026-03-20T09:00", () -> extendByPost(e2, 1, "Many systems"));
		long o2 = receive("2026-04-20T10:00", RequestType.ERASURE);
		at("2026-04-21T09:00", () -> {
			this.requests.startWork(o2, null, Actor.SYSTEM);
			this.requests.assign(o2, null, handler, Actor.SYSTEM);
		});
		// Extended, due in August; and one extended and then withdrawn.
		long e1 = receive("2026-05-04T10:00", RequestType.OBJECTION);
		at("2026-05-20T09:00", () -> extendByPost(e1, 2, "Complex"));
		long withdrawnExtended = receive("2026-05-05T10:00", RequestType.OBJECTION);
		at("2026-05-20T09:00", () -> extendByPost(withdrawnExtended, 1, "Complex"));
		at("2026-05-21T09:00", () -> this.requests.withdraw(withdrawnExtended, null, Actor.SYSTEM));
		// Paused: since 15 April (its deadline, 11 May, has passed: it stays overdue),
		// 5 June and 10 June.
		long p1 = receive("2026-04-10T10:00", RequestType.ACCESS);
		at("2026-04-15T09:00",
				() -> this.requests.pause(p1, null, PauseGround.IDENTITY, "Which account?", null, Actor.SYSTEM));
		long p2 = receive("2026-06-01T10:00", RequestType.ERASURE);
		at("2026-06-05T09:00",
				() -> this.requests.pause(p2, null, PauseGround.IDENTITY, "Which account?", null, Actor.SYSTEM));
		long l3 = receive("2026-05-16T10:00", RequestType.ACCESS);
		at("2026-06-10T09:00",
				() -> this.requests.pause(l3, null, PauseGround.IDENTITY, "Which account?", null, Actor.SYSTEM));
		// Due soon: today (its last day to extend is today), tomorrow (last day to extend
		// tomorrow), in 3 days, in exactly 7 days; and in 8 days, which is not soon.
		long l1 = receive("2026-05-15T10:00", RequestType.ACCESS);
		long l2 = receive("2026-05-16T10:00", RequestType.ACCESS);
		long d1 = receive("2026-05-18T10:00", RequestType.RECTIFICATION);
		long b7 = receive("2026-05-22T10:00", RequestType.RESTRICTION);
		long b8 = receive("2026-05-23T10:00", RequestType.RESTRICTION);
		// Neither: due in July; unconfirmed on the web; closed although its deadline
		// passed.
		long later = receive("2026-06-10T10:00", RequestType.PORTABILITY);
		this.clock.set(instant("2026-06-14T10:00"));
		long web = this.requests
			.register(new NewRequest("Web Person", "web@example.com", null, "sv", RequestType.ACCESS, Channel.WEB,
					"From the web", this.clock.instant()), Actor.SYSTEM)
			.getId();
		long rejected = receive("2026-03-02T10:00", RequestType.ACCESS);
		at("2026-03-05T09:00",
				() -> this.requests.reject(rejected, null, RejectionGround.EXCESSIVE, "Repeated", Actor.SYSTEM));
		assertThat(List.of(later, web, b8)).hasSize(3);

		// Retention holds: passed 5 days ago; due in exactly 30 days; in 31 days (not
		// yet); erased; reminded but not erased (still listed).
		long location = newLocation("Arkiv", "Archive", "2099-12-31", true);
		long h1 = hold(rejected, location, "2026-06-10", false, false);
		long h2 = hold(o1, location, "2026-07-15", false, false);
		hold(o2, location, "2026-07-16", false, false);
		hold(e1, location, "2026-06-01", true, false);
		long h3 = hold(e2, location, "2026-07-01", false, true);
		// Location reviews: none of the other locations is due; overdue by 3 days, due in
		// exactly 30 days, in 31 days (not yet), and an inactive one long overdue.
		this.jdbc.update("update data_location set next_review_due = date '2099-12-31' where next_review_due <= ?",
				LocalDate.parse("2026-07-15"));
		long r1 = newLocation("Granskas snart", "Review overdue", "2026-06-12", true);
		long r2 = newLocation("Granskas i juli", "Review in July", "2026-07-15", true);
		newLocation("Granskas senare", "Review later", "2026-07-16", true);
		newLocation("Inaktiv", "Inactive", "2026-01-01", false);

		this.clock.set(instant(TODAY));
		Glance glance = this.dashboard.glance();
		assertThat(glance.today()).isEqualTo(LocalDate.parse("2026-06-15"));
		// The counts the triggers keep agree with counting the requests.
		assertThat(this.dashboard.glance(true)).isEqualTo(glance);

		// Art. 12(3): the request paused before its deadline and still paused after it
		// stays in the overdue list.
		assertThat(glance.overdue().count()).isEqualTo(4);
		assertThat(glance.overdue().first()).extracting(RequestItem::id).containsExactly(o1, e2, p1, o2);
		assertThat(glance.overdue().first()).extracting(RequestItem::deadline)
			.containsExactly(LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-11"),
					LocalDate.parse("2026-05-11"), LocalDate.parse("2026-05-20"));
		assertThat(glance.overdue().first()).extracting(RequestItem::daysOverdue).containsExactly(42L, 35L, 35L, 26L);
		assertThat(glance.overdue().first()).extracting(RequestItem::assignee)
			.containsExactly(null, null, null, "Test User");
		assertThat(glance.overdue().hasMore()).isFalse();

		assertThat(glance.dueSoon().count()).isEqualTo(4);
		assertThat(glance.dueSoon().first()).extracting(RequestItem::id).containsExactly(l1, l2, d1, b7);
		assertThat(glance.dueSoon().first()).extracting(RequestItem::daysLeft).containsExactly(0L, 1L, 3L, 7L);

		assertThat(glance.lastDayToExtend().count()).isEqualTo(2);
		assertThat(glance.lastDayToExtend().first()).extracting(Glance.ExtensionItem::id).containsExactly(l1, l2);
		assertThat(glance.lastDayToExtend().first()).extracting(Glance.ExtensionItem::today)
			.containsExactly(true, false);
		assertThat(glance.lastDayToExtend().first()).extracting(Glance.ExtensionItem::lastDayToExtend)
			.containsExactly(LocalDate.parse("2026-06-15"), LocalDate.parse("2026-06-16"));

		assertThat(glance.paused().count()).isEqualTo(3);
		assertThat(glance.paused().first()).extracting(Glance.PausedItem::id).containsExactly(p1, p2, l3);
		assertThat(glance.paused().first()).extracting(Glance.PausedItem::daysPaused).containsExactly(61L, 10L, 5L);
		assertThat(glance.paused().first()).extracting(Glance.PausedItem::pausedOn)
			.containsExactly(LocalDate.parse("2026-04-15"), LocalDate.parse("2026-06-05"),
					LocalDate.parse("2026-06-10"));

		assertThat(glance.extended().count()).isEqualTo(2);
		assertThat(glance.extended().first()).extracting(RequestItem::id).containsExactly(e2, e1);
		assertThat(glance.extended().first()).extracting(RequestItem::extensionMonths).containsExactly(1, 2);
		assertThat(glance.extended().first()).extracting(RequestItem::deadline)
			.containsExactly(LocalDate.parse("2026-05-11"), LocalDate.parse("2026-08-04"));

		assertThat(glance.holdsDue().count()).isEqualTo(3);
		assertThat(glance.holdsDue().first()).extracting(Glance.HoldItem::holdId).containsExactly(h1, h3, h2);
		assertThat(glance.holdsDue().first()).extracting(Glance.HoldItem::daysLeft).containsExactly(-5L, 16L, 30L);
		assertThat(glance.holdsDue().first()).extracting(Glance.HoldItem::requestId).containsExactly(rejected, e2, o1);

		assertThat(glance.reviewsDue().count()).isEqualTo(2);
		assertThat(glance.reviewsDue().first()).extracting(Glance.ReviewItem::locationId).containsExactly(r1, r2);
		assertThat(glance.reviewsDue().first()).extracting(Glance.ReviewItem::daysLeft).containsExactly(-3L, 30L);

		// The page shows the same, in English and in Swedish, and links every item.
		HttpVisitor officer = signIn(ENGLISH);
		HttpResponse<String> page = officer.get("/staff/dashboard");
		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		assertThat(badge(html, "overdue-count")).isEqualTo("4");
		assertThat(badge(html, "due-soon-count")).isEqualTo("4");
		assertThat(badge(html, "last-day-count")).isEqualTo("2");
		assertThat(badge(html, "paused-count")).isEqualTo("3");
		assertThat(badge(html, "extended-count")).isEqualTo("2");
		assertThat(badge(html, "holds-count")).isEqualTo("3");
		assertThat(badge(html, "reviews-count")).isEqualTo("2");
		String overdueTable = table(html, "overdue-table");
		assertThat(overdueTable).contains("href=\"/staff/requests/" + o1 + "\"", "href=\"/staff/requests/" + e2 + "\"",
				"href=\"/staff/requests/" + o2 + "\"", "Overdue by 42 days", "Test User");
		assertThat(table(html, "paused-table")).contains("href=\"/staff/requests/" + p1 + "\"", "61 days");
		assertThat(table(html, "holds-table")).contains("href=\"/staff/requests/" + rejected + "\"",
				"Overdue by 5 days");
		assertThat(table(html, "reviews-table")).contains("href=\"/staff/locations/" + r1 + "\"", "Review overdue");
		assertThat(table(html, "last-day-table")).contains("Today, 2026-06-15", "Tomorrow, 2026-06-16");
		// Every list fits: no "see all" links.
		assertThat(html).doesNotContain("id=\"overdue-all\"");
		assertThat(html).contains("href=\"/staff/exports/requests.csv?from=2025-07-01&amp;to=2026-06-15\"");

		HttpResponse<String> swedish = signIn(SWEDISH).get("/staff/dashboard");
		assertThat(swedish.body()).contains("<h1>Översikt</h1>", "Försenat 42 dagar", "I dag, 2026-06-15",
				"Granskas snart");
	}

	@Test
	void longListsShowTheFirstTenCountAllAndLinkToTheInbox() {
		for (int i = 0; i < 12; i++) {
			receive("2026-04-0" + (1 + i % 9) + "T10:00", RequestType.ACCESS);
		}
		this.clock.set(instant(TODAY));
		Glance glance = this.dashboard.glance();
		assertThat(glance.overdue().count()).isEqualTo(12);
		assertThat(glance.overdue().first()).hasSize(Dashboard.LIST_SIZE);
		assertThat(glance.overdue().hasMore()).isTrue();
		assertThat(glance.overdue().first()).extracting(RequestItem::deadline).isSorted();
		assertThat(this.dashboard.glance(true)).isEqualTo(glance);
		String html = signIn(ENGLISH).get("/staff/dashboard").body();
		assertThat(html).contains("id=\"overdue-all\" href=\"/staff/requests?overdue=true\"", "See all 12");
	}

	@Test
	void figuresCountAYearExactly() {
		seedTheYear2025();
		this.clock.set(instant("2026-02-01T12:00"));
		Figures f = this.dashboard.figures(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"));

		// Received: nine (not the unconfirmed or the expired web request, nor those of
		// 2024).
		assertThat(f.received()).isEqualTo(9);
		assertThat(f.receivedByType()).containsExactlyInAnyOrderEntriesOf(Map.of(RequestType.ACCESS, 4L,
				RequestType.ERASURE, 2L, RequestType.OBJECTION, 1L, RequestType.RECTIFICATION, 1L,
				RequestType.PORTABILITY, 1L, RequestType.RESTRICTION, 0L, RequestType.WITHDRAW_CONSENT, 0L));
		assertThat(f.months()).extracting(Figures.Month::month)
			.containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2), YearMonth.of(2025, 3), YearMonth.of(2025, 4),
					YearMonth.of(2025, 5), YearMonth.of(2025, 6), YearMonth.of(2025, 7), YearMonth.of(2025, 8),
					YearMonth.of(2025, 9), YearMonth.of(2025, 10), YearMonth.of(2025, 11), YearMonth.of(2025, 12));
		assertThat(f.months()).extracting(Figures.Month::total)
			.containsExactly(1L, 1L, 2L, 1L, 0L, 1L, 0L, 1L, 0L, 0L, 0L, 2L);
		assertThat(f.months().get(2).byType()).containsEntry(RequestType.ERASURE, 2L)
			.containsEntry(RequestType.ACCESS, 0L);
		assertThat(f.months().get(11).byType()).containsEntry(RequestType.ACCESS, 2L);

		// Answered: eight, one of them late; days 3 5 5 8 10 30 40 80.
		assertThat(f.answered()).isEqualTo(8);
		assertThat(f.answeredOnTime()).isEqualTo(7);
		assertThat(f.answeredLate()).isEqualTo(1);
		assertThat(f.onTimePercent()).isEqualTo(87.5);
		assertThat(f.latePercent()).isEqualTo(12.5);
		assertThat(f.days().histogram()).containsExactly(Map.entry(3, 1L), Map.entry(5, 2L), Map.entry(8, 1L),
				Map.entry(10, 1L), Map.entry(30, 1L), Map.entry(40, 1L), Map.entry(80, 1L));
		assertThat(f.days().median()).isEqualTo(8);
		assertThat(f.days().p90()).isEqualTo(80);

		assertThat(f.rejectionsByGround()).containsExactlyInAnyOrderEntriesOf(Map.of(RejectionGround.EXCESSIVE, 1L,
				RejectionGround.NOT_IDENTIFIED, 1L, RejectionGround.MANIFESTLY_UNFOUNDED, 0L));
		assertThat(f.rejectionsWithoutGround()).isEqualTo(1);
		assertThat(f.rejections()).isEqualTo(3);

		assertThat(f.extendedOneMonth()).isEqualTo(1);
		assertThat(f.extendedTwoMonths()).isEqualTo(1);
		assertThat(f.extensions()).isEqualTo(2);

		// March alone: two erasure requests, both answered in 5 days (a tie), one
		// rejected.
		Figures march = this.dashboard.figures(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"));
		assertThat(march.months()).extracting(Figures.Month::month).containsExactly(YearMonth.of(2025, 3));
		assertThat(march.received()).isEqualTo(2);
		assertThat(march.answered()).isEqualTo(2);
		assertThat(march.days().median()).isEqualTo(5);
		assertThat(march.days().p90()).isEqualTo(5);
		assertThat(march.onTimePercent()).isEqualTo(100.0);
		assertThat(march.rejectionsByGround()).containsEntry(RejectionGround.EXCESSIVE, 1L);
		assertThat(march.extensions()).isZero();

		// The last evening of the year in Stockholm is in 2025; half past midnight is in
		// 2026,
		// although both are 31 December in UTC.
		Figures newYear = this.dashboard.figures(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"));
		assertThat(newYear.answered()).isEqualTo(1);
		assertThat(newYear.days().histogram()).containsExactly(Map.entry(30, 1L));
		assertThat(newYear.received()).isZero();
		assertThat(newYear.months()).extracting(Figures.Month::total).containsExactly(0L);

		// A period with nothing answered has no percentages and no percentiles.
		Figures may = this.dashboard.figures(LocalDate.parse("2025-05-01"), LocalDate.parse("2025-05-31"));
		assertThat(may.answered()).isZero();
		assertThat(may.onTimePercent()).isNull();
		assertThat(may.days().median()).isNull();
		assertThat(may.days().p90()).isNull();

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.dashboard.figures(LocalDate.parse("2025-02-01"), LocalDate.parse("2025-01-31")));
	}

	@Test
	void theCountsTheTriggersKeepAgreeWithCountingTheRequestsAndFollowTheTimeZone() {
		seedTheYear2025();
		LocalDate from = LocalDate.parse("2024-12-01");
		LocalDate to = LocalDate.parse("2026-01-31");
		Figures counted = this.dashboard.figures(from, to, true);
		assertThat(counted.received()).isEqualTo(11);
		assertThat(this.dashboard.figures(from, to, false)).isEqualTo(counted);
		for (String[] period : new String[][] { { "2025-01-01", "2025-12-31" }, { "2025-12-31", "2026-01-01" },
				{ "2025-03-01", "2025-03-31" } }) {
			LocalDate first = LocalDate.parse(period[0]);
			LocalDate last = LocalDate.parse(period[1]);
			assertThat(this.dashboard.figures(first, last, false)).isEqualTo(this.dashboard.figures(first, last, true));
		}

		// Counted in UTC, the answer at 00:30 on 1 January in Stockholm falls in 2025.
		this.rollup.recount(ZoneId.of("UTC"));
		LocalDate jan = LocalDate.parse("2025-01-01");
		LocalDate dec = LocalDate.parse("2025-12-31");
		assertThat(this.dashboard.figures(jan, dec, false).answered()).isEqualTo(9);
		// At startup the configured zone wins, and the counts are rebuilt for it.
		this.rollup.afterSingletonsInstantiated();
		assertThat(this.jdbc.queryForObject("select time_zone from dashboard_setting", String.class))
			.isEqualTo("Europe/Stockholm");
		assertThat(this.dashboard.figures(jan, dec, false)).isEqualTo(this.dashboard.figures(jan, dec, true));
		assertThat(this.dashboard.figures(jan, dec, false).answered()).isEqualTo(8);

		// A change made outside the application is counted by the next recount (nightly,
		// or at startup after a change of zone or rules), and so is a deletion.
		long id = this.jdbc.queryForObject(
				"select min(id) from dsr_request where status = 'COMPLETED' and receipt_date = date '2025-03-03'",
				Long.class);
		this.jdbc.update("update dsr_request set status = 'WITHDRAWN' where id = ?", id);
		assertThat(this.dashboard.figures(jan, dec, false).answered()).isEqualTo(8);
		this.rollup.recountNightly();
		assertThat(this.dashboard.figures(jan, dec, false)).isEqualTo(this.dashboard.figures(jan, dec, true));
		assertThat(this.dashboard.figures(jan, dec, false).answered()).isEqualTo(7);
		this.jdbc.update("delete from request_note where request_id = ?", id);
		this.jdbc.update("delete from location_task where request_id = ?", id);
		this.jdbc.update("delete from dsr_request where id = ?", id);
		this.rollup.recountNightly();
		assertThat(this.dashboard.figures(jan, dec, false)).isEqualTo(this.dashboard.figures(jan, dec, true));
		assertThat(this.dashboard.figures(jan, dec, false).received()).isEqualTo(8);
		// At startup a changed rule recounts, as a changed zone does.
		this.jdbc.update("update dashboard_setting set rules = 'openUnpaused=NEW'");
		this.jdbc.execute("truncate table dashboard_running_deadline, dashboard_received, dashboard_answered,"
				+ " dashboard_overdue_untold");
		this.rollup.afterSingletonsInstantiated();
		assertThat(this.jdbc.queryForObject("select rules from dashboard_setting", String.class))
			.isEqualTo(DashboardRollup.rules());
		assertThat(this.dashboard.figures(jan, dec, false)).isEqualTo(this.dashboard.figures(jan, dec, true));
	}

	@Test
	void everyWriteThroughTheApplicationIsCountedInItsOwnTransaction() {
		seedTheYear2025();
		this.rollup.recountNightly();
		LocalDate jan = LocalDate.parse("2025-01-01");
		LocalDate dec = LocalDate.parse("2025-12-31");
		this.clock.set(instant("2026-06-15T10:00"));
		Glance glance = this.dashboard.glance(false);
		assertThat(glance).isEqualTo(this.dashboard.glance(true));
		// The restriction received 20 December 2024 and extended is still open: it is
		// overdue, and withdrawing it through the application takes it off at once.
		long open = this.jdbc.queryForObject("select id from dsr_request where type = 'RESTRICTION'", Long.class);
		assertThat(glance.overdue().first()).extracting(RequestItem::id).contains(open);
		this.requests.withdraw(open, null, Actor.SYSTEM);
		assertThat(this.dashboard.glance(false)).isEqualTo(this.dashboard.glance(true));
		assertThat(this.dashboard.glance(false).overdue().count()).isEqualTo(glance.overdue().count() - 1);
		// A new request is counted as received and running; answering it, as answered.
		long late = receive("2026-06-15T11:00", RequestType.ACCESS);
		LocalDate june = LocalDate.parse("2026-06-01");
		LocalDate july = LocalDate.parse("2026-07-31");
		assertThat(this.dashboard.figures(june, july, false).received()).isEqualTo(1);
		assertThat(this.dashboard.glance(false)).isEqualTo(this.dashboard.glance(true));
		completeAt(late, "2026-06-20T10:00");
		assertThat(this.dashboard.figures(june, july, false)).isEqualTo(this.dashboard.figures(june, july, true));
		assertThat(this.dashboard.figures(june, july, false).answered()).isEqualTo(1);
		assertThat(this.dashboard.figures(jan, dec, false)).isEqualTo(this.dashboard.figures(jan, dec, true));
	}

	@Test
	void countsWrittenToManySlotsSumRightAndFoldIntoOneRowPerKey() {
		seedTheYear2025();
		LocalDate jan = LocalDate.parse("2025-01-01");
		LocalDate dec = LocalDate.parse("2025-12-31");
		Figures before = this.dashboard.figures(jan, dec, true);
		Glance glanceBefore = this.dashboard.glance();
		// Spread every count over the slots, as concurrent connections would write them:
		// each row moves to slot 3, and slots 7 and 11 count it in and out once more.
		for (String table : List.of("dashboard_running_deadline", "dashboard_received", "dashboard_answered",
				"dashboard_overdue_untold")) {
			this.jdbc.update("update " + table + " set slot = 3");
			this.jdbc.execute("create temporary table spread as select * from " + table);
			this.jdbc.update("update spread set slot = 7");
			this.jdbc.update("insert into " + table + " select * from spread");
			this.jdbc.update("update spread set slot = 11, n = -n");
			this.jdbc.update("insert into " + table + " select * from spread");
			this.jdbc.execute("drop table spread");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from dashboard_received where slot = 7", Long.class))
			.isPositive();
		assertThat(this.dashboard.figures(jan, dec, false)).isEqualTo(before);
		assertThat(this.dashboard.glance()).isEqualTo(glanceBefore);

		this.rollup.foldSlots();
		for (String table : List.of("dashboard_running_deadline", "dashboard_received", "dashboard_answered",
				"dashboard_overdue_untold")) {
			assertThat(this.jdbc.queryForObject("select count(*) from " + table + " where slot <> 0", Long.class))
				.as(table)
				.isZero();
		}
		assertThat(this.dashboard.figures(jan, dec, false)).isEqualTo(before);
		assertThat(this.dashboard.glance()).isEqualTo(glanceBefore);
	}

	@Test
	void pageShowsThePeriodFiguresAndTheDefaultIsTheLastTwelveMonths() {
		seedTheYear2025();
		this.clock.set(instant("2026-02-01T12:00"));
		assertThat(this.dashboard.defaultPeriod())
			.isEqualTo(new Dashboard.Period(LocalDate.parse("2025-03-01"), LocalDate.parse("2026-02-01")));
		HttpVisitor officer = signIn(ENGLISH);
		String html = officer.get("/staff/dashboard?from=2025-01-01&to=2025-12-31").body();
		assertThat(cell(html, "fig-received")).isEqualTo("9");
		assertThat(cell(html, "fig-answered")).isEqualTo("8");
		assertThat(cell(html, "fig-on-time")).isEqualTo("7");
		assertThat(cell(html, "fig-on-time-percent")).isEqualTo("87.5%");
		assertThat(cell(html, "fig-late")).isEqualTo("1");
		assertThat(cell(html, "fig-late-percent")).isEqualTo("12.5%");
		assertThat(cell(html, "fig-median")).isEqualTo("8 days");
		assertThat(cell(html, "fig-p90")).isEqualTo("80 days");
		assertThat(cell(html, "fig-extensions")).isEqualTo("2");
		assertThat(html).contains("<tr data-month=\"2025-05\">", "Figures from 2025-01-01 to 2025-12-31",
				"href=\"/staff/exports/requests.csv?from=2025-01-01&amp;to=2025-12-31\"", "/dist/chart.umd.js\"",
				"/js/dashboard.js");
		assertThat(html).containsPattern(
				"<tr data-ground=\"EXCESSIVE\">\\s*<th scope=\"row\">[^<]+</th>\\s*" + "<td class=\"text-end\">1</td>");

		String swedish = signIn(SWEDISH).get("/staff/dashboard?from=2025-01-01&to=2025-12-31").body();
		assertThat(cell(swedish, "fig-on-time-percent")).isEqualTo("87,5 %");
		assertThat(cell(swedish, "fig-median")).isEqualTo("8 dagar");

		// Bad periods: a message, the text typed kept, and the default period shown.
		for (String[] bad : new String[][] { { "2025-13-01", "2025-12-31", "Give the dates as YYYY-MM-DD" },
				{ "2025-12-31", "2025-01-01", "The period ends before it starts." },
				{ "2000-01-01", "2025-01-01", "The period can be at most 10 years." } }) {
			HttpResponse<String> response = officer.get("/staff/dashboard?from=" + bad[0] + "&to=" + bad[1]);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains(bad[2], "value=\"" + bad[0] + "\"", "value=\"" + bad[1] + "\"",
					"Figures from 2025-03-01 to 2026-02-01");
		}
		assertThat(officer.get("/staff/dashboard?from=not-a-date").body()).contains("Give the dates as YYYY-MM-DD",
				"value=\"not-a-date\"");
	}

	@Test
	void yearlyReportShowsTheYearsFiguresAsAPageAndAsAPdf() throws Exception {
		seedTheYear2025();
		this.clock.set(instant("2026-02-01T12:00"));
		HttpVisitor officer = signIn(ENGLISH);
		// The report opens on the current year, so far (a new install shows this year's
		// first figures, not last year's zeros); last year is one choice away.
		assertThat(officer.get("/staff/dashboard/report").body()).contains("<h1>Yearly report 2026</h1>",
				"id=\"report-partial\"");
		HttpResponse<String> page = officer.get("/staff/dashboard/report?year=2025");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("<h1>Yearly report 2025</h1>", "Requests from 2025-01-01 to 2025-12-31",
					"href=\"/staff/dashboard/report.pdf?year=2025\"")
			.doesNotContain("id=\"report-partial\"");
		assertThat(cell(page.body(), "fig-received")).isEqualTo("9");
		assertThat(cell(page.body(), "fig-median")).isEqualTo("8 days");
		assertThat(cell(page.body(), "fig-p90")).isEqualTo("80 days");
		assertThat(officer.get("/staff/dashboard/report?year=2026").body()).contains("Yearly report 2026",
				"id=\"report-partial\"");
		HttpResponse<String> bad = officer.get("/staff/dashboard/report?year=20x5");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Give a year from 2000 to 2026.", "value=\"20x5\"", "Yearly report 2026");

		String text = PdfText.of(officer.getBytes("/staff/dashboard/report.pdf?year=2025"));
		assertThat(text).contains("Yearly report 2025", "Received 9", "Answered 8", "Answered on time 7 87.5%",
				"Answered late 1 12.5%", "Median days to answer 8 days", "90th percentile, days to answer 80 days",
				"Excessive (Art. 12(5)) 1", "No ground recorded 1");
		String swedish = PdfText.of(signIn(SWEDISH).getBytes("/staff/dashboard/report.pdf?year=2025"));
		assertThat(swedish).contains("Årsrapport 2025", "Inkomna 9", "87,5 %", "Median, dagar till svar 8 dagar");
	}

	@Test
	void onlyComplianceOfficersAndAdminsReachTheDashboardAndTheReport() {
		for (String path : List.of("/staff/dashboard", "/staff/dashboard/report", "/staff/dashboard/report.pdf")) {
			HttpVisitor handler = new HttpVisitor(this.port, ENGLISH);
			handler.signIn(TestAccounts.create(this.accounts, Role.CASE_HANDLER), TestAccounts.PASSWORD);
			assertThat(handler.get(path).statusCode()).as(path).isEqualTo(403);
			HttpVisitor admin = new HttpVisitor(this.port, ENGLISH);
			admin.signIn(TestAccounts.create(this.accounts, Role.ADMIN), TestAccounts.PASSWORD);
			assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
			assertThat(signIn(ENGLISH).get(path).statusCode()).as(path).isEqualTo(200);
			HttpResponse<String> anonymous = new HttpVisitor(this.port, ENGLISH).get(path);
			assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
			assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		}
		HttpVisitor officer = signIn(ENGLISH);
		assertThat(officer.get("/staff").body()).contains("id=\"dashboard-link\" href=\"/staff/dashboard\"",
				"href=\"/staff/dashboard\">Dashboard</a>");
		HttpVisitor handler = new HttpVisitor(this.port, ENGLISH);
		handler.signIn(TestAccounts.create(this.accounts, Role.CASE_HANDLER), TestAccounts.PASSWORD);
		assertThat(handler.get("/staff").body()).doesNotContain("/staff/dashboard");
	}

	/**
	 * The year 2025 in Stockholm, as described in docs/dashboard.md: nine received, eight
	 * answered (days 3, 5, 5, 8, 10, 30, 40, 80; the 40 late), three rejected (excessive,
	 * not identified, no ground), one extended by one month and one by two.
	 */
	private void seedTheYear2025() {
		long a1 = receive("2025-01-13T10:00", RequestType.ACCESS);
		completeAt(a1, "2025-01-16T14:00");
		long a2 = receive("2025-03-03T10:00", RequestType.ERASURE);
		completeAt(a2, "2025-03-08T14:00");
		long a3 = receive("2025-03-10T10:00", RequestType.ERASURE);
		at("2025-03-15T14:00",
				() -> this.requests.reject(a3, null, RejectionGround.EXCESSIVE, "Repeated", Actor.SYSTEM));
		long a4 = receive("2025-06-02T10:00", RequestType.OBJECTION);
		at("2025-06-12T14:00", () -> TestRequests.reject(this.requests, a4, "No reason to stop", Actor.SYSTEM));
		long a5 = receive("2025-08-01T10:00", RequestType.ACCESS);
		completeAt(a5, "2025-09-10T14:00");
		long a6 = receive("2025-12-01T10:00", RequestType.ACCESS);
		completeAt(a6, "2025-12-31T23:30");
		long a7 = receive("2025-12-02T10:00", RequestType.ACCESS);
		completeAt(a7, "2026-01-01T00:30");
		long w = receive("2025-02-05T10:00", RequestType.RECTIFICATION);
		at("2025-02-10T10:00", () -> this.requests.withdraw(w, null, Actor.SYSTEM));
		long e = receive("2025-04-01T10:00", RequestType.PORTABILITY);
		at("2025-04-20T10:00", () -> extendByPost(e, 2, "Complex"));
		completeAt(e, "2025-06-20T14:00");
		long e2 = receive("2024-12-20T10:00", RequestType.RESTRICTION);
		at("2025-01-10T10:00", () -> extendByPost(e2, 1, "Complex"));
		long r = receive("2024-12-28T10:00", RequestType.ACCESS);
		at("2025-01-05T10:00",
				() -> this.requests.reject(r, null, RejectionGround.NOT_IDENTIFIED, "Unknown", Actor.SYSTEM));
		this.clock.set(instant("2025-05-05T10:00"));
		this.requests.register(new NewRequest("Web Person", "web1@example.com", null, "sv", RequestType.ACCESS,
				Channel.WEB, "From the web", this.clock.instant()), Actor.SYSTEM);
		this.clock.set(instant("2025-05-06T10:00"));
		long expired = this.requests
			.register(new NewRequest("Web Person", "web2@example.com", null, "sv", RequestType.ACCESS, Channel.WEB,
					"From the web", this.clock.instant()), Actor.SYSTEM)
			.getId();
		this.jdbc.update("update dsr_request set status = 'EXPIRED', closed_at = ? where id = ?",
				java.sql.Timestamp.from(instant("2025-05-20T10:00")), expired);
		// Expired by SQL, past the application: recount, as the nightly recount would.
		this.rollup.recount(ZoneId.of("Europe/Stockholm"));
		// The expectations above rest on these deadlines (1 January and 1 May are
		// holidays).
		assertThat(this.requests.get(a5).getEffectiveDeadline()).isEqualTo(LocalDate.parse("2025-09-01"));
		assertThat(this.requests.get(a6).getEffectiveDeadline()).isEqualTo(LocalDate.parse("2026-01-02"));
		assertThat(this.requests.get(e).getEffectiveDeadline()).isEqualTo(LocalDate.parse("2025-07-01"));
	}

	private void completeAt(long id, String when) {
		at(when, () -> {
			this.requests.startWork(id, null, Actor.SYSTEM);
			TestTasks.finishAll(this.tasks, id);
			TestRequests.complete(this.requests, id, Actor.SYSTEM);
		});
	}

	private long receive(String when, RequestType type) {
		this.clock.set(instant(when));
		return this.requests
			.register(new NewRequest("Dashboard Person", null, null, "sv", type, Channel.EMAIL, "Dashboard test",
					this.clock.instant()), Actor.SYSTEM)
			.getId();
	}

	/**
	 * Extends a request of a person without an email address and records the notice as
	 * posted the same day, so that the extension counts (Art. 12(3)).
	 */
	private void extendByPost(long id, int months, String reason) {
		this.requests.extend(id, null, months, reason, Actor.SYSTEM);
		this.requests.recordExtensionPosted(id, null, this.requests.today(), Actor.SYSTEM);
	}

	private void at(String when, Runnable action) {
		this.clock.set(instant(when));
		action.run();
	}

	private long hold(long requestId, long locationId, String until, boolean erased, boolean reminded) {
		this.jdbc
			.update("""
					insert into location_task (request_id, location_id, request_type, status, outcome, legal_ground,
					    retained_until, done_at, created_at)
					values (?, ?, 'ACCESS', 'DONE', 'RETAINED', 'BOOKKEEPING_ACT', ?, current_timestamp, current_timestamp)""",
					requestId, locationId, LocalDate.parse(until));
		long task = this.jdbc.queryForObject("select id from location_task where request_id = ? and location_id = ?",
				Long.class, requestId, locationId);
		this.jdbc.update("""
				insert into retention_hold (task_id, location_id, request_id, legal_ground, retained_until, erased_at,
				    reminded_at, created_at)
				values (?, ?, ?, 'BOOKKEEPING_ACT', ?, ?, ?, current_timestamp)""", task, locationId, requestId,
				LocalDate.parse(until), erased ? java.sql.Timestamp.from(Instant.now()) : null,
				reminded ? java.sql.Timestamp.from(Instant.now()) : null);
		return this.jdbc.queryForObject("select id from retention_hold where task_id = ?", Long.class, task);
	}

	private long newLocation(String nameSv, String nameEn, String reviewDue, boolean active) {
		this.jdbc
			.update("""
					insert into data_location (name_sv, name_en, kind, legal_basis, retention_sv, retention_en,
					    review_interval_months, next_review_due, active, created_at, updated_at)
					values (?, ?, 'OTHER', 'CONSENT', 'Ett år', 'One year', 12, ?, ?, current_timestamp, current_timestamp)""",
					nameSv, nameEn, LocalDate.parse(reviewDue), active);
		return this.jdbc.queryForObject("select max(id) from data_location where name_en = ?", Long.class, nameEn);
	}

	private HttpVisitor signIn(String language) {
		HttpVisitor visitor = new HttpVisitor(this.port, language);
		assertThat(visitor.signIn(TestAccounts.create(this.accounts, Role.COMPLIANCE_OFFICER), TestAccounts.PASSWORD)
			.statusCode()).isEqualTo(302);
		return visitor;
	}

	static Instant instant(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(STOCKHOLM).toInstant();
	}

	private static String badge(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
		assertThat(m.find()).as(id).isTrue();
		return m.group(1);
	}

	private static String cell(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
		assertThat(m.find()).as(id).isTrue();
		return m.group(1).replace('\u00a0', ' ');
	}

	private static String table(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\">(.*?)</table>", Pattern.DOTALL).matcher(html);
		assertThat(m.find()).as(id).isTrue();
		return m.group(1);
	}

}
