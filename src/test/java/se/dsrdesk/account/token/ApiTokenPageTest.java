package se.dsrdesk.account.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A staff user's own API tokens page: any signed-in user, their own tokens only, the
 * secret shown once after creating, the name and validity checked, and every change
 * behind a CSRF token.
 */
@WebSliceTest(ApiTokenController.class)
class ApiTokenPageTest {

	static final StaffPrincipal ME = TestAccounts.principal(11, Role.COMPLIANCE_OFFICER);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	static ApiToken token(long id, String name) {
		ApiToken token = new ApiToken(ME.id(), name, "dsr_abcd1234", "digest", Instant.parse("2026-10-01T08:00:00Z"),
				null);
		ReflectionTestUtils.setField(token, "id", id);
		return token;
	}

	@Test
	void needsASignIn() {
		assertThat(this.mvc.get().uri("/staff/account/tokens").accept(MediaType.TEXT_HTML)).hasRedirectedUrl("/login");
	}

	@Test
	void listsTheUsersOwnTokens() {
		given(this.tokens.of(11)).willReturn(List.of(token(3, "Weekly report script")));
		MvcTestResult page = this.mvc.get()
			.uri("/staff/account/tokens")
			.with(user(ME))
			.header("Accept-Language", "en")
			.exchange();
		assertThat(page).hasStatusOk().hasViewName("account/tokens");
		assertThat(page).bodyText().contains("Weekly report script", "dsr_abcd1234…").doesNotContain("digest");
	}

	@Test
	void showsANewTokensSecretOnceAfterCreatingIt() {
		ApiTokens.CreatedToken created = new ApiTokens.CreatedToken(token(4, "Website form"), "dsr_the-secret");
		given(this.tokens.create(ME, "Website form", Duration.ofDays(30))).willReturn(created);
		MvcTestResult result = this.mvc.post()
			.uri("/staff/account/tokens")
			.with(user(ME))
			.with(csrf())
			.param("name", "Website form")
			.param("validityDays", "30")
			.exchange();
		assertThat(result).hasRedirectedUrl("/staff/account/tokens");
		assertThat(result).flash().containsEntry("newToken", "dsr_the-secret");

		MvcTestResult page = this.mvc.get()
			.uri("/staff/account/tokens")
			.with(user(ME))
			.flashAttr("newToken", "dsr_the-secret")
			.flashAttr("newTokenName", "Website form")
			.header("Accept-Language", "en")
			.exchange();
		assertThat(page).bodyText().contains("value=\"dsr_the-secret\"", "Token &quot;Website form&quot; created");
		assertThat(this.mvc.get().uri("/staff/account/tokens").with(user(ME))).bodyText()
			.doesNotContain("dsr_the-secret");
	}

	@Test
	void aTokenWithoutExpiryWorksUntilRevoked() {
		given(this.tokens.create(ME, "Integration", null))
			.willReturn(new ApiTokens.CreatedToken(token(5, "Integration"), "dsr_forever"));
		assertThat(this.mvc.post()
			.uri("/staff/account/tokens")
			.with(user(ME))
			.with(csrf())
			.param("name", "Integration")
			.param("validityDays", "0")).hasRedirectedUrl("/staff/account/tokens");
		then(this.tokens).should().create(ME, "Integration", null);
	}

	@Test
	void refusesAMissingNameAndAValidityNotOffered() {
		MvcTestResult page = this.mvc.post()
			.uri("/staff/account/tokens")
			.with(user(ME))
			.with(csrf())
			.header("Accept-Language", "sv")
			.param("name", " ")
			.param("validityDays", "7")
			.exchange();
		assertThat(page).hasStatusOk().hasViewName("account/tokens");
		assertThat(page).model().extractingBindingResult("tokenForm").hasFieldErrors("name", "validityDays");
		assertThat(page).bodyText().contains("Fyll i det här fältet.", "Välj ett av alternativen.");
		then(this.tokens).should(never()).create(any(), any(), any());
	}

	@Test
	void saysWhenTheUserHasTooManyTokens() {
		given(this.tokens.create(any(), any(), any())).willThrow(new ApiTokens.TooManyTokensException());
		assertThat(this.mvc.post()
			.uri("/staff/account/tokens")
			.with(user(ME))
			.with(csrf())
			.header("Accept-Language", "en")
			.param("name", "One more")
			.param("validityDays", "90")).bodyText().contains("You already have " + ApiTokens.MAX_ACTIVE + " tokens.");
	}

	@Test
	void revokesOneOfTheUsersTokens() {
		MvcTestResult result = this.mvc.post()
			.uri("/staff/account/tokens/3/revoke")
			.with(user(ME))
			.with(csrf())
			.exchange();
		assertThat(result).hasRedirectedUrl("/staff/account/tokens");
		assertThat(result).flash().containsEntry("success", "tokens.revoked");
		then(this.tokens).should().revoke(ME, 3);
	}

	@Test
	void changesNeedACsrfToken() {
		assertThat(this.mvc.post().uri("/staff/account/tokens/3/revoke").with(user(ME))).hasStatus(403);
		assertThat(this.mvc.post().uri("/staff/account/tokens").with(user(ME)).param("name", "x")).hasStatus(403);
		then(this.tokens).shouldHaveNoInteractions();
	}

}
