package se.dsrdesk.request.casefile;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.support.Axe;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.system.DisplayFormats;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a case handler opens a request, takes it up, asks the person for
 * information (the letter arrives over SMTP), resumes, extends with a reason, is refused
 * completion while a task is open, records the tasks' outcomes on the location pages and
 * completes.
 */
class RequestPageBrowserTest extends BrowserTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	RequestService requests;

	@Autowired
	AccountService accounts;

	@Autowired
	DisplayFormats formats;

	@Autowired
	JdbcTemplate jdbc;

	DsrRequest request;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		// Only to inject axe-core: the application's CSP forbids inline script.
		return super.contextOptions().setBypassCSP(true);
	}

	@AfterEach
	void closeWhatWasOpened() {
		if (this.request != null) {
			this.jdbc.update(
					"update dsr_request set status = 'COMPLETED', closed_at = created_at"
							+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')",
					this.request.getId());
		}
	}

	@Test
	void aCaseHandlerWorksARequestFromTakingItUpToCompletion() {
		String handlerEmail = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		String personEmail = "person-" + UUID.randomUUID() + "@example.com";
		this.request = this.requests.register(new NewRequest("Ada Person", personEmail, null, "en", RequestType.ACCESS,
				Channel.EMAIL, "What do you hold about me?", null), Actor.SYSTEM);

		signIn(handlerEmail, TestAccounts.PASSWORD);
		this.page.navigate("/staff/requests/" + this.request.getId());
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Request " + this.request.getReference());
		assertThat(this.page.locator("#request-status")).hasText("New");
		assertThat(Axe.violations(this.page)).isEmpty();

		button("Take up").click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("The request was taken up; its tasks were created.");
		assertThat(this.page.locator("#request-status")).hasText("In progress");
		assertThat(this.page.locator("#request-checklist")).containsText("Open");

		// Ask for information: the clock stops and the person gets the letter.
		this.page.getByLabel("To confirm the person's identity (the clock stops, Art. 12(6))").check();
		this.page.getByLabel("What we need from the person").fill("Your customer number, please.");
		button("Send and pause the clock").click();
		assertThat(this.page.getByRole(AriaRole.STATUS))
			.hasText("The clock is paused and the person was asked for the information.");
		assertThat(this.page.locator("#days-left")).hasText("Clock paused");
		List<MimeMessage> letters = mail.awaitMessagesTo(personEmail, 1, Duration.ofSeconds(10));
		assertThat(letters).hasSize(1);
		assertThat(MailServer.text(letters.get(0))).contains("Your customer number, please.");

		button("Resume the clock").click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("The clock runs again.");
		assertThat(this.page.locator("#request-status")).hasText("In progress");

		// Extend by one month with a reason: the panel shows the new date and the notice.
		this.page.getByLabel("By one month").check();
		this.page.getByLabel("Why more time is needed (told to the person)").fill("Many systems to search.");
		button("Extend and send the notice").click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("The deadline was extended and the notice queued.");
		DsrRequest extended = this.requests.get(this.request.getId());
		assertThat(extended.getEffectiveDeadline()).isAfter(extended.getOriginalDeadline());
		assertThat(this.page.locator("#effective-deadline"))
			.hasText(this.formats.date(extended.getEffectiveDeadline()));
		assertThat(this.page.locator("#extension")).containsText("One month: Many systems to search.");
		assertThat(this.page.locator("#extension")).containsText("Notice");

		// Completing with a task open is refused with the message.
		button("Complete request").click();
		assertThat(this.page.locator("#answer-open-tasks")).isVisible();
		assertThat(Axe.violations(this.page)).isEmpty();
		button("Send the letter and complete").click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("This request still has open tasks.");
		this.page.navigate("/staff/requests/" + this.request.getId());
		button("Add note").click();
		assertThat(this.page.locator("#noteText-error")).hasText("Write the note.");
		assertThat(Axe.violations(this.page)).isEmpty();
		this.page.getByLabel("New note (staff only)").fill("Checked with the newsletter team.");
		button("Add note").click();
		assertThat(this.page.locator("#notes")).containsText("Checked with the newsletter team.");
		assertThat(this.page.locator("#request-status")).hasText("In progress");

		// Record every task's outcome on the location pages.
		Locator openTask = this.page.locator("#request-checklist tr", new Page.LocatorOptions().setHasText("Open"))
			.locator("a");
		int guard = 0;
		while (openTask.count() > 0 && guard++ < 50) {
			openTask.first().click();
			this.page.getByLabel("Not found", new Page.GetByLabelOptions().setExact(true)).check();
			this.page.getByLabel("Note: what you checked and did").fill("Searched by email address; nothing.");
			button("Record outcome").click();
			assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("The outcome was recorded.");
			this.page.navigate("/staff/requests/" + this.request.getId());
		}
		assertThat(this.page.locator("#request-checklist")).not().containsText("Open");

		// An access answer discloses data: refused until the identity check is recorded;
		// the page says why and links to the step.
		button("Complete request").click();
		assertThat(this.page.locator("#answer-identity")).containsText("discloses personal data");
		button("Send the letter and complete").click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("This answer discloses personal data");
		assertThat(this.page.locator("#request-status")).not().isVisible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record the identity check")).click();
		this.page.getByLabel("Known email address").check();
		button("Mark identity verified").click();
		assertThat(this.page.locator("#identity")).containsText("Verified: Known email address");

		button("Complete request").click();
		assertThat(this.page.locator("#answer-identity")).hasCount(0);
		assertThat(this.page.locator("#answerText")).isVisible();
		assertThat(this.page.locator("#answerText").inputValue()).contains("Hello Ada Person,");
		button("Send the letter and complete").click();
		assertThat(this.page.getByRole(AriaRole.STATUS))
			.hasText("The answer letter was queued and the request completed.");
		assertThat(this.page.locator("#request-status")).hasText("Completed");
		assertThat(this.page.locator("#timeline")).containsText("Request completed");
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
