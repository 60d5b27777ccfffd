package se.dsrdesk.dashboard;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.dashboard.Glance.RequestItem;
import se.dsrdesk.notification.MailGivenUp;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.PauseGround;
import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatistics;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's "overdue, person not told" count (GDPR Art. 12(3)) as kept by
 * {@link DashboardRollup} on PostgreSQL equals the count made from the requests, for
 * every day from before the deadlines to long after, after each transition that moves it:
 * receiving, starting, pausing and resuming, extending, telling the person of a delay,
 * the notice mail given up, telling again, withdrawing, rejecting and a recount. Requests
 * are received on Tuesday 3 March 2026 (Stockholm); the one-month deadline is Tuesday 7
 * April.
 */
@IntegrationTest
class OverdueUntoldCountTest {

	@Autowired
	Dashboard dashboard;

	@Autowired
	DashboardRollup rollup;

	@Autowired
	RequestService requests;

	@Autowired
	RequestStatistics statistics;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

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
	@DisplayName("Art. 12(3): the kept count of overdue requests whose person was not told equals the live count "
			+ "after every transition that moves it")
	void keptCountFollowsEveryTransition() {
		this.clock.set(DashboardTest.instant("2026-03-03T10:00"));
		long told = receive("told@example.com");
		long extended = receive(null);
		long paused = receive("paused@example.com");
		long fresh = receive("fresh@example.com");
		assertKeptEqualsLive();
		assertThat(this.statistics.countOverdueUntold(LocalDate.parse("2026-04-08"))).isEqualTo(4);
		assertThat(this.statistics.countOverdueUntold(LocalDate.parse("2026-04-07"))).isZero();

		for (long id : List.of(told, extended, paused)) {
			this.requests.startWork(id, null, Actor.SYSTEM);
		}
		assertKeptEqualsLive();

		// Paused for ten days: still in hand, and its deadline moves when it resumes.
		at("2026-03-10T10:00",
				() -> this.requests.pause(paused, null, PauseGround.IDENTITY, "A copy of your ID", null, Actor.SYSTEM));
		assertKeptEqualsLive();
		at("2026-03-20T10:00", () -> this.requests.resume(paused, null, Actor.SYSTEM));
		assertThat(this.requests.get(paused).getEffectiveDeadline()).isAfter(LocalDate.parse("2026-04-07"));
		assertKeptEqualsLive();

		// Extended by a month, the notice posted: counted from its new deadline.
		at("2026-03-20T11:00", () -> {
			this.requests.extend(extended, null, 1, "Many systems", Actor.SYSTEM);
			this.requests.recordExtensionPosted(extended, null, this.requests.today(), Actor.SYSTEM);
		});
		assertThat(this.requests.get(extended).getEffectiveDeadline()).isAfter(LocalDate.parse("2026-05-01"));
		assertKeptEqualsLive();

		// Told of the delay the day after the deadline: off the list until the expected
		// day has passed.
		at("2026-04-08T10:00", () -> this.requests.announceDelay(told, null, "A supplier must answer first.",
				LocalDate.parse("2026-04-20"), Actor.SYSTEM));
		assertKeptEqualsLive();
		assertThat(untoldIds()).doesNotContain(told).contains(fresh);
		// On the expected day the fresh one and the resumed one (its deadline moved by
		// the ten days paused) are untold; the day after, the told one again too.
		assertThat(this.statistics.countOverdueUntold(LocalDate.parse("2026-04-20"))).isEqualTo(2);
		assertThat(this.statistics.countOverdueUntold(LocalDate.parse("2026-04-21"))).isEqualTo(3);

		// The notice mail is given up: the person was not told after all.
		DsrRequest announced = this.requests.get(told);
		new TransactionTemplate(this.transactionManager).executeWithoutResult(
				(status) -> this.events.publishEvent(new MailGivenUp(announced.getDelayNoticeId(), announced.getId())));
		assertThat(this.requests.get(told).getDelayAnnouncedOn()).isNull();
		assertKeptEqualsLive();
		assertThat(untoldIds()).contains(told, fresh);

		// Told again, with a later day.
		at("2026-04-09T10:00", () -> this.requests.announceDelay(told, null, "Still waiting for the supplier.",
				LocalDate.parse("2026-04-30"), Actor.SYSTEM));
		assertKeptEqualsLive();

		// Withdrawn and rejected requests are no longer in hand.
		at("2026-04-10T10:00", () -> this.requests.withdraw(fresh, null, Actor.SYSTEM));
		assertKeptEqualsLive();
		at("2026-05-20T10:00",
				() -> this.requests.reject(told, null, RejectionGround.EXCESSIVE, "Repeated", "Late", Actor.SYSTEM));
		assertKeptEqualsLive();

		// A recount gives the same counts.
		this.rollup.recount(DashboardTest.STOCKHOLM);
		assertKeptEqualsLive();
		// And folding the slots keeps them.
		this.rollup.foldSlots();
		assertKeptEqualsLive();
		assertThat(
				this.jdbc.queryForObject("select count(*) from dashboard_overdue_untold where slot <> 0", Long.class))
			.isZero();
	}

	@Test
	@DisplayName("Art. 12(3): the page's list is the first ten by deadline, the count all of them")
	void theGlanceReadsTheKeptCountAndListsTheFirst() {
		this.clock.set(DashboardTest.instant("2026-03-03T10:00"));
		for (int i = 0; i < Dashboard.LIST_SIZE + 2; i++) {
			receive("many" + i + "@example.com");
		}
		this.clock.set(DashboardTest.instant("2026-04-15T10:00"));
		Glance kept = this.dashboard.glance(false);
		assertThat(kept.overdueUntold().count()).isEqualTo(Dashboard.LIST_SIZE + 2);
		assertThat(kept.overdueUntold().first()).hasSize(Dashboard.LIST_SIZE);
		assertThat(kept.overdueUntold().hasMore()).isTrue();
		assertThat(kept).isEqualTo(this.dashboard.glance(true));
	}

	/**
	 * The kept count equals the live count for every day from a month before the
	 * deadlines to two months after them, and the glance reads the same on the clock's
	 * day.
	 */
	private void assertKeptEqualsLive() {
		for (LocalDate day = LocalDate.parse("2026-03-01"); day
			.isBefore(LocalDate.parse("2026-07-01")); day = day.plusDays(1)) {
			assertThat(kept(day)).as("overdue untold on %s", day).isEqualTo(this.statistics.countOverdueUntold(day));
		}
		assertThat(this.dashboard.glance(false).overdueUntold()).isEqualTo(this.dashboard.glance(true).overdueUntold());
	}

	private long kept(LocalDate day) {
		return this.jdbc.queryForObject(
				"select coalesce(sum(n), 0) from dashboard_overdue_untold where covered_until < ?", Long.class,
				Date.valueOf(day));
	}

	private List<Long> untoldIds() {
		return this.statistics.overdueUntoldFirst(this.dashboard.today(), 100)
			.stream()
			.map(RequestStatistics.Line::id)
			.toList();
	}

	private long receive(String email) {
		String address = (email != null) ? UUID.randomUUID() + "-" + email : null;
		return this.requests
			.register(new NewRequest("Untold Person", address, null, "sv", RequestType.ERASURE, Channel.EMAIL,
					"Erase me", this.clock.instant()), Actor.SYSTEM)
			.getId();
	}

	private void at(String when, Runnable action) {
		this.clock.set(DashboardTest.instant(when));
		action.run();
	}

}
