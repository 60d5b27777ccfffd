package se.dsrdesk.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.system.ControllerIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The outbox against real PostgreSQL and a real SMTP server: mail is queued with the
 * change that causes it, sent once, kept through an outage and retried, and given up
 * after too many attempts.
 */
@IntegrationTest
class OutboxTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	RequestService requests;

	@Autowired
	Outbox outbox;

	@Autowired
	LinkSecrets linkSecrets;

	@Autowired
	MailDispatcher dispatcher;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	OutboxProperties properties;

	TransactionTemplate transaction;

	@BeforeEach
	void setUp() {
		this.transaction = new TransactionTemplate(this.transactionManager);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		// Other test classes share this database and can leave mail queued, due at any
		// time their clocks were set to. Send it all first, so that a batch claimed here
		// holds only this test's mail: with the server down, a dispatch stops after its
		// first batch, and older mail would be claimed before this test's.
		this.clock.set(now.plus(Duration.ofDays(3650)));
		this.dispatcher.dispatch();
		this.clock.set(now);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	static String newRecipient() {
		return "person-" + UUID.randomUUID() + "@example.com";
	}

	static OutgoingMail welcome(String recipient) {
		return new OutgoingMail(recipient, RecipientKind.STAFF, Locale.ENGLISH, "staff-account-created",
				Map.of("displayName", "Test Person"), null);
	}

	Correspondence enqueue(OutgoingMail outgoing) {
		return this.transaction.execute((status) -> this.outbox.enqueue(outgoing));
	}

	boolean enqueueOnce(OutgoingMail outgoing, String key) {
		return Boolean.TRUE.equals(this.transaction.execute((status) -> this.outbox.enqueueOnce(outgoing, key)));
	}

	Map<String, Object> row(String recipient) {
		return this.jdbc.queryForMap("select * from correspondence where recipient = ?", recipient);
	}

	int rows(String column, String value) {
		return this.jdbc.queryForObject("select count(*) from correspondence where " + column + " = ?", Integer.class,
				value);
	}

	@Test
	void mailQueuedInATransactionArrivesOnceAsTextAndHtmlWithItsMessageId() throws Exception {
		String recipient = newRecipient();
		Correspondence queued = enqueue(welcome(recipient));
		assertThat(queued.getStatus()).isEqualTo(Correspondence.Status.QUEUED);
		assertThat(queued.getMessageId()).matches("<[0-9a-f-]{36}@dsrdesk>");

		this.dispatcher.dispatch();

		List<MimeMessage> received = mail.messagesTo(recipient);
		assertThat(received).hasSize(1);
		MimeMessage message = received.get(0);
		assertThat(message.getMessageID()).isEqualTo(queued.getMessageId());
		assertThat(message.getSubject()).startsWith("Your DSR Desk account at");
		assertThat(message.getFrom()[0].toString()).contains(this.controllerIdentity.privacyEmail())
			.contains(this.controllerIdentity.name());
		assertThat(message.getContentType()).startsWith("multipart/alternative");
		Multipart parts = (Multipart) message.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").contains("UTF-8");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").contains("UTF-8");
		assertThat((String) parts.getBodyPart(0).getContent()).contains("Hello Test Person,");
		assertThat((String) parts.getBodyPart(1).getContent()).contains("<p>Hello Test Person,</p>");

		Map<String, Object> row = row(recipient);
		assertThat(row.get("status")).isEqualTo("SENT");
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat(row.get("sent_at")).isNotNull();

		this.dispatcher.dispatch();
		assertThat(mail.messagesTo(recipient)).hasSize(1);
	}

	@Autowired
	ControllerIdentity controllerIdentity;

	@Test
	void aRolledBackTransactionLeavesNoMail() {
		String recipient = newRecipient();
		this.transaction.executeWithoutResult((status) -> {
			this.outbox.enqueue(welcome(recipient));
			status.setRollbackOnly();
		});
		this.dispatcher.dispatch();
		assertThat(rows("recipient", recipient)).isZero();
		assertThat(mail.messagesTo(recipient)).isEmpty();
	}

	@Test
	void queuingOutsideATransactionIsRefused() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.outbox.enqueue(welcome(newRecipient())));
	}

	@Test
	void aRequestsCorrespondenceIsReadNewestFirst() {
		long requestId = this.requests
			.register(new NewRequest("Test Person", null, null, "en", RequestType.ACCESS, Channel.LETTER, null, null),
					Actor.SYSTEM)
			.getId();
		List<String> recipients = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String recipient = newRecipient();
			recipients.add(recipient);
			enqueue(new OutgoingMail(recipient, RecipientKind.SUBJECT, Locale.ENGLISH, "staff-account-created",
					Map.of("displayName", "X"), requestId));
			this.clock.advance(Duration.ofSeconds(1));
		}
		Page<Correspondence> first = this.outbox.forRequest(requestId, PageRequest.of(0, 2));
		assertThat(first.getTotalElements()).isEqualTo(3);
		assertThat(first.getContent()).extracting(Correspondence::getRecipient)
			.containsExactly(recipients.get(2), recipients.get(1));
		assertThat(this.outbox.forRequest(requestId, PageRequest.of(1, 2)).getContent())
			.extracting(Correspondence::getRecipient)
			.containsExactly(recipients.get(0));
	}

	@Nested
	class EnqueueOnce {

		@Test
		void theSameKeyTwiceQueuesOneMailAndKeepsTheTransaction() {
			String key = "REMINDER_7:req42:" + UUID.randomUUID();
			String first = newRecipient();
			String second = newRecipient();
			List<Boolean> results = OutboxTest.this.transaction.execute((status) -> {
				boolean a = OutboxTest.this.outbox.enqueueOnce(welcome(first), key);
				boolean b = OutboxTest.this.outbox.enqueueOnce(welcome(second), key);
				// The transaction still works after the duplicate.
				OutboxTest.this.outbox.enqueue(welcome(second));
				return List.of(a, b);
			});
			assertThat(results).containsExactly(true, false);
			assertThat(rows("dedup_key", key)).isEqualTo(1);
			assertThat(row(first).get("dedup_key")).isEqualTo(key);
			assertThat(rows("recipient", second)).isEqualTo(1);
			assertThat(enqueueOnce(welcome(second), key)).isFalse();
		}

		@Test
		void twoConcurrentTransactionsQueueOneMail() throws Exception {
			String key = "REMINDER_7:req43:" + UUID.randomUUID();
			CountDownLatch firstInserted = new CountDownLatch(1);
			CountDownLatch secondStarting = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				Future<Boolean> first = threads.submit(() -> OutboxTest.this.transaction.execute((status) -> {
					boolean queued = OutboxTest.this.outbox.enqueueOnce(welcome(newRecipient()), key);
					firstInserted.countDown();
					await(secondStarting);
					sleep(300);
					return queued;
				}));
				Future<Boolean> second = threads.submit(() -> OutboxTest.this.transaction.execute((status) -> {
					await(firstInserted);
					secondStarting.countDown();
					// Blocks on the first transaction's uncommitted row until it commits.
					return OutboxTest.this.outbox.enqueueOnce(welcome(newRecipient()), key);
				}));
				assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
					.containsExactly(true, false);
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(rows("dedup_key", key)).isEqualTo(1);
		}

		@Test
		void aRolledBackFirstLeavesTheKeyFree() {
			String key = "REMINDER_7:req44:" + UUID.randomUUID();
			OutboxTest.this.transaction.executeWithoutResult((status) -> {
				OutboxTest.this.outbox.enqueueOnce(welcome(newRecipient()), key);
				status.setRollbackOnly();
			});
			assertThat(enqueueOnce(welcome(newRecipient()), key)).isTrue();
			assertThat(rows("dedup_key", key)).isEqualTo(1);
		}

	}

	@Test
	void anOutageKeepsMailQueuedAndItIsSentOnceWhenTheServerIsBack() throws Exception {
		mail.stop();
		List<String> recipients = List.of(newRecipient(), newRecipient(), newRecipient());
		List<String> messageIds = new ArrayList<>();
		for (String recipient : recipients) {
			messageIds.add(enqueue(welcome(recipient)).getMessageId());
		}
		Instant attemptedAt = this.clock.instant();

		this.dispatcher.dispatch();

		for (String recipient : recipients) {
			Map<String, Object> row = row(recipient);
			assertThat(row.get("status")).isEqualTo("QUEUED");
			assertThat(row.get("attempts")).isEqualTo(1);
			assertThat(instant(row.get("next_attempt_at"))).isEqualTo(attemptedAt.plus(Duration.ofMinutes(1)));
			assertThat((String) row.get("last_error")).startsWith("ConnectException").doesNotContain("@");
		}

		// Not due yet: nothing is tried.
		this.clock.advance(Duration.ofSeconds(30));
		this.dispatcher.dispatch();
		assertThat(row(recipients.get(0)).get("attempts")).isEqualTo(1);

		this.clock.advance(Duration.ofSeconds(31));
		mail.start();
		this.dispatcher.dispatch();
		this.dispatcher.dispatch();

		for (int i = 0; i < recipients.size(); i++) {
			List<MimeMessage> received = mail.messagesTo(recipients.get(i));
			assertThat(received).hasSize(1);
			assertThat(received.get(0).getMessageID()).isEqualTo(messageIds.get(i));
			Map<String, Object> row = row(recipients.get(i));
			assertThat(row.get("status")).isEqualTo("SENT");
			assertThat(row.get("attempts")).isEqualTo(2);
		}
	}

	@Test
	void theWaitDoublesUpToItsCapOfFifteenMinutes() {
		assertThat(this.properties.backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.properties.backoff(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.properties.backoff(4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(this.properties.backoff(5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.properties.backoff(500)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void aPassingFailureIsRetriedForSevenDaysThenFailedListedAndCanBeSentAgain() {
		mail.stop();
		String recipient = newRecipient();
		Correspondence queued = enqueue(welcome(recipient));
		Instant queuedAt = this.clock.instant();
		for (int attempt = 1; attempt <= 8; attempt++) {
			this.dispatcher.dispatch();
			Map<String, Object> row = row(recipient);
			assertThat(row.get("status")).isEqualTo("QUEUED");
			assertThat(row.get("attempts")).isEqualTo(attempt);
			this.clock.set(instant(row.get("next_attempt_at")));
		}
		// The wait stays at its cap for the whole retry period.
		Map<String, Object> capped = row(recipient);
		this.dispatcher.dispatch();
		assertThat(instant(row(recipient).get("next_attempt_at")))
			.isEqualTo(instant(capped.get("next_attempt_at")).plus(Duration.ofMinutes(15)));

		this.clock.set(queuedAt.plus(Duration.ofDays(7)).minusSeconds(1));
		this.dispatcher.dispatch();
		assertThat(row(recipient).get("status")).isEqualTo("QUEUED");
		assertThat(this.outbox.failed(PageRequest.of(0, 1000)).getContent()).extracting(Correspondence::getId)
			.doesNotContain(queued.getId());

		// The next attempt falls after the retry period: it is the last.
		Instant next = instant(row(recipient).get("next_attempt_at"));
		assertThat(next).isAfter(queuedAt.plus(Duration.ofDays(7)));
		this.clock.set(next);
		this.dispatcher.dispatch();
		Map<String, Object> row = row(recipient);
		assertThat(row.get("status")).isEqualTo("FAILED");
		assertThat(row.get("failed_at")).isNotNull();
		assertThat(this.outbox.failed(PageRequest.of(0, 1000)).getContent()).extracting(Correspondence::getId)
			.contains(queued.getId());

		// The server is back: failed mail is not sent by itself...
		mail.start();
		this.clock.advance(Duration.ofDays(1));
		this.dispatcher.dispatch();
		assertThat(mail.messagesTo(recipient)).isEmpty();

		// ...but when staff send it again, it goes out once, as it was written.
		assertThat(this.outbox.sendAgain(queued.getId())).isTrue();
		assertThat(this.outbox.sendAgain(queued.getId())).isFalse();
		this.dispatcher.dispatch();
		List<MimeMessage> received = mail.awaitMessagesTo(recipient, 1, Duration.ofSeconds(10));
		assertThat(received).hasSize(1);
		assertThat(MailServer.plainText(received.get(0))).contains("Hello Test Person,");
		assertThat(row(recipient).get("status")).isEqualTo("SENT");
		assertThat(this.outbox.failed(PageRequest.of(0, 1000)).getContent()).extracting(Correspondence::getId)
			.doesNotContain(queued.getId());
	}

	@Test
	void anInvalidAddressIsGivenUpAtOnceAndTheRestOfTheBatchIsSent() {
		String invalid = "person@@" + UUID.randomUUID() + ".example.com";
		String valid = newRecipient();
		Correspondence bad = enqueue(welcome(invalid));
		enqueue(welcome(valid));

		this.dispatcher.dispatch();

		Map<String, Object> row = row(invalid);
		assertThat(row.get("status")).isEqualTo("FAILED");
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat((String) row.get("last_error")).startsWith("AddressException").doesNotContain("@@");
		assertThat(mail.messagesTo(valid)).hasSize(1);

		// Dismissed (handled another way): it leaves the list.
		assertThat(this.outbox.dismiss(bad.getId())).isTrue();
		assertThat(this.outbox.failed(PageRequest.of(0, 1000)).getContent()).extracting(Correspondence::getId)
			.doesNotContain(bad.getId());
		assertThat(this.outbox.sendAgain(bad.getId())).isFalse();
	}

	@Test
	void afterAnOutageMailQueuedLongestGoesFirst() throws Exception {
		mail.stop();
		String older = newRecipient();
		String newer = newRecipient();
		enqueue(welcome(older));
		this.clock.advance(Duration.ofMinutes(1));
		enqueue(welcome(newer));
		this.dispatcher.dispatch();
		// The older mail failed more often and waits longer, yet both are due now.
		this.jdbc.update("update correspondence set next_attempt_at = next_attempt_at + interval '1 minute',"
				+ " attempts = 5 where recipient = ?", older);
		this.clock.advance(Duration.ofMinutes(10));
		mail.start();

		this.dispatcher.dispatch();

		List<String> order = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			String to = message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
			if (to.equals(older) || to.equals(newer)) {
				order.add(to);
			}
		}
		assertThat(order).containsExactly(older, newer);
	}

	@Test
	void mailWaitingOutItsBackOffGoesAsSoonAsTheServerAcceptsAMailOldestFirst() throws Exception {
		mail.stop();
		String older = newRecipient();
		String newer = newRecipient();
		enqueue(welcome(older));
		this.clock.advance(Duration.ofSeconds(1));
		enqueue(welcome(newer));
		// Four attempts during the outage: the next one waits eight minutes.
		for (int attempt = 1; attempt <= 4; attempt++) {
			if (attempt > 1) {
				this.clock.advance(Duration.ofMinutes(16));
			}
			this.dispatcher.dispatch();
		}
		Instant lastAttempt = this.clock.instant();
		for (String recipient : List.of(older, newer)) {
			Map<String, Object> row = row(recipient);
			assertThat(row.get("attempts")).isEqualTo(4);
			assertThat(instant(row.get("next_attempt_at"))).isEqualTo(lastAttempt.plus(Duration.ofMinutes(8)));
			assertThat(row.get("waiting_for_server")).isEqualTo(true);
		}

		// The server is back a minute later; a new mail is accepted at once.
		this.clock.advance(Duration.ofMinutes(1));
		mail.start();
		awaitMailServer();
		String fresh = newRecipient();
		enqueue(welcome(fresh));
		this.dispatcher.dispatch();

		// The waiting mail went with it, seven minutes before its retry was due.
		this.dispatcher.awaitBackground();
		assertThat(mail.awaitMessagesTo(older, 1, Duration.ofSeconds(10))).hasSize(1);
		assertThat(mail.awaitMessagesTo(newer, 1, Duration.ofSeconds(10))).hasSize(1);
		List<String> order = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			String to = message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
			if (List.of(fresh, older, newer).contains(to)) {
				order.add(to);
			}
		}
		assertThat(order).containsExactly(fresh, older, newer);
		for (String recipient : List.of(older, newer)) {
			Map<String, Object> row = row(recipient);
			assertThat(row.get("status")).isEqualTo("SENT");
			assertThat(row.get("attempts")).isEqualTo(5);
			assertThat(row.get("waiting_for_server")).isEqualTo(false);
		}
	}

	@Test
	void mailWaitingOutItsBackOffGoesWhenTheHealthProbeReachesTheServer(@LocalServerPort int port) throws Exception {
		mail.stop();
		String recipient = newRecipient();
		enqueue(welcome(recipient));
		this.dispatcher.dispatch();
		assertThat(row(recipient).get("waiting_for_server")).isEqualTo(true);
		Instant due = instant(row(recipient).get("next_attempt_at"));

		// The probe's last answer (kept 30 s on this clock) is out of date; the retry is
		// not due for another 15 s, and nobody queues new mail.
		this.clock.advance(Duration.ofSeconds(45));
		assertThat(this.clock.instant()).isBefore(due);
		mail.start();
		awaitMailServer();
		// (The overall status may be DEGRADED by other tests' notices; the probe runs
		// anyway.)
		health(port);

		// The health call does not wait for the mail; the dispatcher's thread sends it.
		this.dispatcher.awaitBackground();
		assertThat(mail.messagesTo(recipient)).hasSize(1);
		assertThat(row(recipient).get("status")).isEqualTo("SENT");
	}

	@Test
	void mailAnotherDispatcherClaimedIsNotBroughtForward(@Autowired CorrespondenceRepository repository) {
		mail.stop();
		String recipient = newRecipient();
		enqueue(welcome(recipient));
		this.dispatcher.dispatch();
		assertThat(row(recipient).get("waiting_for_server")).isEqualTo(true);
		// Another dispatcher claims it (the retry is due) and is busy sending it.
		this.clock.advance(Duration.ofMinutes(2));
		this.jdbc.update("update correspondence set next_attempt_at = next_attempt_at + interval '100 years'"
				+ " where status = 'QUEUED' and recipient <> ?", recipient);
		List<Correspondence> claimed = this.transaction.execute((status) -> {
			List<Correspondence> due = repository.claimDue(this.clock.instant(), 20);
			due.forEach((m) -> m.claim(this.clock.instant().plus(MailDispatcher.CLAIM)));
			return due;
		});
		assertThat(claimed).extracting(Correspondence::getRecipient).containsExactly(recipient);

		// The server answers (another mail was accepted): the claimed mail keeps its
		// claim.
		this.dispatcher.bringForward();
		assertThat(row(recipient).get("waiting_for_server")).isEqualTo(false);
		assertThat(instant(row(recipient).get("next_attempt_at")))
			.isEqualTo(this.clock.instant().plus(MailDispatcher.CLAIM));
	}

	@Test
	void aCrashAfterTheServerAcceptedAMailSendsOnlyThatOneAgain(@Autowired CorrespondenceRepository repository,
			@Autowired JavaMailSender mailSender) throws Exception {
		// The crash comes from the second mail the server accepts: the server must be up.
		awaitMailServer();
		List<String> recipients = List.of(newRecipient(), newRecipient(), newRecipient());
		// Due tomorrow, so that the application's own dispatcher, woken by the commit,
		// leaves them alone.
		this.transaction.executeWithoutResult((status) -> {
			recipients.forEach((r) -> this.outbox.enqueue(welcome(r)));
			this.jdbc.update("update correspondence set next_attempt_at = next_attempt_at + interval '1 day'"
					+ " where recipient in (?, ?, ?)", recipients.toArray());
		});
		// Waits for the application's dispatcher, woken by the commit, to be done: its
		// background run must not come after the clock moved and take the three.
		this.dispatcher.dispatch();
		this.dispatcher.awaitBackground();
		this.clock.advance(Duration.ofDays(1));
		// Mail other test classes left queued (retries due within the day) would be
		// claimed first, oldest first: put it out of reach, so that the batch holds this
		// test's three mails.
		this.jdbc.update("update correspondence set next_attempt_at = next_attempt_at + interval '100 years'"
				+ " where status = 'QUEUED' and recipient not in (?, ?, ?)", recipients.toArray());
		// A dispatcher whose instance dies right after the server accepted the second
		// mail.
		JavaMailSender dying = new CrashingSender(mailSender, 2);
		MailDispatcher crashing = new MailDispatcher(repository, dying, this.transactionManager, this.properties,
				this.controllerIdentity, this.linkSecrets, this.jdbc, this.clock);
		try {
			assertThatExceptionOfType(Crash.class).isThrownBy(crashing::dispatch);
		}
		finally {
			crashing.destroy();
		}
		assertThat(row(recipients.get(0)).get("status")).isEqualTo("SENT");
		assertThat(row(recipients.get(1)).get("status")).isEqualTo("QUEUED");

		// The claims of the dead dispatcher run out; another sends what is left.
		this.dispatcher.dispatch();
		assertThat(mail.messagesTo(recipients.get(2))).isEmpty();
		this.clock.advance(MailDispatcher.CLAIM.plusSeconds(1));
		this.dispatcher.dispatch();

		assertThat(mail.messagesTo(recipients.get(0))).hasSize(1);
		assertThat(mail.messagesTo(recipients.get(1))).hasSize(2);
		assertThat(mail.messagesTo(recipients.get(2))).hasSize(1);
		recipients.forEach((r) -> assertThat(row(r).get("status")).isEqualTo("SENT"));
	}

	@Test
	void aLegallyRequiredNoticeFailedOrOverdueDegradesHealth(@LocalServerPort int port) throws Exception {
		// Other tests' failed mail is handled: this test starts from a clean slate.
		this.jdbc.update("update correspondence set dismissed_at = created_at where status = 'FAILED'");
		assertThat(health(port)).contains("\"status\":\"UP\"");

		String recipient = newRecipient();
		Correspondence notice = enqueue(new OutgoingMail(recipient, RecipientKind.SUBJECT, Locale.ENGLISH,
				"staff-account-created", Map.of("displayName", "X"), null));
		// The extension notice's template needs a request; the template name is what
		// counts.
		this.jdbc.update("update correspondence set template = 'request-extended' where id = ?", notice.getId());
		mail.stop();
		this.dispatcher.dispatch();
		assertThat(this.outbox.legalNoticesFailedOrOverdue()).isZero();
		assertThat(health(port)).contains("\"status\":\"UP\"");

		this.clock.advance(this.properties.dispatch().overdueAfter().plusSeconds(1));
		assertThat(this.outbox.legalNoticesFailedOrOverdue()).isEqualTo(1);
		assertThat(health(port)).contains("\"status\":\"DEGRADED\"");

		this.clock.advance(this.properties.dispatch().retryFor());
		this.dispatcher.dispatch();
		assertThat(row(recipient).get("status")).isEqualTo("FAILED");
		assertThat(this.outbox.legalNoticesFailedOrOverdue()).isEqualTo(1);

		this.outbox.dismiss(notice.getId());
		assertThat(this.outbox.legalNoticesFailedOrOverdue()).isZero();
		assertThat(health(port)).contains("\"status\":\"UP\"");
	}

	static String health(int port) throws Exception {
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/health"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** Stands for the instance dying: not an exception the dispatcher handles. */
	static class Crash extends Error {

	}

	/** Hands mail to the real server, and dies right after the n-th one was accepted. */
	static class CrashingSender extends org.springframework.mail.javamail.JavaMailSenderImpl {

		private final JavaMailSender delegate;

		private int left;

		CrashingSender(JavaMailSender delegate, int crashAfter) {
			this.delegate = delegate;
			this.left = crashAfter;
		}

		@Override
		public void send(MimeMessage mimeMessage) {
			this.delegate.send(mimeMessage);
			if (--this.left == 0) {
				throw new Crash();
			}
		}

	}

	@Test
	void twoDispatchersAtOnceSendEachMailOnce(@Autowired CorrespondenceRepository repository,
			@Autowired JavaMailSender mailSender) throws Exception {
		List<String> recipients = new ArrayList<>();
		this.transaction.executeWithoutResult((status) -> {
			for (int i = 0; i < 20; i++) {
				String recipient = newRecipient();
				recipients.add(recipient);
				this.outbox.enqueue(welcome(recipient));
			}
		});
		// Two more dispatchers, as if on two other instances, with small batches so that
		// they take turns; the application's own dispatcher may join in after the commit.
		OutboxProperties smallBatches = new OutboxProperties(null, "http://localhost:8080",
				new OutboxProperties.Dispatch(Duration.ofHours(1), Duration.ofDays(7), Duration.ofHours(1)), 3,
				Duration.ofMinutes(1), Duration.ofMinutes(15), null);
		MailDispatcher one = new MailDispatcher(repository, mailSender, this.transactionManager, smallBatches,
				this.controllerIdentity, this.linkSecrets, this.jdbc, this.clock);
		MailDispatcher two = new MailDispatcher(repository, mailSender, this.transactionManager, smallBatches,
				this.controllerIdentity, this.linkSecrets, this.jdbc, this.clock);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> runOne = () -> {
				start.await();
				return one.dispatch();
			};
			Callable<Integer> runTwo = () -> {
				start.await();
				return two.dispatch();
			};
			Future<Integer> first = threads.submit(runOne);
			Future<Integer> second = threads.submit(runTwo);
			start.countDown();
			first.get(60, TimeUnit.SECONDS);
			second.get(60, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
			one.destroy();
			two.destroy();
		}
		// Waits for the application's dispatcher, should it be sending too.
		this.dispatcher.dispatch();

		for (String recipient : recipients) {
			assertThat(mail.messagesTo(recipient)).as(recipient).hasSize(1);
			assertThat(row(recipient).get("status")).isEqualTo("SENT");
			assertThat(row(recipient).get("attempts")).isEqualTo(1);
		}
	}

	@Test
	void errorsAreDescribedWithoutAddresses() {
		Exception refused = new org.springframework.mail.MailSendException("Failed messages",
				new jakarta.mail.SendFailedException("550 5.1.1 <anna.andersson@example.com>: Recipient unknown"));
		assertThat(MailDispatcher.describe(refused))
			.isEqualTo("SendFailedException: 550 5.1.1 <<address>>: Recipient unknown");
		assertThat(MailDispatcher.serverUnreachable(refused)).isFalse();
		assertThat(MailDispatcher.serverUnreachable(new org.springframework.mail.MailSendException(
				"Mail server connection failed", new java.net.ConnectException("Connection refused"))))
			.isTrue();
		assertThat(MailDispatcher.permanent(new org.springframework.mail.MailSendException(
				"Mail server connection failed", new java.net.ConnectException("Connection refused"))))
			.isFalse();
	}

	static Instant instant(Object timestamp) {
		if (timestamp instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		return ((java.sql.Timestamp) timestamp).toInstant();
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits until the test mail server accepts connections, starting it if another test
	 * (this class's nested one shares the extension) left it stopped.
	 */
	private static void awaitMailServer() throws InterruptedException {
		for (int attempt = 0; attempt < 100; attempt++) {
			try (java.net.Socket socket = new java.net.Socket("127.0.0.1", MailServer.PORT)) {
				return;
			}
			catch (java.io.IOException ex) {
				if (attempt == 0) {
					try {
						mail.start();
					}
					catch (RuntimeException alreadyRunning) {
						// started meanwhile
					}
				}
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("The test mail server did not start");
	}

}
