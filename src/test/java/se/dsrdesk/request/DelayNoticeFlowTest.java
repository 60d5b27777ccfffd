package se.dsrdesk.request;

import java.time.Instant;
import java.time.LocalDate;
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
import se.dsrdesk.notification.MailGivenUp;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delays announced against PostgreSQL (Art. 12(3)): an extension notice mail that is
 * given up makes the extension stop counting, a delay notice is written in the request's
 * language, and the dashboard's list of overdue requests whose person was not told.
 * Requests are received on Tuesday 3 March 2026; the one-month deadline is Tuesday 7
 * April.
 */
@IntegrationTest
class DelayNoticeFlowTest {

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

	DsrRequest request;

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
	}

	@AfterEach
	void tearDown() {
		if (this.request != null) {
			this.jdbc.update(
					"update dsr_request set status = 'COMPLETED', closed_at = created_at"
							+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')",
					this.request.getId());
		}
		this.clock.reset();
	}

	private DsrRequest started(String language) {
		DsrRequest registered = this.requests
			.register(new NewRequest("Åsa Öberg", "person-" + UUID.randomUUID() + "@example.com", null, language,
					RequestType.ERASURE, Channel.EMAIL, "Erase me", null), Actor.SYSTEM);
		this.request = this.requests.startWork(registered.getId(), null, Actor.SYSTEM);
		return this.request;
	}

	@Test
	@DisplayName("Art. 12(3): when the extension notice mail is given up, the extension stops counting and the "
			+ "deadline falls back")
	void givenUpNoticeLapsesTheExtension() {
		DsrRequest started = started("sv");
		this.clock.set(Instant.parse("2026-03-20T09:00:00Z"));
		DsrRequest extended = this.requests.extend(started.getId(), null, 1, "Många system", Actor.SYSTEM);
		assertThat(extended.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 5, 4));
		// The dispatcher publishes this in its transaction when it gives a mail up.
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> this.events
			.publishEvent(new MailGivenUp(extended.getExtensionNoticeId(), extended.getId())));
		DsrRequest lapsed = this.requests.get(extended.getId());
		assertThat(lapsed.isExtensionCounted()).isFalse();
		assertThat(lapsed.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 4, 7));
		assertThat(this.jdbc.queryForList(
				"select action from audit_event where target_type = 'REQUEST' and target_id = ? order by id",
				String.class, extended.getId().toString()))
			.contains("REQUEST_EXTENSION_LAPSED");
		// Another request's mail changes nothing.
		new TransactionTemplate(this.transactionManager).executeWithoutResult(
				(status) -> this.events.publishEvent(new MailGivenUp(extended.getExtensionNoticeId() + 1000, null)));
		assertThat(this.requests.get(extended.getId()).getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 4, 7));
	}

	@Test
	@DisplayName("Art. 12(3): the delay notice is written in the request's language with the reason and the date")
	void englishDelayNotice() {
		DsrRequest started = started("en");
		this.clock.set(Instant.parse("2026-04-08T09:00:00Z"));
		DsrRequest told = this.requests.announceDelay(started.getId(), null, "A supplier must answer first.",
				LocalDate.of(2026, 4, 30), Actor.SYSTEM);
		String body = this.jdbc.queryForObject("select body_text from correspondence where id = ?", String.class,
				told.getDelayNoticeId());
		assertThat(body).contains("A supplier must answer first.", "by 30 April 2026", "Article 12(3)",
				"we are sorry for that");
		String subject = this.jdbc.queryForObject("select subject from correspondence where id = ?", String.class,
				told.getDelayNoticeId());
		assertThat(subject).contains(told.getReference(), "delayed");
	}

	@Test
	@DisplayName("Art. 12(3): the dashboard lists overdue requests whose person was not told, until they are told")
	void overdueUntoldList() {
		DsrRequest started = started("sv");
		LocalDate day = LocalDate.of(2026, 4, 8);
		assertThat(ids(this.statistics.overdueUntold(LocalDate.of(2026, 4, 7), 1000))).doesNotContain(started.getId());
		assertThat(ids(this.statistics.overdueUntold(day, 1000))).contains(started.getId());
		this.clock.set(Instant.parse("2026-04-08T09:00:00Z"));
		this.requests.announceDelay(started.getId(), null, "Backups", LocalDate.of(2026, 4, 20), Actor.SYSTEM);
		assertThat(ids(this.statistics.overdueUntold(day, 1000))).doesNotContain(started.getId());
		// Once the expected date has passed, it is listed again.
		assertThat(ids(this.statistics.overdueUntold(LocalDate.of(2026, 4, 21), 1000))).contains(started.getId());
	}

	private static java.util.List<Long> ids(RequestStatistics.Listing listing) {
		return listing.first().stream().map(RequestStatistics.Line::id).toList();
	}

}
