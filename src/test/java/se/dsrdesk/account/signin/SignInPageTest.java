package se.dsrdesk.account.signin;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The sign-in page and form: the form is public, a signed-in user is sent on to the staff
 * area, a wrong password and a lock-out are told apart, and the form needs a CSRF token.
 */
@WebSliceTest(LoginController.class)
class SignInPageTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SignInGuard guard;

	@Test
	void showsTheFormToAnyone() {
		MvcTestResult page = this.mvc.get().uri("/login").header("Accept-Language", "sv").exchange();
		assertThat(page).hasStatusOk().hasViewName("account/login");
		assertThat(page).bodyText().contains("Inloggning för personal", "name=\"email\"", "name=\"password\"");
		assertThat(page).bodyText().contains("href=\"/login/forgot-password\"", "Glömt lösenordet?");
	}

	@Test
	void sendsASignedInUserToTheStaffArea() {
		assertThat(this.mvc.get().uri("/login").with(user(TestAccounts.principal(1, Role.CASE_HANDLER))))
			.hasRedirectedUrl("/staff");
	}

	@Test
	void signsInWithTheRightPassword() {
		StaffPrincipal principal = TestAccounts.principal(2, Role.CASE_HANDLER);
		given(this.guard.loadUserByUsername("user-2@example.com")).willReturn(principal);
		// The test account's {noop} hash is not the current encoding: it is re-hashed.
		given(this.guard.updatePassword(eq(principal), anyString())).willReturn(principal);
		assertThat(this.mvc.post()
			.uri("/login")
			.param("email", "user-2@example.com")
			.param("password", TestAccounts.PASSWORD)
			.with(csrf())).hasRedirectedUrl("/staff");
	}

	@Test
	void sendsAWrongPasswordBackWithTheAddressTyped() {
		given(this.guard.loadUserByUsername("user-3@example.com"))
			.willReturn(TestAccounts.principal(3, Role.CASE_HANDLER));
		given(this.guard.secondsToWait(anyString(), anyString())).willReturn(0L);
		MvcTestResult result = this.mvc.post()
			.uri("/login")
			.param("email", "user-3@example.com")
			.param("password", "not the password")
			.with(csrf())
			.exchange();
		assertThat(result).hasRedirectedUrl("/login?error");
		assertThat(result.getRequest().getSession(false)).as("no session for a failed sign-in").isNull();
		MvcTestResult page = this.mvc.get()
			.uri("/login?error")
			.cookie(result.getResponse().getCookie("dsr-signin-email"))
			.exchange();
		assertThat(page).bodyText().contains("value=\"user-3@example.com\"");
		// Shown once: the page clears the cookie.
		assertThat(page.getResponse().getCookie("dsr-signin-email").getMaxAge()).isZero();
	}

	@Test
	void saysWhenTheFailureStartsAWait() {
		given(this.guard.loadUserByUsername("nobody@example.com")).willThrow(new UsernameNotFoundException("none"));
		given(this.guard.secondsToWait("nobody@example.com", "127.0.0.1")).willReturn(5L);
		assertThat(this.mvc.post()
			.uri("/login")
			.param("email", "nobody@example.com")
			.param("password", "guess")
			.with(csrf())).hasRedirectedUrl("/login?wait=5");
	}

	@Test
	void showsWhatWentWrongInTheReadersLanguage() {
		assertThat(this.mvc.get().uri("/login?error").header("Accept-Language", "en")).bodyText()
			.contains("The email address or the password is wrong.");
		assertThat(this.mvc.get().uri("/login?wait=5").header("Accept-Language", "sv")).bodyText()
			.contains("För många misslyckade inloggningar härifrån. Vänta en minut");
		assertThat(this.mvc.get().uri("/login?wait=840").header("Accept-Language", "en")).bodyText()
			.contains("Wait 14 minutes and try again");
		assertThat(this.mvc.get().uri("/login?wait=nonsense")).bodyText().doesNotContain("sign-in-wait");
	}

	@Test
	void refusesTheFormWithoutACsrfToken() {
		assertThat(this.mvc.post()
			.uri("/login")
			.param("email", "user-2@example.com")
			.param("password", TestAccounts.PASSWORD)).hasStatus(403);
	}

	@Test
	void signsOutToTheSignInPage() {
		assertThat(this.mvc.post().uri("/logout").with(user(TestAccounts.principal(1, Role.ADMIN))).with(csrf()))
			.hasRedirectedUrl("/login?logout");
	}

}
