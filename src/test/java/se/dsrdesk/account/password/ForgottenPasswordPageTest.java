package se.dsrdesk.account.password;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.dsrdesk.account.AccountLinkProperties;
import se.dsrdesk.account.AccountLinks;
import se.dsrdesk.support.WebSliceTest;
import se.dsrdesk.system.RateLimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The forgotten-password page: anyone may use it; every well-formed address gets the same
 * answer and is handed to {@link AccountLinks} (which mails only an account's owner); the
 * application's rate limiter caps requests per client address (429) and mails per address
 * (silently, with the same answer); no session is created.
 */
@WebSliceTest(ForgottenPasswordController.class)
@Import(ForgottenPasswordPageTest.Settings.class)
@TestPropertySource(properties = { "dsr.security.accounts.reset-requests-per-hour=3",
		"dsr.security.accounts.reset-mails-per-address-per-hour=1" })
class ForgottenPasswordPageTest {

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AccountLinkProperties.class)
	@Import(RateLimiter.class)
	static class Settings {

		/** Runs the lookup at once, so that the test sees it. */
		@Bean
		SyncTaskExecutor applicationTaskExecutor() {
			return new SyncTaskExecutor();
		}

	}

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AccountLinks links;

	MvcTestResult ask(String client, String email) {
		return this.mvc.post()
			.uri("/login/forgot-password")
			.with(csrf())
			.with(from(client))
			.header("Accept-Language", "en")
			.param("email", email)
			.exchange();
	}

	static RequestPostProcessor from(String client) {
		return (request) -> {
			request.setRemoteAddr(client);
			return request;
		};
	}

	@Test
	void anyoneSeesThePage() {
		MvcTestResult page = this.mvc.get().uri("/login/forgot-password").header("Accept-Language", "sv").exchange();
		assertThat(page).hasStatusOk().bodyText().contains("Glömt lösenordet?", "Mejla mig en länk");
	}

	@Test
	void everyAddressGetsTheSameAnswerAndNoSession() {
		MvcTestResult known = ask("10.0.0.1", "someone@example.com");
		MvcTestResult other = ask("10.0.0.1", "nobody@example.com");
		assertThat(known).hasRedirectedUrl("/login/forgot-password?sent");
		assertThat(other).hasRedirectedUrl("/login/forgot-password?sent");
		assertThat(known.getMvcResult().getRequest().getSession(false)).isNull();
		then(this.links).should().sendPasswordReset("someone@example.com");
		then(this.links).should().sendPasswordReset("nobody@example.com");
		assertThat(this.mvc.get().uri("/login/forgot-password?sent").header("Accept-Language", "en")).bodyText()
			.contains("If this address belongs to a staff account");
	}

	@Test
	void aMistypedAddressIsExplainedAndKept() {
		MvcTestResult page = ask("10.0.0.2", "not an address");
		assertThat(page).hasStatusOk().bodyText().contains("value=\"not an address\"", "Enter a valid email address");
		then(this.links).should(never()).sendPasswordReset(any());
	}

	@Test
	void oneAddressGetsAtMostTheSetNumberOfMailsWithTheSameAnswer() {
		assertThat(ask("10.0.0.3", "flooded@example.com")).hasRedirectedUrl("/login/forgot-password?sent");
		assertThat(ask("10.0.0.4", "flooded@example.com")).hasRedirectedUrl("/login/forgot-password?sent");
		then(this.links).should(times(1)).sendPasswordReset("flooded@example.com");
	}

	@Test
	void oneClientIsLimited() {
		for (int i = 0; i < 3; i++) {
			assertThat(ask("10.0.0.5", "client-" + i + "@example.com")).hasRedirectedUrl("/login/forgot-password?sent");
		}
		MvcTestResult refused = ask("10.0.0.5", "client-3@example.com");
		assertThat(refused).hasStatus(429).bodyText().contains("Too many links have been asked for");
		assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
		then(this.links).should(never()).sendPasswordReset("client-3@example.com");
	}

}
