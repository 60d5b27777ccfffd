package se.dsrdesk.answer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.location.connector.NewFinding;
import se.dsrdesk.location.connector.TaskFindings;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.Axe;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MailServer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: the case handler prepares an access answer's package from the answer page;
 * the build's page answers at once, says it is waiting with the send button disabled,
 * reloads itself (no script needed) until the files are ready, then lists them and lets
 * the handler send.
 */
class AnswerBuildBrowserTest extends BrowserTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	LocationService locations;

	@Autowired
	AccountService accounts;

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskFindings findings;

	@Autowired
	AnswerBuildRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	DataLocation crm;

	DsrRequest request;

	@Override
	protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
		// Axe is injected as a script.
		return super.contextOptions().setBypassCSP(true);
	}

	@AfterEach
	void closeWhatWasOpened() {
		if (this.request != null) {
			this.jdbc.update(
					"update dsr_request set status = 'COMPLETED', closed_at = created_at"
							+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')",
					this.request.getId());
			this.jdbc.update("update answer_build set status = 'FAILED' where request_id = ? and status in"
					+ " ('QUEUED', 'RUNNING')", this.request.getId());
		}
		if (this.crm != null) {
			this.jdbc.update("update data_location set active = false where id = ?", this.crm.getId());
		}
	}

	@Test
	void thePackageIsPreparedInTheBackgroundWhileItsPageShowsProgressThenSent() {
		String handlerEmail = "handler-" + UUID.randomUUID() + "@example.com";
		this.accounts.create(handlerEmail, "Hanna Handläggare", EnumSet.of(Role.CASE_HANDLER), "en",
				TestAccounts.PASSWORD, Actor.SYSTEM);
		String id = UUID.randomUUID().toString().substring(0, 8);
		this.crm = this.locations.create(new LocationDetails(new LocalizedText("Kundregister " + id, "CRM " + id),
				new LocalizedText(null, null), LocationKind.OTHER, null, new LocalizedText(null, null),
				new LocalizedText(null, null), LegalBasis.CONTRACT, List.of(), new LocalizedText(null, null),
				new LocalizedText("Två år", "Two years"), 24, new LocalizedText(null, null),
				new LocalizedText(null, null), 12, EnumSet.of(RequestType.ACCESS)), Actor.SYSTEM);
		String email = "person-" + UUID.randomUUID() + "@example.com";
		this.request = this.requests.register(new NewRequest("Erik Eriksson", email, null, "en", RequestType.ACCESS,
				Channel.EMAIL, "What do you hold about me?", null), Actor.SYSTEM);
		long requestId = this.request.getId();
		this.requests.startWork(requestId, null, Actor.SYSTEM);
		this.requests.verifyIdentity(requestId, null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(requestId)
			.stream()
			.filter((t) -> t.getLocation().getId().equals(this.crm.getId()))
			.findFirst()
			.orElseThrow();
		List<NewFinding> found = new ArrayList<>();
		found.add(NewFinding.record("Member", "crm:members/1", Map.of("Name", "Erik Eriksson", "Email", email)));
		for (int i = 0; i < 5; i++) {
			found.add(NewFinding.file("Mail " + i, "imap:INBOX/" + i, "mail-" + i + ".eml", "message/rfc822",
					("Subject: Invoice " + i + "\n\nHello!\n").getBytes(StandardCharsets.UTF_8)));
		}
		this.findings.add(task.getId(), found, Actor.SYSTEM);
		this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.FOUND, "Looked up.", "A membership and five mails", null, null, null),
				Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, requestId);

		signIn(handlerEmail, TestAccounts.PASSWORD);
		this.page.navigate("/staff/requests/" + requestId + "/answer");
		button("Prepare the package for sending").click();

		// The page answers at once: waiting, the send button disabled.
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Answer package " + this.request.getReference() + ": prepared for sending");
		assertThat(this.page.locator("#build-step")).hasText("Waiting to start …");
		assertThat(this.page.locator("#build-progress")).isVisible();
		assertThat(button("Send the letter and complete")).isDisabled();
		assertThat(axe()).isEmpty();

		// The same page without JavaScript: it reloads itself.
		com.microsoft.playwright.BrowserContext noScript = this.context.browser()
			.newContext(contextOptions().setJavaScriptEnabled(false));
		noScript.addCookies(this.context.cookies());
		Page plain = noScript.newPage();
		plain.navigate(this.page.url());
		assertThat(plain.locator("#build-step")).hasText("Waiting to start …");

		// The runner builds it; the page shows the files without a reload by hand.
		this.runner.runWaiting();
		assertThat(plain.locator("#build-ready"))
			.isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
		assertThat(plain.locator("#build-files")).containsText("extract.pdf");
		noScript.close();
		assertThat(this.page.locator("#build-ready")).hasText("The package is ready: look at the files, then send.",
				new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
		Locator files = this.page.locator("#build-files");
		assertThat(files).containsText("extract.pdf");
		assertThat(files).containsText("package.zip");
		assertThat(button("Send the letter and complete")).isEnabled();
		assertThat(axe()).isEmpty();

		button("Send the letter and complete").click();
		assertThat(this.page.getByRole(AriaRole.STATUS))
			.hasText("The answer letter was queued and the request completed.");
		assertThat(this.jdbc.queryForObject("select status from answer_build where request_id = ?", String.class,
				requestId))
			.isEqualTo("SENT");
	}

	/**
	 * Axe on the page as it is; the waiting page reloads itself every two seconds, so a
	 * check that a reload interrupted is run again on the reloaded page.
	 */
	private List<String> axe() {
		for (int attempt = 1;; attempt++) {
			try {
				return Axe.violations(this.page);
			}
			catch (com.microsoft.playwright.PlaywrightException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
