package se.dsrdesk.system;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Who reaches what: the staff area needs a sign-in, the admin area the admin role, the
 * audit trail a compliance officer or an admin; changes need a CSRF token; health is
 * public but its details are not.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AccessRulesTest {

	static final String PASSWORD = TestAccounts.PASSWORD;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Nested
	class Anonymous {

		@ParameterizedTest
		@ValueSource(strings = { "/staff", "/staff/admin/accounts", "/staff/audit", "/staff/account/password",
				"/staff/dashboard", "/staff/dashboard/report", "/staff/dashboard/report.pdf", "/staff/audit/export.csv",
				"/staff/exports", "/staff/exports/requests.csv" })
		void isSentToTheSignInPage(String path) {
			MvcTestResult result = AccessRulesTest.this.mvc.get().uri(path).accept(MediaType.TEXT_HTML).exchange();
			assertThat(result).hasStatus3xxRedirection();
			assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
		}

		@Test
		void reachesThePublicPages() {
			assertThat(AccessRulesTest.this.mvc.get().uri("/")).hasStatusOk();
			assertThat(AccessRulesTest.this.mvc.get().uri("/login")).hasStatusOk();
		}

	}

	@Nested
	class CaseHandler {

		@Test
		void reachesTheStaffStartPage() {
			assertThat(get("/staff", Role.CASE_HANDLER)).hasStatusOk();
		}

		@Test
		void isRefusedTheAdminAreaAndTheAuditTrail() {
			assertThat(get("/staff/admin/accounts", Role.CASE_HANDLER)).hasStatus(403);
			assertThat(get("/staff/admin/accounts/new", Role.CASE_HANDLER)).hasStatus(403);
			assertThat(get("/staff/audit", Role.CASE_HANDLER)).hasStatus(403);
		}

		@ParameterizedTest
		@ValueSource(strings = { "/staff/dashboard", "/staff/dashboard/report", "/staff/dashboard/report.pdf" })
		void isRefusedTheDashboardAndTheYearlyReport(String path) {
			assertThat(get(path, Role.CASE_HANDLER)).hasStatus(403);
		}

		@Test
		void cannotCreateAnAccount() {
			MvcTestResult result = AccessRulesTest.this.mvc.post()
				.uri("/staff/admin/accounts")
				.with(user(principal(Role.CASE_HANDLER)))
				.with(csrf())
				.param("email", "sneaky-" + UUID.randomUUID() + "@example.com")
				.param("displayName", "Sneaky")
				.param("roles", "ADMIN")
				.param("language", "en")
				.param("password", PASSWORD)
				.exchange();
			assertThat(result).hasStatus(403);
		}

		/**
		 * The servlet container renders the error page, which MockMvc does not do, so
		 * this goes over real HTTP.
		 */
		@ParameterizedTest
		@ValueSource(strings = { "/staff/admin/accounts", "/staff/audit", "/staff/exports" })
		void seesTheFriendlyAccessDeniedPageInTheirLanguage(String path) {
			String email = newAccount(Role.CASE_HANDLER);
			HttpVisitor english = new HttpVisitor(AccessRulesTest.this.port, "en-GB,en;q=0.9");
			english.signIn(email, PASSWORD);
			HttpResponse<String> inEnglish = english.get(path);
			assertThat(inEnglish.statusCode()).isEqualTo(403);
			assertThat(inEnglish.body()).contains("<h1>Access denied</h1>", "You do not have access to this page.");

			HttpVisitor swedish = new HttpVisitor(AccessRulesTest.this.port, "sv-SE,sv;q=0.9");
			swedish.signIn(email, PASSWORD);
			HttpResponse<String> inSwedish = swedish.get(path);
			assertThat(inSwedish.statusCode()).isEqualTo(403);
			assertThat(inSwedish.body()).contains("<h1>Åtkomst nekad</h1>", "Du har inte åtkomst till den här sidan.");
		}

	}

	@Nested
	class ComplianceOfficer {

		@Test
		void readsTheAuditTrailAndTheExports() {
			assertThat(get("/staff/audit", Role.COMPLIANCE_OFFICER)).hasStatusOk();
			assertThat(get("/staff/exports", Role.COMPLIANCE_OFFICER)).hasStatusOk();
		}

		@Test
		void isRefusedTheAdminArea() {
			assertThat(get("/staff/admin/accounts", Role.COMPLIANCE_OFFICER)).hasStatus(403);
		}

		@ParameterizedTest
		@ValueSource(strings = { "/staff/dashboard", "/staff/dashboard/report" })
		void readsTheDashboardAndTheYearlyReport(String path) {
			assertThat(get(path, Role.COMPLIANCE_OFFICER)).hasStatusOk();
		}

	}

	@Nested
	class Admin {

		@Test
		void reachesTheAdminAreaAndTheAuditTrail() {
			assertThat(get("/staff/admin/accounts", Role.ADMIN)).hasStatusOk();
			assertThat(get("/staff/admin/accounts/new", Role.ADMIN)).hasStatusOk();
			assertThat(get("/staff/audit", Role.ADMIN)).hasStatusOk();
			assertThat(get("/staff/dashboard", Role.ADMIN)).hasStatusOk();
		}

		@Test
		void cannotPostWithoutACsrfToken() {
			String email = "no-token-" + UUID.randomUUID() + "@example.com";
			MvcTestResult result = AccessRulesTest.this.mvc.post()
				.uri("/staff/admin/accounts")
				.with(user(principal(Role.ADMIN)))
				.param("email", email)
				.param("displayName", "No Token")
				.param("roles", "CASE_HANDLER")
				.param("language", "en")
				.param("password", PASSWORD)
				.exchange();
			assertThat(result).hasStatus(403);
			assertThat(AccessRulesTest.this.jdbc.queryForObject("select count(*) from staff_user where email = ?",
					Integer.class, email))
				.isZero();
		}

		@Test
		void cannotPostWithAForgedCsrfToken() {
			MvcTestResult result = AccessRulesTest.this.mvc.post()
				.uri("/staff/admin/accounts")
				.with(user(principal(Role.ADMIN)))
				.with(csrf().useInvalidToken())
				.param("email", "forged-" + UUID.randomUUID() + "@example.com")
				.exchange();
			assertThat(result).hasStatus(403);
		}

	}

	@Nested
	class Health {

		/**
		 * Health says DEGRADED while a legally required notice is failed or long queued;
		 * other test classes leave such mail in the shared database (queued under fixed
		 * clocks, or failed on purpose), so it is marked handled here.
		 */
		@BeforeEach
		void noLegalNoticeLeftOver() {
			AccessRulesTest.this.jdbc
				.update("UPDATE correspondence SET status = 'FAILED', dismissed_at = CURRENT_TIMESTAMP"
						+ " WHERE status IN ('QUEUED', 'FAILED') AND dismissed_at IS NULL");
		}

		@Test
		void isPublicAndSaysUpWithoutDetails() {
			MvcTestResult result = AccessRulesTest.this.mvc.get().uri("/actuator/health").exchange();
			assertThat(result).hasStatusOk();
			assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("UP");
			assertThat(result).bodyText().doesNotContain("components", "db", "mail");
		}

		@ParameterizedTest
		@ValueSource(strings = { "ADMIN", "COMPLIANCE_OFFICER" })
		void showsTheComponentsToAdminsAndComplianceOfficers(Role role) {
			MvcTestResult result = AccessRulesTest.this.mvc.get()
				.uri("/actuator/health")
				.with(user(principal(role)))
				.exchange();
			assertThat(result).hasStatusOk();
			assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("UP");
			assertThat(result).bodyJson().extractingPath("$.components.db.status").isEqualTo("UP");
			assertThat(result).bodyJson().extractingPath("$.components.mail.details.location").isNotNull();
		}

		@Test
		void hidesTheComponentsFromCaseHandlers() {
			MvcTestResult result = AccessRulesTest.this.mvc.get()
				.uri("/actuator/health")
				.with(user(principal(Role.CASE_HANDLER)))
				.exchange();
			assertThat(result).hasStatusOk();
			assertThat(result).bodyText().doesNotContain("components");
		}

	}

	MvcTestResult get(String path, Role role) {
		return this.mvc.get().uri(path).with(user(principal(role))).accept(MediaType.TEXT_HTML).exchange();
	}

	String newAccount(Role role) {
		return TestAccounts.create(this.accounts, role);
	}

	StaffPrincipal principal(Role role) {
		return TestAccounts.signedIn(this.accounts, this.userDetailsService, role);
	}

}
