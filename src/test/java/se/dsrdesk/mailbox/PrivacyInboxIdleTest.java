package se.dsrdesk.mailbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.mailbox.PrivacyInboxWatcher.State;
import se.dsrdesk.mailbox.PrivacyInboxWatcher.Status;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * IMAP IDLE on the privacy inbox against GreenMail's IMAP server (which offers IDLE),
 * reached through an {@link ImapProxy} that can cut it off: with the poll an hour apart,
 * a mail delivered to the inbox is an incoming mail within seconds; IDLE is issued again
 * every {@code idle-reissue} (1 s here) on the same connection; when the server goes away
 * the watcher tries again no faster than the doubling pause allows (200 ms up to 1 s
 * here), and watches again once the server is back on the same port, with no restart; a
 * watcher stops on shutdown (its thread ends). {@link PrivacyInboxPollOnlyTest} shows the
 * opposite with {@code idle=false}, and a server without IDLE. Real PostgreSQL.
 */
@IntegrationTest
@AutoConfigureMockMvc
// closed after the class: its watcher would otherwise go on trying the closed proxy every
// second while the rest of the suite runs
@DirtiesContext
class PrivacyInboxIdleTest {

	static final String INBOX = "privacy-idle@example.se";

	static final String PASSWORD = "hemligt";

	static final Duration FIRST = Duration.ofMillis(200);

	static final Duration MAX = Duration.ofSeconds(1);

	static final ImapServer imap = new ImapServer();

	static final ImapProxy proxy = new ImapProxy(imap.port(), false);

	@DynamicPropertySource
	static void privacyInbox(DynamicPropertyRegistry registry) {
		imap.user(INBOX, PASSWORD);
		privacyInbox(registry, proxy.port(), INBOX, PASSWORD);
		registry.add("dsr.privacy-inbox.idle", () -> "true");
		registry.add("dsr.privacy-inbox.idle-reissue", () -> "1s");
		registry.add("dsr.privacy-inbox.reconnect-first", FIRST::toString);
		registry.add("dsr.privacy-inbox.reconnect-max", MAX::toString);
	}

