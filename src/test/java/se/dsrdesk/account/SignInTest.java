package se.dsrdesk.account;

import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/**
 * Signing in: the right password gets in, a wrong one or an unknown address gets the same
 * translated message. The waits after failures are {@code signin.SignInThrottlingTest}'s.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SignInTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	String newAccount(Role... roles) {
		String email = "user-" + UUID.randomUUID() + "@example.com";
		this.accounts.create(email, "Test User", EnumSet.of(roles[0], roles), "en", PASSWORD, Actor.SYSTEM);
		return email;
	}

	MvcTestResult signIn(String email, String password) {
		return this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(password));
	}

	@Test
	void theRightPasswordReachesTheStaffStartPage() {
		String email = newAccount(Role.CASE_HANDLER);
		MvcTestResult result = signIn(email.toUpperCase(Locale.ROOT), PASSWORD);
		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/staff");
		assertThat(auditActions(email)).contains("SIGN_IN");
	}

	@Test
	void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
		String email = newAccount(Role.CASE_HANDLER);
		MvcTestResult wrongPassword = signIn(email, "not the password at all");
		MvcTestResult unknown = signIn("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD);
		assertThat(wrongPassword).hasRedirectedUrl("/login?error");
		assertThat(unknown).hasRedirectedUrl("/login?error");
		assertThat(auditActions(email)).contains("SIGN_IN_FAILED");
	}

	@Test
	void theSignInPageKeepsTheAddressAndExplainsInTheVisitorsLanguage() {
		String email = newAccount(Role.CASE_HANDLER);
		MvcTestResult failed = signIn(email, "not the password at all");
		// The typed address comes back in a short-lived cookie: a failed sign-in creates
		// no
		// server session.
		assertThat(failed.getRequest().getSession(false)).isNull();
		Cookie typed = failed.getResponse().getCookie("dsr-signin-email");
		assertThat(typed).isNotNull();
		assertThat(typed.isHttpOnly()).isTrue();
		assertThat(this.mvc.get().uri("/login?error").cookie(typed).header("Accept-Language", "sv-SE,sv;q=0.9"))
			.hasStatusOk()
			.bodyText()
			.contains("E-postadressen eller lösenordet är fel")
			.contains("value=\"" + email + "\"");
		assertThat(this.mvc.get().uri("/login?error").header("Accept-Language", "en-GB")).bodyText()
			.contains("The email address or the password is wrong");
	}

	@Test
	void aDeactivatedAccountGetsTheGenericAnswer() {
		String email = newAccount(Role.CASE_HANDLER);
		long id = this.jdbc.queryForObject("select id from staff_user where email = ?", Long.class, email);
		this.accounts.deactivate(id, Actor.SYSTEM);
		assertThat(signIn(email, PASSWORD)).hasRedirectedUrl("/login?error");
	}

	java.util.List<String> auditActions(String email) {
		return this.jdbc
			.queryForList("select e.action from audit_event e join staff_user u on u.id = e.actor_id where u.email = ?"
					+ " order by e.occurred_at, e.id", String.class, email);
	}

}
