package se.dsrdesk.mailbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.Axe;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MailServer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In Chromium, against real IMAP and SMTP: a mail arrives at the privacy address, a case
 * handler registers it from "Incoming mail", the person receives the acknowledgement,
 * answers it (to its Reply-To), and the answer is on the request's timeline. axe checks
 * the new pages.
 */
class PrivacyInboxBrowserTest extends BrowserTest {

	static final ImapServer imap = new ImapServer();

	@RegisterExtension
	static MailServer mail = new MailServer();

	@DynamicPropertySource
	static void privacyInbox(DynamicPropertyRegistry registry) {
		imap.user(PrivacyInboxFlowTest.INBOX, PrivacyInboxFlowTest.PASSWORD);
		registry.add("dsr.mailboxes[0].name", () -> "privacy");
		registry.add("dsr.mailboxes[0].host", () -> "127.0.0.1");
		registry.add("dsr.mailboxes[0].port", imap::port);
		registry.add("dsr.mailboxes[0].tls", () -> "NONE");
		registry.add("dsr.mailboxes[0].allow-plain", () -> "true");
		registry.add("dsr.mailboxes[0].user", () -> PrivacyInboxFlowTest.INBOX);
		registry.add("dsr.mailboxes[0].password", () -> PrivacyInboxFlowTest.PASSWORD);
		registry.add("dsr.mailboxes[0].privacy-inbox", () -> "true");
		registry.add("dsr.mailboxes[0].address", () -> PrivacyInboxFlowTest.INBOX);
	}

	@AfterAll
	static void stopImap() {
		imap.close();
	}

	@Autowired
	PrivacyInbox inbox;

	@Override
	protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
		// axe is injected as a script, which the pages' Content Security Policy forbids
		return super.contextOptions().setBypassCSP(true);
	}

	@Autowired
	AccountService accounts;

	@Test
	void aMailIsRegisteredAcknowledgedAnsweredAndTheAnswerIsOnTheTimeline() throws Exception {
		String person = "greta-" + UUID.randomUUID() + "@exempel.se";
		String subject = "Registerutdrag " + UUID.randomUUID().toString().substring(0, 8);
		imap.append(PrivacyInboxFlowTest.INBOX, PrivacyInboxFlowTest.PASSWORD, "INBOX",
				PrivacyInboxFlowTest.received(
						PrivacyInboxFlowTest.mail(subject, person, "Greta Lind", "Hej, jag vill ha ett registerutdrag.",
								null, null),
						PrivacyInboxFlowTest.outsideNoon(Instant.now().minus(1, ChronoUnit.DAYS))));
		this.inbox.fetch();

		signIn(TestAccounts.create(this.accounts, Role.CASE_HANDLER), TestAccounts.PASSWORD);
		navigateTo("Incoming mail");
		assertThat(this.page.locator("h1")).hasText("Incoming mail");
		org.assertj.core.api.Assertions.assertThat(Axe.violations(this.page)).isEmpty();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(subject)).click();
		assertThat(this.page.locator("#mail-text")).containsText("jag vill ha ett registerutdrag");
		assertThat(this.page.getByLabel("What the person asks for")).hasValue("ACCESS");
		org.assertj.core.api.Assertions.assertThat(Axe.violations(this.page)).isEmpty();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register the request")).click();
		this.page.waitForURL("**/staff/requests/*");
		assertThat(this.page.locator(".alert-success")).containsText("acknowledgement sent");

		List<MimeMessage> acknowledgements = mail.awaitMessagesTo(person, 1, Duration.ofSeconds(20));
		org.assertj.core.api.Assertions.assertThat(acknowledgements).hasSize(1);
		MimeMessage acknowledgement = acknowledgements.get(0);
		org.assertj.core.api.Assertions.assertThat(MailServer.plainText(acknowledgement)).contains("/request/status/");

		MimeMessage answer = PrivacyInboxFlowTest.mail("Re: " + acknowledgement.getSubject(), person, "Greta Lind",
				"Tack! Jag har också ett konto under ett gammalt namn.", null, null);
		answer.setRecipients(Message.RecipientType.TO, acknowledgement.getReplyTo());
		answer.setHeader("In-Reply-To", acknowledgement.getMessageID());
		answer.saveChanges();
		org.assertj.core.api.Assertions.assertThat(((InternetAddress) acknowledgement.getReplyTo()[0]).getAddress())
			.startsWith("privacy+");
		imap.append(PrivacyInboxFlowTest.INBOX, PrivacyInboxFlowTest.PASSWORD, "INBOX", answer);
		this.inbox.fetch();

		this.page.reload();
		assertThat(this.page.locator("#timeline")).containsText("Mail from the person: Re: ");
		assertThat(this.page.locator("#timeline .reply-text")).containsText("ett konto under ett gammalt namn");
		org.assertj.core.api.Assertions.assertThat(Axe.violations(this.page)).isEmpty();
	}

}
