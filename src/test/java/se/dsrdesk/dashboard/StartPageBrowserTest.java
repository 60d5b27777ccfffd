package se.dsrdesk.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.Axe;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.OpenedRequests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: the start page after sign-in. A case handler sees their requests counted
 * by urgency with the overdue one first and linked, their open tasks, and what is overdue
 * overall; a compliance officer sees what needs attention, counted, in Swedish. Axe on
 * each.
 */
class StartPageBrowserTest extends BrowserTest {

	@Autowired
	RequestService requests;

	@Autowired
	AccountService accounts;

	@Autowired
	StaffUserRepository staff;

	@Autowired
	JdbcTemplate jdbc;

	final List<Long> opened = new ArrayList<>();

	@Override
	protected Browser.NewContextOptions contextOptions() {
		// Only to inject axe-core: the application's CSP forbids inline script.
		return super.contextOptions().setBypassCSP(true);
	}

	@AfterEach
	void closeWhatWasOpened() {
		OpenedRequests.close(this.jdbc, this.opened);
	}

	@Test
	void aCaseHandlerSeesTheirRequestsByUrgencyTheirTasksAndWhatIsOverdue() {
		String email = "handler-" + UUID.randomUUID() + "@example.com";
		this.accounts.create(email, "Start Handler", EnumSet.of(Role.CASE_HANDLER), "en", TestAccounts.PASSWORD,
				Actor.SYSTEM);
		long me = this.staff.findByEmail(email).orElseThrow().getId();
		DsrRequest recent = registered(Instant.now().minus(Duration.ofDays(2)));
		DsrRequest late = registered(Instant.now().minus(Duration.ofDays(45)));
		this.requests.assign(recent.getId(), null, me, Actor.SYSTEM);
		this.requests.assign(late.getId(), null, me, Actor.SYSTEM);

		signIn(email, TestAccounts.PASSWORD);
		assertThat(this.page).hasURL(java.util.regex.Pattern.compile(".*/staff$"));
		assertThat(this.page.locator("#mine-overdue .badge")).hasText("1");
		assertThat(this.page.locator("#mine-open .badge")).hasText("2");
		assertThat(this.page.locator("#my-requests-table tbody tr")).hasCount(2);
		assertThat(this.page.locator("#my-requests-table tbody tr").first()).hasAttribute("data-reference",
				late.getReference());
		assertThat(this.page.locator("#my-requests-table tbody tr").first()).containsText("Overdue by");
		assertThat(this.page.locator("#task-count")).hasText("0");
		assertThat(this.page.locator("#no-my-tasks")).hasText("You have no open tasks.");
		assertThat(this.page.locator("#overdue-overall-count")).not().hasText("0");
		assertThat(this.page.locator("#attention")).hasCount(0);
		assertThat(Axe.violations(this.page)).isEmpty();

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(late.getReference())).first().click();
		assertThat(this.page).hasURL(java.util.regex.Pattern.compile(".*/staff/requests/" + late.getId() + "$"));
	}

	@Test
	void aComplianceOfficerSeesWhatNeedsAttentionInSwedish() {
		registered(Instant.now().minus(Duration.ofDays(45)));
		String email = TestAccounts.create(this.accounts, Role.COMPLIANCE_OFFICER);
		signIn(email, TestAccounts.PASSWORD);
		this.page.navigate("/staff?lang=sv");
		assertThat(this.page.locator("#attention-heading")).hasText("Behöver åtgärdas");
		assertThat(this.page.locator("#overdue-overall-heading")).containsText("Försenade, alla ärenden");
		assertThat(this.page.locator("#overdue-overall-count")).not().hasText("0");
		assertThat(this.page.locator("#my-requests")).hasCount(0);
		assertThat(this.page.locator("#my-tasks")).hasCount(0);
		assertThat(this.page.locator("#dashboard-link")).isVisible();
		assertThat(Axe.violations(this.page)).isEmpty();
		this.page.locator("#overdue-overall-table a").first().click();
		assertThat(this.page).hasURL(java.util.regex.Pattern.compile(".*/staff/requests/\\d+$"));
	}

	private DsrRequest registered(Instant receivedAt) {
		DsrRequest request = this.requests.register(new NewRequest("Start Person", null, null, "en", RequestType.ACCESS,
				Channel.EMAIL, "Everything you hold.", receivedAt), Actor.SYSTEM);
		this.opened.add(request.getId());
		return request;
	}

}
