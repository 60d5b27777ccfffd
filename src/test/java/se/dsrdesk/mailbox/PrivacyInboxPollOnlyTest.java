package se.dsrdesk.mailbox;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dsrdesk.mailbox.PrivacyInboxIdleTest.eventually;
import static se.dsrdesk.mailbox.PrivacyInboxIdleTest.storedFrom;

/**
 * With {@code dsr.privacy-inbox.idle=false} nothing watches the inbox: a delivered mail
 * waits for the poll (an hour away here), and the poll then stores it. GreenMail IMAP,
 * real PostgreSQL.
 */
@IntegrationTest
class PrivacyInboxPollOnlyTest {

	static final String INBOX = "privacy-poll@example.se";

	static final String PASSWORD = "hemligt";

	static final ImapServer imap = new ImapServer();

	@DynamicPropertySource
	static void privacyInbox(DynamicPropertyRegistry registry) {
		imap.user(INBOX, PASSWORD);
		PrivacyInboxIdleTest.privacyInbox(registry, imap, INBOX, PASSWORD);
		registry.add("dsr.privacy-inbox.idle", () -> "false");
	}

	@AfterAll
	static void stopImap() {
		imap.close();
	}

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

}
