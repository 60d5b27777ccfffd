package se.dsrdesk.dashboard;

import java.time.Duration;
import java.time.Instant;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compliance officer signs in, goes from the start page to the dashboard, finds an
 * overdue request in the overdue list, sees the chart drawn from its table, and opens the
 * request from the list.
 */
class DashboardBrowserTest extends BrowserTest {

	@Autowired
	AccountService accounts;

	@Autowired
	RequestService requests;

	@Test
	void complianceOfficerOpensAnOverdueRequestFromTheDashboard() {
		// Received 400 days ago: overdue by far more than anything other tests leave
		// open,
		// so it heads the list however full the shared database is.
		DsrRequest request = this.requests.register(new NewRequest("Browser Person", null, null, "en",
				RequestType.ERASURE, Channel.LETTER, "Erase me.", Instant.now().minus(Duration.ofDays(400))),
				Actor.SYSTEM);
		try {
			signIn(TestAccounts.create(this.accounts, Role.COMPLIANCE_OFFICER), TestAccounts.PASSWORD);
			this.page.locator("#dashboard-link").click();
			assertThat(this.page).hasURL(baseUrl() + "/staff/dashboard");
			Locator row = this.page.locator("#overdue-table tbody tr").first();
			assertThat(row).hasAttribute("data-reference", request.getReference());
			assertThat(row).containsText("Overdue by");
			assertThat(row).containsText("Unassigned");
			assertThat(this.page.evaluate("() => !!Chart.getChart(document.getElementById('received-chart'))"))
				.isEqualTo(true);

			row.getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
			assertThat(this.page).hasURL(baseUrl() + "/staff/requests/" + request.getId());
			assertThat(this.page.locator("h1")).containsText(request.getReference());
		}
		finally {
			this.requests.withdraw(request.getId(), null, Actor.SYSTEM);
		}
	}

}
