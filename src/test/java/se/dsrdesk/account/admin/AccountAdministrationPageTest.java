package se.dsrdesk.account.admin;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The admin's staff account pages: only admins reach them, the forms are validated with
 * messages in the admin's language, refusals by the service are shown next to the field,
 * and a change needs a CSRF token.
 */
@WebSliceTest(AccountController.class)
class AccountAdministrationPageTest {

	static final StaffPrincipal ADMIN = TestAccounts.principal(1, Role.ADMIN);

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AccountService accounts;

	@Test
	void onlyAdminsSeeTheAccounts() {
		assertThat(this.mvc.get()
			.uri("/staff/admin/accounts")
			.with(user(TestAccounts.principal(2, Role.CASE_HANDLER, Role.COMPLIANCE_OFFICER)))).hasStatus(403);
		then(this.accounts).shouldHaveNoInteractions();
	}

	@Test
	void listsTheAccountsAPageAtATime() {
		StaffUser handler = TestAccounts.user(5, Role.CASE_HANDLER);
		given(this.accounts.list(PageRequest.of(2, AccountController.PAGE_SIZE)))
			.willReturn(new PageImpl<>(List.of(handler), PageRequest.of(2, AccountController.PAGE_SIZE), 51));
		MvcTestResult page = this.mvc.get()
			.uri("/staff/admin/accounts?page=2")
			.with(user(ADMIN))
			.header("Accept-Language", "en")
			.exchange();
		assertThat(page).hasStatusOk().hasViewName("admin/accounts/list");
		assertThat(page).bodyText().contains("Test User 5", "user-5@example.com", "href=\"/staff/admin/accounts/5\"");
	}

	@Test
	void createsAnAccountAndShowsIt() {
		StaffUser created = TestAccounts.user(9, Role.CASE_HANDLER);
		given(this.accounts.create("new@example.com", "New Person", EnumSet.of(Role.CASE_HANDLER), "en",
				"a long enough password", ADMIN.toActor()))
			.willReturn(created);
		MvcTestResult result = this.mvc.post()
			.uri("/staff/admin/accounts")
			.with(user(ADMIN))
			.with(csrf())
			.param("email", "new@example.com")
			.param("displayName", "New Person")
			.param("roles", "CASE_HANDLER")
			.param("language", "en")
			.param("password", "a long enough password")
			.exchange();
		assertThat(result).hasRedirectedUrl("/staff/admin/accounts/9");
		assertThat(result).flash().containsEntry("success", "account.created");
	}

	@Test
	void namesWhatIsWrongInTheAdminsLanguage() {
		MvcTestResult page = this.mvc.post()
			.uri("/staff/admin/accounts")
			.with(user(ADMIN))
			.with(csrf())
			.header("Accept-Language", "sv")
			.param("email", "not an address")
			.param("displayName", "")
			.param("language", "en")
			.param("password", "short")
			.exchange();
		assertThat(page).hasStatusOk().hasViewName("admin/accounts/new");
		assertThat(page).model()
			.extractingBindingResult("accountForm")
			.hasFieldErrors("email", "displayName", "roles", "password");
		assertThat(page).bodyText()
			.contains("Ange en giltig e-postadress", "Fyll i det här fältet.", "Lösenordet måste ha minst 12 tecken.");
		then(this.accounts).should(never()).create(any(), any(), any(), any(), any(), any());
	}

	@Test
	void showsTheServicesRefusalAtItsField() {
		given(this.accounts.create(any(), any(), any(), any(), any(), any()))
			.willThrow(TestAccounts.refusal("account.email.taken", "email"));
		MvcTestResult page = this.mvc.post()
			.uri("/staff/admin/accounts")
			.with(user(ADMIN))
			.with(csrf())
			.header("Accept-Language", "en")
			.param("email", "taken@example.com")
			.param("displayName", "Someone")
			.param("roles", "ADMIN")
			.param("language", "sv")
			.param("password", "a long enough password")
			.exchange();
		assertThat(page).hasStatusOk().hasViewName("admin/accounts/new");
		assertThat(page).model()
			.extractingBindingResult("accountForm")
			.hasFieldErrorCode("email", "account.email.taken");
		assertThat(page).bodyText().contains("Another account already uses this email address.");
	}

	@Test
	void aChangeMadeMeanwhileShowsTheCurrentDetails() {
		StaffUser current = TestAccounts.user(5, Role.CASE_HANDLER);
		given(this.accounts.get(5)).willReturn(current);
		willThrow(TestAccounts.refusal("account.changedMeanwhile", null)).given(this.accounts)
			.update(anyLong(), anyLong(), any(), any(), any(), any(), any(Actor.class));
		MvcTestResult page = this.mvc.post()
			.uri("/staff/admin/accounts/5")
			.with(user(ADMIN))
			.with(csrf())
			.header("Accept-Language", "en")
			.param("email", "renamed@example.com")
			.param("displayName", "Renamed")
			.param("roles", "CASE_HANDLER")
			.param("language", "en")
			.param("version", "0")
			.exchange();
		assertThat(page).hasStatusOk().hasViewName("admin/accounts/edit");
		assertThat(page).bodyText()
			.contains("Someone else changed this account while you were editing it.", "value=\"user-5@example.com\"")
			.doesNotContain("renamed@example.com");
	}

	@Test
	void aRefusedDeactivationIsToldOnTheAccountsPage() {
		willThrow(TestAccounts.refusal("account.cannotDeactivateSelf", null)).given(this.accounts)
			.deactivate(1, ADMIN.toActor());
		MvcTestResult result = this.mvc.post()
			.uri("/staff/admin/accounts/1/deactivate")
			.with(user(ADMIN))
			.with(csrf())
			.exchange();
		assertThat(result).hasRedirectedUrl("/staff/admin/accounts/1");
		assertThat(result).flash().containsEntry("failure", "account.cannotDeactivateSelf");
	}

	@Test
	void aNewPasswordMustBeTypedTwiceAlike() {
		given(this.accounts.get(5)).willReturn(TestAccounts.user(5, Role.CASE_HANDLER));
		MvcTestResult page = this.mvc.post()
			.uri("/staff/admin/accounts/5/password")
			.with(user(ADMIN))
			.with(csrf())
			.header("Accept-Language", "en")
			.param("newPassword", "a long enough password")
			.param("confirmPassword", "another long password")
			.exchange();
		assertThat(page).hasStatusOk().hasViewName("admin/accounts/edit");
		assertThat(page).bodyText().contains("The two passwords are not the same.");
		then(this.accounts).should(never()).resetPassword(anyLong(), any(), any());
	}

	@Test
	void changesNeedACsrfToken() {
		assertThat(this.mvc.post().uri("/staff/admin/accounts/5/deactivate").with(user(ADMIN))).hasStatus(403);
		then(this.accounts).shouldHaveNoInteractions();
	}

}