	static void privacyInbox(DynamicPropertyRegistry registry, int port, String login, String password) {
		registry.add("dsr.mailboxes[0].name", () -> "privacy");
		registry.add("dsr.mailboxes[0].host", () -> "127.0.0.1");
		registry.add("dsr.mailboxes[0].port", () -> port);
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
		proxy.close();
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

	@Autowired
	Clock clock;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Test
	void aDeliveredMailIsAnIncomingMailWithinSecondsThoughThePollIsAnHourAway() throws Exception {
		assertThat(eventually(Duration.ofSeconds(10), this.watcher::watching)).as("watching after start").isTrue();
		String sender = "idle-" + UUID.randomUUID() + "@exempel.se";
		// in IDLE (issued once again at least), as a mail usually arrives long after
		// start
		long reissues = this.watcher.status().reissues();
		assertThat(eventually(Duration.ofSeconds(10), () -> this.watcher.status().reissues() > reissues)).isTrue();

		imap.append(INBOX, PASSWORD, "INBOX",
				PrivacyInboxFlowTest.mail("Registerutdrag", sender, null, "Jag vill ha ett utdrag.", null, null));

		assertThat(eventually(Duration.ofSeconds(10), () -> storedFrom(this.jdbc, sender) == 1))
			.as("stored by the IDLE watcher, long before the next poll")
			.isTrue();
		assertThat(this.watcher.watching()).isTrue();
	}

	@Test
	void idleIsIssuedAgainOnTheSameConnectionAndStillNoticesNewMail() throws Exception {
		assertThat(eventually(Duration.ofSeconds(10), () -> state() == State.WATCHING)).as("watching").isTrue();
		Status before = this.watcher.status();

		assertThat(eventually(Duration.ofSeconds(10), () -> this.watcher.status().reissues() >= before.reissues() + 3))
			.as("IDLE issued again every second")
			.isTrue();
		Status after = this.watcher.status();
		assertThat(after.state()).isEqualTo(State.WATCHING);
		assertThat(after.connections()).as("on the same connection").isEqualTo(before.connections());
		assertThat(after.attempts()).as("no new connection tried").isEqualTo(before.attempts());

		String sender = "reissued-" + UUID.randomUUID() + "@exempel.se";
		imap.append(INBOX, PASSWORD, "INBOX",
				PrivacyInboxFlowTest.mail("Radera mig", sender, null, "Radera mina uppgifter.", null, null));
		assertThat(eventually(Duration.ofSeconds(10), () -> storedFrom(this.jdbc, sender) == 1))
			.as("stored by the re-issued IDLE, long before the next poll")
			.isTrue();
	}

	@Test
	void whenTheServerGoesAwayTheWatcherBacksOffAndWatchesAgainOnceItIsBack() throws Exception {
		assertThat(eventually(Duration.ofSeconds(10), () -> state() == State.WATCHING)).as("watching").isTrue();
		StaffPrincipal handler = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.CASE_HANDLER);
		assertThat(shownState(handler)).as("staff see it watching").isEqualTo("WATCHING");
		long connections = this.watcher.status().connections();
		long cutAt = System.nanoTime();
		try {
			proxy.cut();

			// the drop, then tries after 200, 400, 800, 1000 ms: five within about 2.5 s
			assertThat(eventually(Duration.ofSeconds(10), () -> proxy.refusedAt().size() >= 5))
				.as("keeps trying while the server is away")
				.isTrue();
			assertThat(this.watcher.status().state()).isEqualTo(State.RECONNECTING);
			assertThat(this.watcher.status().failuresInRow()).isGreaterThanOrEqualTo(5);
			assertThat(this.watcher.status().nextAttempt()).isNotNull();
			assertThat(shownState(handler)).as("staff see it reconnecting").isEqualTo("RECONNECTING");
		}
		finally {
			proxy.restore();
		}
		List<Long> tries = proxy.refusedAt();
		List<Long> gaps = new ArrayList<>();
		gaps.add(tries.get(0) - cutAt);
		for (int i = 1; i < tries.size(); i++) {
			gaps.add(tries.get(i) - tries.get(i - 1));
		}
		Duration pause = FIRST;
		for (int i = 0; i < gaps.size(); i++) {
			// the first pause follows the dropped connection; each later one doubles, up
			// to the longest (a little less allowed for timer granularity)
			assertThat(Duration.ofNanos(gaps.get(i))).as("pause before try %d (all gaps %s ns)", i + 1, gaps)
				.isGreaterThanOrEqualTo(pause.minusMillis(20));
			pause = PrivacyInboxWatcher.doubled(pause, MAX);
		}

		assertThat(eventually(Duration.ofSeconds(5),
				() -> state() == State.WATCHING && this.watcher.status().connections() > connections))
			.as("watching again once the server is back, without a restart")
			.isTrue();
		assertThat(this.watcher.status().failuresInRow()).isZero();
		assertThat(shownState(handler)).as("staff see it watching again").isEqualTo("WATCHING");
		String sender = "back-" + UUID.randomUUID() + "@exempel.se";
		imap.append(INBOX, PASSWORD, "INBOX",
				PrivacyInboxFlowTest.mail("Registerutdrag", sender, null, "Jag vill ha ett utdrag.", null, null));
		assertThat(eventually(Duration.ofSeconds(10), () -> storedFrom(this.jdbc, sender) == 1))
			.as("stored by IDLE on the new connection")
			.isTrue();
	}

	@Test
	void aWatcherStopsOnShutdownAndItsThreadEnds() throws Exception {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		PrivacyInboxWatcher own = new PrivacyInboxWatcher(this.mailboxes, this.settings, this.inbox, this.clock);
		own.start();
		assertThat(eventually(Duration.ofSeconds(5), own::watching)).isTrue();
		// in IDLE: issued once again at least
		assertThat(eventually(Duration.ofSeconds(10), () -> own.status().reissues() > 0)).isTrue();

		long started = System.nanoTime();
		own.destroy();

		assertThat(own.watching()).as("the IDLE thread ended").isFalse();
		assertThat(own.status().state()).isEqualTo(State.OFF);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		Set<Thread> newThreads = new HashSet<>(Thread.getAllStackTraces().keySet());
		newThreads.removeAll(before);
		assertThat(newThreads).filteredOn((thread) -> thread.getName().startsWith("privacy-inbox-"))
			.filteredOn(Thread::isAlive)
			.as("none of this watcher's threads (IDLE, fetch) outlives it")
			.isEmpty();
	}

	/** What the incoming-mail page tells a case handler about the watcher. */
	private String shownState(StaffPrincipal handler) throws Exception {
		MvcTestResult page = this.mvc.get().uri("/staff/incoming-mail").with(user(handler)).exchange();
		assertThat(page).hasStatusOk();
		Matcher state = Pattern.compile("id=\"watcher-status\"[^>]*data-state=\"([A-Z_]+)\"")
			.matcher(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
		return state.find() ? state.group(1) : "(none shown)";
	}

	private State state() {
		return this.watcher.status().state();
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
