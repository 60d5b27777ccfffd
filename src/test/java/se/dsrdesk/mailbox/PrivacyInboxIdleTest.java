package se.dsrdesk.mailbox;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IMAP IDLE on the privacy inbox against GreenMail's IMAP server (which offers IDLE):
 * with the poll an hour apart, a mail delivered to the inbox is an incoming mail within
 * seconds; a watcher stops on shutdown (its thread ends).
 * {@link PrivacyInboxPollOnlyTest} shows the opposite with {@code idle=false}. Real
 * PostgreSQL.
 */
@IntegrationTest
class PrivacyInboxIdleTest {

	static final String INBOX = "privacy-idle@example.se";

	static final String PASSWORD = "hemligt";

	static final ImapServer imap = new ImapServer();

	@DynamicPropertySource
	static void privacyInbox(DynamicPropertyRegistry registry) {
		imap.user(INBOX, PASSWORD);
		privacyInbox(registry, imap, INBOX, PASSWORD);
		registry.add("dsr.privacy-inbox.idle", () -> "true");
	}

	static void privacyInbox(DynamicPropertyRegistry registry, ImapServer server, String login, String password) {
		registry.add("dsr.mailboxes[0].name", () -> "privacy");
		registry.add("dsr.mailboxes[0].host", () -> "127.0.0.1");
		registry.add("dsr.mailboxes[0].port", server::port);
		registry.add("dsr.mailboxes[0].tls", () -> "NONE");
		registry.add("dsr.mailboxes[0].allow-plain", () -> "true");
		registry.add("dsr.mailboxes[0].user", () -> login);
		registry.add("dsr.mailboxes[0].password", () -> password);
		registry.add("dsr.mailboxes[0].privacy-inbox", () -> "true");
		registry.add("dsr.mailboxes[0].address", () -> login);
		registry.add("dsr.privacy-inbox.poll-interval", () -> "1h");
	}

	@AfterAll
	static void stopImap() {
		imap.close();
	}

	@Autowired
	PrivacyInboxWatcher watcher;

	@Autowired
	MailboxProperties mailboxes;

	@Autowired
	PrivacyInboxProperties settings;

	@Autowired
	PrivacyInbox inbox;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aDeliveredMailIsAnIncomingMailWithinSecondsThoughThePollIsAnHourAway() throws Exception {
		assertThat(eventually(Duration.ofSeconds(10), this.watcher::watching)).as("watching after start").isTrue();
		String sender = "idle-" + UUID.randomUUID() + "@exempel.se";
		// give the watcher a moment to be in IDLE, as a mail usually arrives long after
		// start
		Thread.sleep(1000);

		imap.append(INBOX, PASSWORD, "INBOX",
				PrivacyInboxFlowTest.mail("Registerutdrag", sender, null, "Jag vill ha ett utdrag.", null, null));

		assertThat(eventually(Duration.ofSeconds(10), () -> storedFrom(this.jdbc, sender) == 1))
			.as("stored by the IDLE watcher, long before the next poll")
			.isTrue();
		assertThat(this.watcher.watching()).isTrue();
	}

	@Test
	void aWatcherStopsOnShutdownAndItsThreadEnds() throws Exception {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		PrivacyInboxWatcher own = new PrivacyInboxWatcher(this.mailboxes, this.settings, this.inbox);
		own.start();
		assertThat(eventually(Duration.ofSeconds(5), own::watching)).isTrue();
		Thread.sleep(1000);

		long started = System.nanoTime();
		own.destroy();

		assertThat(own.watching()).as("the IDLE thread ended").isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		Set<Thread> newThreads = new HashSet<>(Thread.getAllStackTraces().keySet());
		newThreads.removeAll(before);
		assertThat(newThreads).filteredOn((thread) -> thread.getName().startsWith("privacy-inbox-"))
			.filteredOn(Thread::isAlive)
			.as("none of this watcher's threads (IDLE, fetch) outlives it")
			.isEmpty();
	}

	static int storedFrom(JdbcTemplate jdbc, String sender) {
		Integer count = jdbc.queryForObject("select count(*) from incoming_mail where sender_email = ?", Integer.class,
				sender);
		return (count != null) ? count : 0;
	}

	static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long until = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < until) {
			if (condition.getAsBoolean()) {
				return true;
			}
			Thread.sleep(100);
		}
		return condition.getAsBoolean();
	}

}
