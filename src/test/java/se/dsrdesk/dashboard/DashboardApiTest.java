package se.dsrdesk.dashboard;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.token.ApiTokens;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.ApiClient;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's counts over the REST API: the same read service as the page, for
 * compliance officers and admins only, with a period checked as the page checks it.
 */
@IntegrationTest
class DashboardApiTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Dashboard dashboard;

	ApiClient client(Role... roles) {
		StaffPrincipal user = TestAccounts.signedIn(this.accounts, this.userDetailsService, roles);
		return new ApiClient(this.port).bearer(this.tokens.create(user, "test", null).secret());
	}

	@Test
	void complianceOfficersReadTheSameCountsAsThePage() {
		ApiClient.Response response = client(Role.COMPLIANCE_OFFICER).get("/api/v1/dashboard");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode json = response.json();
		Glance glance = this.dashboard.glance();
		assertThat(json.path("today").asString()).isEqualTo(glance.today().toString());
		assertThat(json.path("attention").path("overdue").asLong()).isEqualTo(glance.overdue().count());
		assertThat(json.path("attention").path("dueSoon").asLong()).isEqualTo(glance.dueSoon().count());
		assertThat(json.path("attention").path("paused").asLong()).isEqualTo(glance.paused().count());
		Dashboard.Period period = this.dashboard.defaultPeriod();
		assertThat(json.path("period").path("from").asString()).isEqualTo(period.from().toString());
		assertThat(json.path("period").path("received").asLong())
			.isEqualTo(this.dashboard.figures(period.from(), period.to()).received());
		assertThat(client(Role.ADMIN).get("/api/v1/dashboard?from=2025-01-01&to=2025-12-31")
			.json()
			.path("period")
			.path("to")
			.asString()).isEqualTo("2025-12-31");
	}

	@Test
	void caseHandlersAreRefusedAndABadPeriodIs400() {
		ApiClient.Response refused = client(Role.CASE_HANDLER).get("/api/v1/dashboard");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("type").asString()).isEqualTo("tag:dsrdesk.se,2026:problem:forbidden");
		ApiClient officer = client(Role.COMPLIANCE_OFFICER);
		ApiClient.Response reversed = officer.get("/api/v1/dashboard?from=2026-02-01&to=2026-01-01");
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.errors("to")).hasSize(1);
		assertThat(officer.get("/api/v1/dashboard?from=yesterday").errors("from")).hasSize(1);
	}

}
