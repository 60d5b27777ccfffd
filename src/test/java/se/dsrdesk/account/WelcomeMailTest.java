package se.dsrdesk.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * An admin invites a colleague: the invitation is queued with the account, in the
 * colleague's language, without its link's secret in the stored mail, and sent right
 * after the commit without anyone calling the dispatcher.
 */
@IntegrationTest
@AutoConfigureMockMvc
class WelcomeMailTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffUserRepository users;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${dsr.admin.email}")
	String adminEmail;

	@Test
	void anAccountInvitedByAnAdminGetsTheInvitationInItsLanguage() throws Exception {
		String email = "handler-" + UUID.randomUUID() + "@example.com";
		StaffPrincipal admin = StaffPrincipal.of(this.users.findByEmail(this.adminEmail).orElseThrow(), false);

		assertThat(this.mvc.post()
			.uri("/staff/admin/accounts")
			.with(user(admin))
			.with(csrf())
			.param("email", email)
			.param("displayName", "Hanna Handläggare")
			.param("roles", "CASE_HANDLER")
			.param("language", "sv")).hasStatus3xxRedirection();

		Map<String, Object> queued = this.jdbc.queryForMap(
				"select recipient_kind, language, template, request_id from correspondence where recipient = ?", email);
		assertThat(queued).containsEntry("recipient_kind", "STAFF")
			.containsEntry("language", "sv")
			.containsEntry("template", "staff-invitation");
		assertThat(queued.get("request_id")).isNull();

		List<MimeMessage> received = mail.awaitMessagesTo(email, 1, Duration.ofSeconds(10));
		assertThat(received).as("sent after the commit, without the test dispatching").hasSize(1);
		assertThat(received.get(0).getSubject()).startsWith("Din inbjudan till DSR Desk hos");
		String text = MailServer.plainText(received.get(0));
		assertThat(text).contains("Hanna Handläggare", "/login/set-password?token=", "72 timmar");
		String secret = text.replaceAll("(?s).*token=([A-Za-z0-9_-]{43}).*", "$1");
		assertThat(
				this.jdbc.queryForObject("select count(*) from correspondence where recipient = ? and body_text like ?",
						Integer.class, email, "%" + secret + "%"))
			.isZero();
	}

	@Test
	void aRefusedAccountQueuesNoMail() {
		StaffPrincipal admin = StaffPrincipal.of(this.users.findByEmail(this.adminEmail).orElseThrow(), false);
		assertThat(this.mvc.post()
			.uri("/staff/admin/accounts")
			.with(user(admin))
			.with(csrf())
			.param("email", this.adminEmail)
			.param("displayName", "Someone Else")
			.param("roles", "CASE_HANDLER")
			.param("language", "en")).hasStatusOk();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from correspondence where recipient = ? and template = 'staff-invitation'",
				Integer.class, this.adminEmail))
			.isZero();
	}

}
