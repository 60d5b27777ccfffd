package se.dsrdesk.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's own SQL (the insert that skips a taken dedup key, the claim with
 * {@code FOR UPDATE SKIP LOCKED}) on the zero-setup H2 database in PostgreSQL mode. It
 * sends through GreenMail, so it runs with the SMTP tests in {@code ./mvnw verify}.
 */
@SpringBootTest
@Tag(IntegrationTest.TAG)
class OutboxOnH2Test {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@DynamicPropertySource
	static void h2AndGreenMail(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("dsrdesk-h2-");
		registry.add("dsr.data-dir", dir::toString);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MailServer.PORT);
		registry.add("dsr.mail.dispatch.interval", () -> "1h");
	}

	@Autowired
	Outbox outbox;

	@Autowired
	MailDispatcher dispatcher;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void queuesOnceAndSends() {
		OutgoingMail welcome = new OutgoingMail("h2@example.com", RecipientKind.STAFF, Locale.ENGLISH,
				"staff-account-created", Map.of("displayName", "H2"), null);
		Boolean first = this.transaction.execute((status) -> this.outbox.enqueueOnce(welcome, "h2-key"));
		Boolean second = this.transaction.execute((status) -> this.outbox.enqueueOnce(welcome, "h2-key"));
		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(this.jdbc.queryForObject("select count(*) from correspondence where dedup_key = 'h2-key'",
				Integer.class))
			.isEqualTo(1);

		this.dispatcher.dispatch();

		assertThat(mail.messagesTo("h2@example.com")).hasSize(1);
		assertThat(
				this.jdbc.queryForObject("select status from correspondence where dedup_key = 'h2-key'", String.class))
			.isEqualTo("SENT");
	}

}
