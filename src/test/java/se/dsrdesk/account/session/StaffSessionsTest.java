package se.dsrdesk.account.session;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.account.token.ApiTokens;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.support.ApiClient;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sessions live in the database (Spring Session JDBC) and end when access ends: a
 * deactivated account, a removed role, a new password. Real HTTP against the running
 * application, so that the session cookie and the session table are the real ones.
 */
@IntegrationTest
class StaffSessionsTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	ApiTokens apiTokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	HttpVisitor signedIn(String email) {
		HttpVisitor visitor = new HttpVisitor(this.port, "en");
		HttpResponse<String> response = visitor.signIn(email, TestAccounts.PASSWORD);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/staff"));
		assertThat(visitor.get("/staff").statusCode()).isEqualTo(200);
		return visitor;
	}

	long idOf(String email) {
		return this.jdbc.queryForObject("select id from staff_user where email = ?", Long.class, email);
	}

	int sessionRows(String email) {
		return this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
				email);
	}

	static void assertSignedOut(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

	@Test
	void aSignInIsKeptInTheDatabaseWhereEveryInstanceFindsIt() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		signedIn(email);
		assertThat(sessionRows(email)).isEqualTo(1);
	}

	@Test
	void aDeactivatedAccountsOpenSessionIsRefusedAtItsNextRequestOnPagesAndTheApi() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor browser = signedIn(email);
		StaffPrincipal principal = (StaffPrincipal) this.userDetailsService.loadUserByUsername(email);
		String token = this.apiTokens.create(principal, "script", Duration.ofDays(30)).secret();
		ApiClient api = new ApiClient(this.port).bearer(token);
		assertThat(api.get("/api/v1/requests").status()).isEqualTo(200);
		assertThat(new ApiClient(this.port).basic(email, TestAccounts.PASSWORD).get("/api/v1/requests").status())
			.isEqualTo(200);

		this.accounts.deactivate(idOf(email), Actor.SYSTEM);

		assertSignedOut(browser.get("/staff"));
		assertSignedOut(browser.get("/staff/requests"));
		assertThat(sessionRows(email)).isZero();
		assertThat(api.get("/api/v1/requests").status()).isEqualTo(401);
		assertThat(new ApiClient(this.port).basic(email, TestAccounts.PASSWORD).get("/api/v1/requests").status())
			.isEqualTo(401);
		assertThat(auditDetails(email, "SESSIONS_ENDED")).contains("1 (deactivated)");
	}

	@Test
	void aRemovedRoleStopsWorkingAtOnce() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER, Role.COMPLIANCE_OFFICER);
		HttpVisitor browser = signedIn(email);
		assertThat(browser.get("/staff/dashboard").statusCode()).isEqualTo(200);
		long id = idOf(email);
		long version = this.jdbc.queryForObject("select version from staff_user where id = ?", Long.class, id);

		this.accounts.update(id, version, email, "Test User", EnumSet.of(Role.CASE_HANDLER), "en", Actor.SYSTEM);

		assertSignedOut(browser.get("/staff/dashboard"));
		HttpVisitor again = signedIn(email);
		assertThat(again.get("/staff/dashboard").statusCode()).isEqualTo(403);
	}

	@Test
	void aPasswordChangeEndsTheOtherSessionsAndKeepsThisOne() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor here = signedIn(email);
		HttpVisitor elsewhere = signedIn(email);
		assertThat(sessionRows(email)).isEqualTo(2);

		String newPassword = "a new and rather long passphrase";
		HttpResponse<String> changed = here.submit("/staff/account/password", "/staff/account/password", Map
			.of("currentPassword", TestAccounts.PASSWORD, "newPassword", newPassword, "confirmPassword", newPassword));

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(here.get("/staff").statusCode()).isEqualTo(200);
		assertSignedOut(elsewhere.get("/staff"));
		assertThat(sessionRows(email)).isEqualTo(1);
	}

	@Test
	void anAdminsPasswordResetEndsEverySession() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor browser = signedIn(email);
		this.accounts.resetPassword(idOf(email), "another long password here", Actor.SYSTEM);
		assertSignedOut(browser.get("/staff"));
	}

	@Test
	void theOwnerSeesTheirSessionsAndEndsTheOthers() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor here = signedIn(email);
		HttpVisitor elsewhere = signedIn(email);
		HttpResponse<String> page = here.get("/staff/account/sessions");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("This session").contains("End all other sessions");
		assertThat(page.body().split("/staff/account/sessions/[0-9a-f]{32}/end", -1)).hasSize(2);
		// The page names sessions by a digest, never by the id that the cookie carries.
		String otherId = this.jdbc
			.queryForList("select session_id from spring_session where principal_name = ?", String.class, email)
			.get(0);
		assertThat(page.body()).doesNotContain(otherId);

		HttpResponse<String> ended = here.submit("/staff/account/sessions", "/staff/account/sessions/end-others",
				Map.of());

		assertThat(ended.statusCode()).isEqualTo(302);
		assertSignedOut(elsewhere.get("/staff"));
		assertThat(here.get("/staff/account/sessions").body()).contains("This session")
			.doesNotContain("End all other sessions");
	}

	@Test
	void theOwnerEndsOneOtherSessionByItsHandle() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor here = signedIn(email);
		HttpVisitor elsewhere = signedIn(email);
		String page = here.get("/staff/account/sessions").body();
		java.util.regex.Matcher action = java.util.regex.Pattern.compile("/staff/account/sessions/([0-9a-f]{32})/end")
			.matcher(page);
		assertThat(action.find()).isTrue();

		assertThat(here.submit("/staff/account/sessions", action.group(), Map.of()).statusCode()).isEqualTo(302);

		assertSignedOut(elsewhere.get("/staff"));
		assertThat(here.get("/staff").statusCode()).isEqualTo(200);
	}

	@Test
	void anAdminEndsAnAccountsSessions() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor browser = signedIn(email);
		HttpVisitor admin = signedIn(TestAccounts.create(this.accounts, Role.ADMIN));
		String account = "/staff/admin/accounts/" + idOf(email);

		assertThat(admin.submit(account, account + "/sessions/end", Map.of()).statusCode()).isEqualTo(302);

		assertSignedOut(browser.get("/staff"));
		assertThat(browser.submit("/login", "/login", Map.of()).statusCode()).isNotEqualTo(500);
	}

	@Test
	void aCaseHandlerCannotEndSomeoneElsesSessions() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor browser = signedIn(email);
		HttpVisitor colleague = signedIn(TestAccounts.create(this.accounts, Role.CASE_HANDLER));
		String action = "/staff/admin/accounts/" + idOf(email) + "/sessions/end";
		assertThat(colleague.submit("/staff", action, Map.of()).statusCode()).isEqualTo(403);
		assertThat(browser.get("/staff").statusCode()).isEqualTo(200);
	}

	@Test
	void aSessionEndsAfterItsAbsoluteLifetimeHoweverBusy() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor browser = signedIn(email);
		this.clock.advance(Duration.ofHours(11).plusMinutes(59));
		assertThat(browser.get("/staff").statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(2));
		assertSignedOut(browser.get("/staff"));
		assertThat(sessionRows(email)).isZero();
	}

	@Test
	void anonymousRequestsToStaffUrlsAndFailedSignInsCreateNoSession() {
		int before = anonymousSessionRows();
		HttpVisitor visitor = new HttpVisitor(this.port, "en");
		Set<String> paths = Set.of("/staff", "/staff/requests", "/staff/dashboard", "/staff/admin/accounts",
				"/staff/requests/1", "/staff/tasks");
		int sent = 0;
		while (sent < 1000) {
			for (String path : paths) {
				HttpResponse<String> response = visitor.get(path);
				assertThat(response.statusCode()).isEqualTo(302);
				assertThat(response.headers().allValues("Set-Cookie")).noneMatch((c) -> c.startsWith("JSESSIONID"));
				sent++;
			}
		}
		HttpResponse<String> failed = visitor.signIn("nobody@example.com", "not the password at all");
		assertThat(failed.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?error"));
		assertThat(failed.headers().allValues("Set-Cookie")).noneMatch((c) -> c.startsWith("JSESSIONID"));
		assertThat(visitor.get("/login?error").body()).contains("value=\"nobody@example.com\"");
		assertThat(anonymousSessionRows()).isEqualTo(before);
	}

	@Test
	void theSignInPageStillTakesTheVisitorBackToThePageTheyAskedFor() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor visitor = new HttpVisitor(this.port, "en");
		assertThat(visitor.get("/staff/requests").statusCode()).isEqualTo(302);
		HttpResponse<String> response = visitor.signIn(email, TestAccounts.PASSWORD);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).contains("/staff/requests"));
	}

	int anonymousSessionRows() {
		return this.jdbc.queryForObject("select count(*) from spring_session where principal_name is null",
				Integer.class);
	}

	java.util.List<String> auditDetails(String email, String action) {
		return this.jdbc.queryForList("select details from audit_event where action = ? and target_id = ?",
				String.class, action, String.valueOf(idOf(email)));
	}

}
