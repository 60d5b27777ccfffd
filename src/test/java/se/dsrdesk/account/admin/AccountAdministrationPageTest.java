package se.dsrdesk.account.admin;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.AccountLinkProperties;
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
@Import(AccountAdministrationPageTest.Settings.class)
class AccountAdministrationPageTest {

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AccountLinkProperties.class)
	static class Settings {

	}

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
	void invitesAColleagueWithoutChoosingTheirPassword() {
		StaffUser invited = TestAccounts.user(9, Role.CASE_HANDLER);
		given(this.accounts.invite("new@example.com", "New Person", EnumSet.of(Role.CASE_HANDLER), "en",
				ADMIN.toActor()))
			.willReturn(invited);
		MvcTestResult result = this.mvc.post()
			.uri("/staff/admin/accounts")
			.with(user(ADMIN))
			.with(csrf())
			.param("email", "new@example.com")
			.param("displayName", "New Person")
			.param("roles", "CASE_HANDLER")
			.param("language", "en")
			.param("password", "an admin's choice is ignored")
			.exchange();
		assertThat(result).hasRedirectedUrl("/staff/admin/accounts/9");
		assertThat(result).flash().containsEntry("success", "account.invited");
		then(this.accounts).should(never()).create(any(), any(), any(), any(), any(), any());
	}

	@Test
	void theNewAccountPageHasNoPasswordField() {
		MvcTestResult page = this.mvc.get()
			.uri("/staff/admin/accounts/new")
			.with(user(ADMIN))
			.header("Accept-Language", "en")
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("Send invitation", "The link works once, for 72 hours.")
			.doesNotContain("type=\"password\"");
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
			.exchange();
		assertThat(page).hasStatusOk().hasViewName("admin/accounts/new");
		assertThat(page).model().extractingBindingResult("accountForm").hasFieldErrors("email", "displayName", "roles");
		assertThat(page).bodyText().contains("Ange en giltig e-postadress", "Fyll i det här fältet.");
		then(this.accounts).should(never()).invite(any(), any(), any(), any(), any());
	}

	@Test
	void showsTheServicesRefusalAtItsField() {
		given(this.accounts.invite(any(), any(), any(), any(), any()))
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
	void anAdminCanNoLongerSetAColleaguesPassword() {
		assertThat(this.mvc.post()
			.uri("/staff/admin/accounts/5/password")
			.with(user(ADMIN))
			.with(csrf())
			.param("newPassword", "a long enough password")
			.param("confirmPassword", "a long enough password")).hasStatus(404);
		then(this.accounts).should(never()).resetPassword(anyLong(), any(), any());
	}

	@Test
	void anAdminMailsAPasswordLinkInstead() {
		MvcTestResult result = this.mvc.post()
			.uri("/staff/admin/accounts/5/password-link")
			.with(user(ADMIN))
			.with(csrf())
			.exchange();
		assertThat(result).hasRedirectedUrl("/staff/admin/accounts/5");
		assertThat(result).flash().containsEntry("success", "account.passwordLinkSent");
		then(this.accounts).should().sendPasswordResetLink(5, ADMIN.toActor());
	}

	@Test
	void aPendingInvitationIsShownAndCanBeSentAgain() {
		StaffUser invited = TestAccounts.invited(5, Role.CASE_HANDLER);
		given(this.accounts.get(5)).willReturn(invited);
		given(this.accounts.invitationExpiry(invited))
			.willReturn(java.util.Optional.of(java.time.Instant.parse("2099-01-01T10:00:00Z")));
		MvcTestResult page = this.mvc.get()
			.uri("/staff/admin/accounts/5")
			.with(user(ADMIN))
			.header("Accept-Language", "en")
			.exchange();
		assertThat(page).bodyText()
			.contains("Invitation sent", "Send a new invitation", "/staff/admin/accounts/5/invitation")
			.doesNotContain("Mail a password link");
		MvcTestResult resent = this.mvc.post()
			.uri("/staff/admin/accounts/5/invitation")
			.with(user(ADMIN))
			.with(csrf())
			.exchange();
		assertThat(resent).flash().containsEntry("success", "account.invitationSent");
		then(this.accounts).should().resendInvitation(5, ADMIN.toActor());
	}

	@Test
	void changesNeedACsrfToken() {
		assertThat(this.mvc.post().uri("/staff/admin/accounts/5/deactivate").with(user(ADMIN))).hasStatus(403);
		then(this.accounts).shouldHaveNoInteractions();
	}

}
