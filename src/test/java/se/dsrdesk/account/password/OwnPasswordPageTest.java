package se.dsrdesk.account.password;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.AccountService.PasswordChange;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A signed-in user changes their own password: the current one is checked by the service,
 * the new one follows the policy and is typed twice alike, and the form needs a CSRF
 * token.
 */
@WebSliceTest(PasswordController.class)
class OwnPasswordPageTest {

	static final StaffPrincipal ME = TestAccounts.principal(21, Role.CASE_HANDLER);

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AccountService accounts;

	MvcTestResult change(String current, String next, String again) {
		return this.mvc.post()
			.uri("/staff/account/password")
			.with(user(ME))
			.with(csrf())
			.header("Accept-Language", "sv")
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("confirmPassword", again)
			.exchange();
	}

	@Test
	void needsASignIn() {
		assertThat(this.mvc.get().uri("/staff/account/password").accept(MediaType.TEXT_HTML))
			.hasRedirectedUrl("/login");
		assertThat(this.mvc.get().uri("/staff/account/password").with(user(ME))).hasStatusOk()
			.hasViewName("account/password");
	}

	@Test
	void changesThePasswordAndGoesToTheStartPage() {
		given(this.accounts.changeOwnPassword(eq(21L), eq("the old password"), eq("a brand new password"), any()))
			.willReturn(PasswordChange.CHANGED);
		MvcTestResult result = change("the old password", "a brand new password", "a brand new password");
		assertThat(result).hasRedirectedUrl("/staff");
		assertThat(result).flash().containsEntry("success", "password.changed");
	}

	@Test
	void saysWhenTheCurrentPasswordIsWrong() {
		given(this.accounts.changeOwnPassword(eq(21L), eq("a wrong guess"), eq("a brand new password"), any()))
			.willReturn(PasswordChange.WRONG_PASSWORD);
		MvcTestResult page = change("a wrong guess", "a brand new password", "a brand new password");
		assertThat(page).hasStatusOk().hasViewName("account/password");
		assertThat(page).bodyText().contains("Det nuvarande lösenordet är fel.");
	}

	@Test
	void tooManyWrongTriesEndTheSession() {
		given(this.accounts.changeOwnPassword(eq(21L), eq("a sixth guess"), eq("a brand new password"), any()))
			.willReturn(PasswordChange.TOO_MANY_TRIES);
		MvcTestResult result = change("a sixth guess", "a brand new password", "a brand new password");
		assertThat(result).hasRedirectedUrl("/login?passwordTries");
		assertThat(result.getMvcResult().getRequest().getSession(false)).satisfiesAnyOf(
				(session) -> assertThat(session).isNull(),
				(session) -> assertThat(((org.springframework.mock.web.MockHttpSession) session).isInvalid()).isTrue());
	}

	@Test
	void refusesAShortOrMistypedPasswordWithoutAskingTheService() {
		assertThat(change("the old password", "short", "short")).bodyText()
			.contains("Lösenordet måste ha minst 12 tecken.");
		assertThat(change("the old password", "a brand new password", "a brand new passwort")).bodyText()
			.contains("De två lösenorden är inte likadana.");
		assertThat(change("", "a brand new password", "a brand new password")).bodyText()
			.contains("Fyll i det här fältet.");
		then(this.accounts).should(never()).changeOwnPassword(anyLong(), anyString(), anyString(), any());
	}

	@Test
	void needsACsrfToken() {
		assertThat(this.mvc.post()
			.uri("/staff/account/password")
			.with(user(ME))
			.param("currentPassword", "the old password")
			.param("newPassword", "a brand new password")
			.param("confirmPassword", "a brand new password")).hasStatus(403);
		then(this.accounts).shouldHaveNoInteractions();
	}

}
