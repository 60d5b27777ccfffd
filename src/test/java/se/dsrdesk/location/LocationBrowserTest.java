package se.dsrdesk.location;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In Chromium: an admin edits a data location, a case handler records a task's outcome
 * (in English), and the register reads in Swedish.
 */
class LocationBrowserTest extends BrowserTest {

	@Value("${dsr.admin.email}")
	String adminEmail;

	@Value("${dsr.admin.password}")
	String adminPassword;

	@Autowired
	LocationService locations;

	@Autowired
	AccountService accounts;

	@Autowired
	RequestService requests;

	@Autowired
	JdbcTemplate jdbc;

	DataLocation location;

	DsrRequest request;

	@AfterEach
	void closeWhatWasOpened() {
		if (this.request != null) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at where id = ?",
					this.request.getId());
		}
		if (this.location != null) {
			this.jdbc.update("update data_location set active = false where id = ?", this.location.getId());
		}
	}

	@Test
	void anAdminEditsALocationAndACaseHandlerRecordsAnOutcome() {
		String handlerEmail = "handler-" + UUID.randomUUID() + "@example.com";
		StaffUser handler = this.accounts.create(handlerEmail, "Hanna Handläggare", EnumSet.of(Role.CASE_HANDLER), "en",
				TestAccounts.PASSWORD, Actor.SYSTEM);
		String name = "Support desk " + UUID.randomUUID().toString().substring(0, 8);
		this.location = this.locations.create(new LocationDetails(new LocalizedText("Supportärenden", name),
				new LocalizedText(null, null), LocationKind.OTHER, handler, new LocalizedText(null, null),
				new LocalizedText(null, null), LegalBasis.CONTRACT, List.of(), new LocalizedText(null, null),
				new LocalizedText("Två år", "Two years"), 24, new LocalizedText(null, "Search by email; delete."),
				new LocalizedText(null, null), 12, EnumSet.of(RequestType.ERASURE)), Actor.SYSTEM);

		// The admin renames it and shortens the review interval, with a mistake first.
		signIn(this.adminEmail, this.adminPassword);
		navigateTo("Data locations");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit").setExact(true)).click();
		this.page.getByLabel("Name (English)").fill(name + " tickets");
		this.page.getByLabel("Review interval (months)").fill("0");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
		assertThat(this.page.locator("#reviewIntervalMonths-error")).hasText("Enter a number of months from 1 to 120.");
		assertThat(this.page.getByLabel("Name (English)")).hasValue(name + " tickets");
		this.page.getByLabel("Review interval (months)").fill("6");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("The changes were saved.");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText(name + " tickets");
		assertThat(this.page.locator("#location-details")).containsText("Every 6 months");
		signOut();

		// An erasure request is taken up: the case handler owns the location, so the task
		// is theirs.
		DsrRequest registered = this.requests.register(new NewRequest("Åsa Öberg", "asa@exempel.se", null, "sv",
				RequestType.ERASURE, Channel.EMAIL, null, null), Actor.SYSTEM);
		this.request = this.requests.startWork(registered.getId(), null, Actor.SYSTEM);

		signIn(handlerEmail, TestAccounts.PASSWORD);
		navigateTo("My tasks");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name + " tickets")).click();
		this.page.getByLabel("Retained on a legal ground").check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record outcome")).click();
		assertThat(this.page.locator("#note-error")).hasText("Fill in this field.");
		assertThat(this.page.locator("#ground-error")).hasText("Choose the legal ground for keeping the data.");
		assertThat(this.page.getByLabel("Retained on a legal ground")).isChecked();

		this.page.getByLabel("Note: what you checked and did").fill("Two tickets hold a disputed invoice.");
		this.page.getByLabel("Legal ground", new Page.GetByLabelOptions().setExact(true)).selectOption("LEGAL_CLAIMS");
		this.page.getByLabel("Kept until").fill("2030-01-31");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record outcome")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("The outcome was recorded.");
		assertThat(this.page.locator("#request-tasks")).containsText("Retained on a legal ground");
		assertThat(this.page.getByRole(AriaRole.MAIN)).containsText("kept until");
	}

	@Test
	void theRegisterReadsInSwedish() {
		Browser browser = this.context.browser();
		try (BrowserContext swedish = browser.newContext(
				new Browser.NewContextOptions().setLocale("sv-SE").setBaseURL("http://localhost:" + this.port))) {
			this.page = swedish.newPage();
			signIn(this.adminEmail, this.adminPassword);
			navigateTo("Dataplatser");
			assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.hasText("Dataplatser");
			assertThat(this.page.locator("#locations")).containsText("Nyhetsbrevslistan i Mailchimp");
			assertThat(this.page.locator("#locations")).containsText("Bokföringsunderlag");
			assertThat(this.page.locator("#locations")).containsText("Rättslig förpliktelse");
			assertThat(this.page.locator("html")).hasAttribute("lang", "sv");
		}
	}

}
