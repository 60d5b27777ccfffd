package se.dsrdesk.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.dsrdesk.mailbox.MailboxProperties.Mailbox;
import se.dsrdesk.mailbox.PrivacyInboxWatcher.State;
import se.dsrdesk.mailbox.PrivacyInboxWatcher.Status;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dsrdesk.mailbox.PrivacyInboxIdleTest.eventually;
import static se.dsrdesk.mailbox.PrivacyInboxIdleTest.storedFrom;

/**
 * With {@code dsr.privacy-inbox.idle=false} nothing watches the inbox: a delivered mail
 * waits for the poll (an hour away here), and the poll then stores it. A watcher whose
 * server does not offer IDLE (GreenMail behind an {@link ImapProxy} that takes IDLE out
 * of its capabilities) gives up after one look and leaves the inbox to the poll.
 * GreenMail IMAP, real PostgreSQL.
 */
@IntegrationTest
class PrivacyInboxPollOnlyTest {

	static final String INBOX = "privacy-poll@example.se";

	static final String PASSWORD = "hemligt";

	static final ImapServer imap = new ImapServer();

	@DynamicPropertySource
	static void privacyInbox(DynamicPropertyRegistry registry) {
		imap.user(INBOX, PASSWORD);
		PrivacyInboxIdleTest.privacyInbox(registry, imap.port(), INBOX, PASSWORD);
		registry.add("dsr.privacy-inbox.idle", () -> "false");
	}

	@AfterAll
	static void stopImap() {
		imap.close();
	}

	@Autowired
	MailboxProperties mailboxes;

	@Autowired
	Clock clock;

	@Autowired
	PrivacyInboxWatcher watcher;

	@Autowired
	PrivacyInbox inbox;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aDeliveredMailWaitsForThePoll() throws Exception {
		String sender = "poll-" + UUID.randomUUID() + "@exempel.se";
		imap.append(INBOX, PASSWORD, "INBOX",
				PrivacyInboxFlowTest.mail("Registerutdrag", sender, null, "Jag vill ha ett utdrag.", null, null));

		assertThat(eventually(Duration.ofSeconds(5), () -> storedFrom(this.jdbc, sender) > 0))
			.as("not fetched before the poll")
			.isFalse();
		assertThat(this.watcher.watching()).isFalse();

		this.inbox.scheduled();

		assertThat(storedFrom(this.jdbc, sender)).as("the poll stored it").isEqualTo(1);
	}

	@Test
	void aServerWithoutIdleIsLeftToThePoll() throws Exception {
		try (ImapProxy withoutIdle = new ImapProxy(imap.port(), true)) {
			Mailbox box = this.mailboxes.privacyInbox().orElseThrow();
			MailboxProperties viaProxy = new MailboxProperties(List
				.of(new Mailbox(box.name(), box.host(), withoutIdle.port(), box.tls(), box.allowPlain(), box.user(),
						box.password(), box.oauthToken(), box.folders(), box.trashFolder(), box.locationId(),
						box.deleteMode(), box.pageSize(), box.connectTimeout(), box.timeout(), true, box.inboxFolder(),
						box.handled(), box.handledKeyword(), box.handledFolder(), box.address())));
			PrivacyInboxProperties idleOn = new PrivacyInboxProperties(Duration.ofHours(1), Duration.ofDays(30), "-",
					true, Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(1));
			PrivacyInboxWatcher own = new PrivacyInboxWatcher(viaProxy, idleOn, this.inbox, this.clock);
			try {
				own.start();

				assertThat(eventually(Duration.ofSeconds(10), () -> !own.watching())).as("gave up watching").isTrue();
				Status status = own.status();
				assertThat(status.state()).isEqualTo(State.POLLING_ONLY);
				assertThat(status.attempts()).as("looked once, and does not keep trying").isEqualTo(1);
				assertThat(status.connections()).isZero();
			}
			finally {
				own.destroy();
			}
		}
		String sender = "no-idle-" + UUID.randomUUID() + "@exempel.se";
		imap.append(INBOX, PASSWORD, "INBOX",
				PrivacyInboxFlowTest.mail("Radera mig", sender, null, "Radera mina uppgifter.", null, null));

		this.inbox.scheduled();

		assertThat(storedFrom(this.jdbc, sender)).as("the poll stored it").isEqualTo(1);
	}

}
