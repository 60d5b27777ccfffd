package se.dsrdesk.account.signin;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Security events reach the audit trail, naming the staff member by account id only
 * (never the email address): a sign-in with its client address, refused access (403) on a
 * page and in the API, a refused API token, a sign-out.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SecurityEventAuditTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	JdbcTemplate jdbc;

	String email;

	StaffPrincipal caseHandler;

	@BeforeEach
	void setUp() {
		this.email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		this.caseHandler = (StaffPrincipal) this.userDetailsService.loadUserByUsername(this.email);
	}

	List<Map<String, Object>> lines(String action) {
		return this.jdbc.queryForList(
				"select actor_label, target_id, details from audit_event where actor_id = ? and action = ? order by id",
				this.caseHandler.id(), action);
	}

	@Test
	void aSignInNamesTheClientAddressAndTheAccountById() {
		assertThat(this.mvc.post()
			.uri("/login")
			.param("email", this.email)
			.param("password", TestAccounts.PASSWORD)
			.with(csrf())
			.with((request) -> {
				request.setRemoteAddr("192.0.2.44");
				return request;
			})).hasRedirectedUrl("/staff");
		assertThat(lines("SIGN_IN")).singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("actor_label", "staff-user:" + this.caseHandler.id())
				.containsEntry("details", "from 192.0.2.44"));
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where actor_label = ?", Long.class,
				this.email))
			.isZero();
	}

	@Test
	void refusedAccessToAPageAndToTheApi() {
		assertThat(this.mvc.get().uri("/staff/admin/accounts").with(user(this.caseHandler))).hasStatus(403);
		String basic = Base64.getEncoder().encodeToString((this.email + ":" + TestAccounts.PASSWORD).getBytes());
		assertThat(this.mvc.get().uri("/api/v1/dashboard").header("Authorization", "Basic " + basic)).hasStatus(403);
		assertThat(lines("ACCESS_DENIED")).extracting((line) -> line.get("details"))
			.containsExactly("PAGE GET /staff/admin/accounts", "API GET /api/v1/dashboard");
	}

	@Test
	void aRefusedApiTokenIsRecordedWithoutAName() {
		long before = this.jdbc.queryForObject("select count(*) from audit_event where action = 'API_TOKEN_REFUSED'",
				Long.class);
		assertThat(this.mvc.get().uri("/api/v1/requests").header("Authorization", "Bearer made-up")).hasStatus(401);
		assertThat(this.jdbc.queryForList(
				"select actor_label from audit_event where action = 'API_TOKEN_REFUSED' order by id desc limit 1",
				String.class))
			.containsExactly("unknown");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'API_TOKEN_REFUSED'",
				Long.class))
			.isEqualTo(before + 1);
	}

	@Test
	void aSignOut() {
		assertThat(this.mvc.post().uri("/logout").with(user(this.caseHandler)).with(csrf()))
			.hasRedirectedUrl("/login?logout");
		assertThat(lines("SIGNED_OUT")).hasSize(1);
	}

}
