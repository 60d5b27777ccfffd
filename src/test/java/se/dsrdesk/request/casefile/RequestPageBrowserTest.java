package se.dsrdesk.request.casefile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
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
		panel("Ask the person for more information");
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
		panel("Extend the deadline");
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
		// Sending checks the session first (drafts.js) and then completes the request:
		// allow for a loaded machine.
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText(
				"The answer letter was queued and the request completed.",
				new LocatorAssertions.HasTextOptions().setTimeout(20_000));
		assertThat(this.page.locator("#request-status")).hasText("Completed");
		assertThat(this.page.locator("#timeline")).containsText("Request completed");
	}

	@Test
	void theNextStepComesFirstAndWithdrawingIsConfirmed() {
		String handlerEmail = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		this.request = this.requests.register(
				new NewRequest("Bo Person", null, null, "en", RequestType.ERASURE, Channel.EMAIL, "Delete me.", null),
				Actor.SYSTEM);
		signIn(handlerEmail, TestAccounts.PASSWORD);
		this.page.navigate("/staff/requests/" + this.request.getId());

		// One primary action for a new request; the others in closed panels.
		assertThat(this.page.locator("#next-step")).containsText("Take the request up");
		assertThat(this.page.locator("#next-step .btn-primary")).hasText("Take up");
		assertThat(this.page.locator("#request-progress [aria-current=step]")).containsText("Identity");
		assertThat(this.page.locator("#actions details[open]")).hasCount(0);
		assertThat(this.page.locator("#overdue-banner")).hasCount(0);

		// Panels open one at a time.
		panel("Assign");
		panel("Reject the request");
		assertThat(this.page.locator("#actions details[open]")).hasCount(1);
		assertThat(this.page.locator("#reject-panel")).hasAttribute("open", "");

		// Marking withdrawn asks first, naming the consequence; Cancel keeps the request.
		panel("The person withdrew the request");
		Locator open = this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mark withdrawn…"));
		open.click();
		Locator dialog = this.page.getByRole(AriaRole.DIALOG);
		assertThat(dialog).isVisible();
		assertThat(dialog).containsText("This cannot be undone");
		assertThat(Axe.violations(this.page)).isEmpty();
		dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cancel")).click();
		assertThat(dialog).hasCount(0);
		assertThat(this.page.locator("#request-status")).hasText("New");

		// By keyboard: Enter on the link opens it, Escape closes it, focus returns.
		open.focus();
		this.page.keyboard().press("Enter");
		assertThat(dialog).isVisible();
		this.page.keyboard().press("Escape");
		assertThat(dialog).hasCount(0);
		assertThat(open).isFocused();

		// Without JavaScript the link leads to the same confirmation, open on the page.
		BrowserContext noScript = this.context.browser()
			.newContext(contextOptions().setJavaScriptEnabled(false).setStorageState(this.context.storageState()));
		try {
			Page plain = noScript.newPage();
			plain.navigate("/staff/requests/" + this.request.getId());
			plain.locator("#withdraw-panel summary").click();
			plain.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mark withdrawn…")).click();
			assertThat(plain.locator("#confirm-withdraw")).isVisible();
			plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark withdrawn").setExact(true))
				.press("Enter");
			assertThat(plain.locator("#request-status")).hasText("Withdrawn");
		}
		finally {
			noScript.close();
		}
	}

	@Test
	void anOverdueRequestSaysSoAndWhatToDo() {
		String handlerEmail = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		this.request = this.requests.register(new NewRequest("Cy Person", null, null, "en", RequestType.ACCESS,
				Channel.EMAIL, "Everything.", Instant.now().minus(Duration.ofDays(45))), Actor.SYSTEM);
		signIn(handlerEmail, TestAccounts.PASSWORD);
		this.page.navigate("/staff/requests/" + this.request.getId());

		assertThat(this.page.locator("#overdue-banner")).containsText("days overdue");
		assertThat(this.page.locator("#overdue-banner")).containsText("tell the person of the delay");
		assertThat(this.page.locator("#deadline-days-left")).hasClass(Pattern.compile(".*urgency-overdue.*"));
		assertThat(this.page.locator("#extend-panel")).hasCount(0);
		assertThat(this.page.locator("#extend-gone")).containsText("can no longer be extended");
		assertThat(Axe.violations(this.page)).isEmpty();

	}

	private void panel(String name) {
		this.page.locator("#actions summary", new Page.LocatorOptions().setHasText(name)).first().click();
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
