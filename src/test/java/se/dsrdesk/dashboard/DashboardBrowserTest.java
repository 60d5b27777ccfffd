package se.dsrdesk.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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
 * overdue request in the overdue list, sees the chart drawn from its table, opens the
 * request from the list, goes back and downloads the CSV of the period. The dashboard
 * counts every request in the database, so the test starts and ends with none (as
 * DashboardTest does).
 */
class DashboardBrowserTest extends BrowserTest {

	@Autowired
	AccountService accounts;

	@Autowired
	RequestService requests;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	@AfterEach
	void leaveNoRequests() {
		// A truncation bypasses the application: the dashboard's counts go with it.
		this.jdbc.execute("truncate table dsr_request, data_subject cascade");
		this.jdbc.execute("truncate table dashboard_running_deadline, dashboard_received, dashboard_answered");
	}

	@Test
	void complianceOfficerOpensAnOverdueRequestFromTheDashboardAndDownloadsTheCsv() throws IOException {
		// Received 300 days ago: overdue, and inside the default period of 12 months.
		DsrRequest request = this.requests.register(new NewRequest("Browser Person", null, null, "en",
				RequestType.ERASURE, Channel.LETTER, "Erase me.", Instant.now().minus(Duration.ofDays(300))),
				Actor.SYSTEM);
		try {
			signIn(TestAccounts.create(this.accounts, Role.COMPLIANCE_OFFICER), TestAccounts.PASSWORD);
			this.page.locator("#dashboard-link").click();
			assertThat(this.page).hasURL(baseUrl() + "/staff/dashboard");
			Locator row = this.page.locator("#overdue-table tbody tr").first();
			assertThat(row).hasAttribute("data-reference", request.getReference());
			assertThat(row).containsText("Overdue by");
			assertThat(row).containsText("Unassigned");
			// The chart is drawn once the deferred scripts have run.
			this.page
				.waitForFunction("() => !!window.Chart && !!Chart.getChart(document.getElementById('received-chart'))");

			row.getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
			assertThat(this.page).hasURL(baseUrl() + "/staff/requests/" + request.getId());
			assertThat(this.page.locator("h1")).containsText(request.getReference());

			this.page.goBack();
			Download download = this.page.waitForDownload(() -> this.page.locator("#csv-link").click());
			assertThat(download.suggestedFilename()).startsWith("requests_").endsWith(".csv");
			String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
			assertThat(csv).startsWith("\uFEFF").contains(request.getReference() + ";");
		}
		finally {
			this.requests.withdraw(request.getId(), null, Actor.SYSTEM);
		}
	}

}
