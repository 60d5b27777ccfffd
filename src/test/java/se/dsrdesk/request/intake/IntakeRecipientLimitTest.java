package se.dsrdesk.request.intake;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mails the public pages cause to one address are limited per day, whoever asks and from
 * however many client addresses: the form is refused with 429 beyond the limit and
 * nothing is stored; the new-link page answers as always and sends nothing more. The
 * counts are kept in PostgreSQL, shared by all instances, under a digest of the address.
 */
@IntegrationTest
@TestPropertySource(properties = { "dsr.intake.submits-per-hour=100", "dsr.intake.new-links-per-hour=100",
		"dsr.intake.mails-per-address-per-day=2" })
class IntakeRecipientLimitTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void theFormMailsOneAddressAtMostTwiceADayThenAnswers429AndStoresNothing() {
		String victim = "victim." + IntakeTest.unique() + "@example.com";
		for (int i = 0; i < 2; i++) {
			// Each from a different visitor: the limit is per recipient, not per client.
			HttpResponse<String> sent = new HttpVisitor(this.port, "en-GB").submit("/request", "/request",
					IntakeTest.form("ACCESS", "Someone", victim, null));
			assertThat(sent.statusCode()).isEqualTo(302);
		}
		HttpResponse<String> refused = new HttpVisitor(this.port, "sv-SE").submit("/request", "/request",
				IntakeTest.form("ACCESS", "Someone", victim, null));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.body()).contains("för många begäranden för den här e-postadressen");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from dsr_request r join data_subject s on s.id = r.data_subject_id where s.email = ?",
				Integer.class, victim))
			.isEqualTo(2);
		List<String> mails = IntakeMails.deliveredTo(this.context, mail, victim, 2);
		assertThat(mails).hasSize(2);

		// The new-link page says the same as always, and sends nothing more today.
		HttpResponse<String> newLink = new HttpVisitor(this.port, "en-GB").submit("/request/new-link",
				"/request/new-link", Map.of("email", victim));
		assertThat(newLink.statusCode()).isEqualTo(302);
		assertThat(IntakeMails.deliveredTo(this.context, mail, victim)).hasSize(2);

		// Kept in the database, under a digest: the address itself is nowhere in it.
		assertThat(this.jdbc.queryForObject(
				"select count(*) from rate_limit_bucket where id like 'intake-mail-recipient:%'", Integer.class))
			.isPositive();
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_bucket where id like ?", Integer.class,
				"%" + victim + "%"))
			.isZero();
	}

}
