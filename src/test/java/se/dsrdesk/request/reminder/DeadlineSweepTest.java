package se.dsrdesk.request.reminder;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.request.PauseGround;
import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.system.ExclusiveJobs.Outcome;
import se.dsrdesk.request.reminder.DeadlineSweep.SweepReport;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline sweep with a controllable clock and a real SMTP server: reminders, the
 * last-day-to-extend alert, the overdue escalation and the digest each arrive exactly
 * once, however often and however concurrently the sweep runs, and an SMTP outage only
 * delays them.
 */
@IntegrationTest
class DeadlineSweepTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	DeadlineSweep sweep;

	@Autowired
	RequestService requests;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	String handler;

	String officer;

	DsrRequest request;

	@BeforeEach
	void setUp() {
		// Tuesday 3 March 2026, 10:00 in Stockholm: the deadline is Tuesday 7 April
		// (Easter).
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.handler = "handler-" + UUID.randomUUID() + "@example.com";
		this.officer = "officer-" + UUID.randomUUID() + "@example.com";
		StaffUser handlerUser = createStaff(this.handler, Role.CASE_HANDLER);
		createStaff(this.officer, Role.COMPLIANCE_OFFICER);
		DsrRequest registered = this.requests.register(new NewRequest("Åsa Öberg-Ångström", "asa@exempel.se", null,
				"sv", RequestType.ERASURE, Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		this.request = this.requests.assign(registered.getId(), null, handlerUser.getId(), Actor.SYSTEM);
		deliverQueuedMail();
		mail.reset();
	}

	@AfterEach
	void tearDown() {
		// Close the request so that later sweeps in other tests leave it alone.
		this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at where id = ?",
				this.request.getId());
		this.clock.reset();
	}

	@Test
	void aDeadlineBefore1970IsStillReportedOverdue() throws Exception {
		// Stored before receipt dates were checked: a mistyped year.
		this.jdbc.update(
				"update dsr_request set receipt_date = ?, original_deadline = ?, effective_deadline = ? where id = ?",
				java.sql.Date.valueOf("1969-11-30"), java.sql.Date.valueOf("1969-12-30"),
				java.sql.Date.valueOf("1969-12-30"), this.request.getId());
		sweepTwiceAt("2026-03-04T09:00:00Z");
		assertThat(subjectsAbout(this.handler)).contains("Deadline passed: 1 request overdue");
	}

	@Test
	void eachNoticeArrivesExactlyOnceAtItsTime() throws Exception {
		// Wednesday 25 March: seven working days before 7 April (Good Friday and Easter
		// Monday skipped).
		sweepTwiceAt("2026-03-25T09:00:00Z");
		assertThat(subjectsAbout(this.handler))
			.containsExactly("Deadline reminder: 1 request due within 7 working days");

		// Tuesday 31 March: three working days before.
		sweepTwiceAt("2026-03-31T09:00:00Z");
		// Thursday 2 April: one working day before.
		sweepTwiceAt("2026-04-02T09:00:00Z");
		assertThat(subjectsAbout(this.handler)).containsExactly(
				"Deadline reminder: 1 request due within 7 working days",
				"Deadline reminder: 1 request due within 3 working days",
				"Deadline reminder: 1 request due within 1 working day");

		// Tuesday 7 April: the deadline, and the last day to extend. Two sweeps at once.
		sweepConcurrentlyAt("2026-04-07T08:00:00Z");
		assertThat(subjectsAbout(this.handler)).endsWith("Last day to extend: 1 request");

		// Wednesday 8 April, 09:00: overdue. The assignee and the compliance officer hear
		// of it once,
		// and the officer gets the daily digest.
		sweepConcurrentlyAt("2026-04-08T07:00:00Z");
		sweepTwiceAt("2026-04-08T09:00:00Z");
		assertThat(subjectsAbout(this.handler)).hasSize(5).endsWith("Deadline passed: 1 request overdue");
		assertThat(subjectsAbout(this.officer)).contains("Deadline passed: 1 request overdue");
		assertThat(mail.messagesTo(this.officer)).filteredOn((m) -> subject(m).startsWith("Daily digest")).hasSize(1);
		assertThat(this.jdbc.queryForObject("select count(*) from deadline_notice where request_id = ?", Integer.class,
				this.request.getId()))
			.isEqualTo(5);
	}

	@Test
	void theNoticeTellsTheReferenceTheDeadlineAndTheTimeLeft() throws Exception {
		sweepTwiceAt("2026-03-31T09:00:00Z");
		MimeMessage reminder = mail.messagesTo(this.handler).get(0);
		String text = MailServer.text(reminder);
		assertThat(text).contains(this.request.getReference(), "2026-04-07", "3 working days left", "Erasure",
				"/staff/requests/" + this.request.getId());
		assertThat(text).doesNotContain("Åsa");
	}

	@Test
	void aPausedRequestGetsNoReminders() throws Exception {
		this.requests.startWork(this.request.getId(), null, Actor.SYSTEM);
		this.requests.pause(this.request.getId(), null, PauseGround.IDENTITY, "Which account?", null, Actor.SYSTEM);
		sweepTwiceAt("2026-04-08T09:00:00Z");
		assertThat(subjectsAbout(this.handler)).isEmpty();
	}

	@Test
	void withTheSmtpServerDownNoticesQueueAndArriveOnceWhenItIsBack() throws Exception {
		mail.stop();
		this.clock.set(Instant.parse("2026-03-31T09:00:00Z"));
		assertThat(this.sweep.run().outcome()).isEqualTo(Outcome.RAN);
		MailDispatch.now(this.context);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from correspondence where recipient = ? and status = 'QUEUED' and attempts > 0",
				Integer.class, this.handler))
			.isEqualTo(1);
		mail.start();
		this.clock.set(Instant.parse("2026-03-31T10:00:00Z"));
		this.sweep.run();
		MailDispatch.now(this.context);
		MailDispatch.now(this.context);
		assertThat(subjectsAbout(this.handler))
			.containsExactly("Deadline reminder: 1 request due within 3 working days");
	}

	@Test
	void theUniqueConstraintStopsDuplicatesEvenWithoutTheLock() throws Exception {
		this.clock.set(Instant.parse("2026-03-31T09:00:00Z"));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<SweepReport> unlocked = this.sweep::sweep;
			List<Future<SweepReport>> runs = pool.invokeAll(List.of(unlocked, unlocked));
			for (Future<SweepReport> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		deliverQueuedMail();
		assertThat(subjectsAbout(this.handler))
			.containsExactly("Deadline reminder: 1 request due within 3 working days");
	}

	private StaffUser createStaff(String email, Role role) {
		return this.accounts.create(email, "Staff " + role, EnumSet.of(role), "en", "a long test password",
				Actor.SYSTEM);
	}

	private void sweepTwiceAt(String instant) {
		this.clock.set(Instant.parse(instant));
		assertThat(this.sweep.run().outcome()).isEqualTo(Outcome.RAN);
		assertThat(this.sweep.run().outcome()).isEqualTo(Outcome.RAN);
		deliverQueuedMail();
	}

	private void sweepConcurrentlyAt(String instant) throws Exception {
		this.clock.set(Instant.parse(instant));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<SweepReport> run = this.sweep::run;
			List<Future<SweepReport>> runs = pool.invokeAll(List.of(run, run));
			assertThat(runs).anySatisfy((f) -> assertThat(f.get().outcome()).isEqualTo(Outcome.RAN));
		}
		finally {
			pool.shutdown();
		}
		deliverQueuedMail();
	}

	private void deliverQueuedMail() {
		MailDispatch.now(this.context);
	}

	private List<String> subjectsAbout(String recipient) throws Exception {
		String reference = this.request.getReference();
		return mail.messagesTo(recipient)
			.stream()
			.filter((m) -> MailServer.text(m).contains(reference))
			.map(DeadlineSweepTest::subject)
			.toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
