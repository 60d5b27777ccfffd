package se.dsrdesk.system.web;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The public front page, the staff start page's sign-in (the page itself:
 * dashboard.StartPageWebTest) and the friendly error pages: who reaches them, what they
 * say in each language, and the security headers every page carries.
 */
@WebSliceTest(HomeController.class)
// The error view resolver that picks error/<status>.html comes with the dispatcher
// servlet.
@ImportAutoConfiguration(DispatcherServletAutoConfiguration.class)
class HomeAndErrorPagesTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theFrontPageIsPublicAndNamesTheController() {
		MvcTestResult page = this.mvc.get().uri("/").header("Accept-Language", "sv-SE").exchange();
		assertThat(page).hasStatusOk().hasViewName("public/home");
		assertThat(page).bodyText().contains("Dina personuppgifter", "Clavis Communications AB");
		// The visitor sees the company, not the product, and a way back to a request
		// made.
		assertThat(page).bodyText()
			.contains("id=\"brand-controller\"><span>Clavis Communications AB</span></a>",
					"<title>Dina personuppgifter · Clavis Communications AB</title>",
					"href=\"/request/new-link\">Se min begäran / få en ny länk</a>")
			.doesNotContain(">DSR Desk<");
	}

	@Test
	void theLanguageSwitchIsRememberedInACookie() {
		MvcTestResult page = this.mvc.get().uri("/?lang=en").header("Accept-Language", "sv").exchange();
		assertThat(page).bodyText().contains("Your personal data");
		assertThat(page).cookies().hasValue("dsr_lang", "en");
	}

	@Test
	void everyPageCarriesTheSecurityHeaders() {
		MvcTestResult page = this.mvc.get().uri("/").exchange();
		assertThat(page).headers()
			.hasValue("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY)
			.hasValue("X-Frame-Options", "DENY")
			.hasValue("Referrer-Policy", "same-origin");
	}

	@Test
	void theStaffStartPageNeedsASignIn() {
		assertThat(this.mvc.get().uri("/staff").accept(MediaType.TEXT_HTML)).hasRedirectedUrl("/login");
	}

	@Test
	void anUnknownAddressIsRefused() {
		assertThat(this.mvc.get().uri("/no-such-page").with(user(TestAccounts.principal(9, Role.ADMIN))))
			.hasStatus(403);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			403 | en | Access denied
			403 | sv | Åtkomst nekad
			404 | en | Page not found
			404 | sv | Sidan finns inte
			500 | en | Something went wrong
			500 | sv | Något gick fel
			""")
	void theErrorPagesAreFriendlyAndTranslated(int status, String language, String title) {
		MvcTestResult page = this.mvc.get()
			.uri("/error")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
			.header("Accept-Language", language)
			.accept(MediaType.TEXT_HTML)
			.exchange();
		assertThat(page).hasStatus(status).hasViewName("error/" + status);
		assertThat(page).bodyText().contains("<h1>" + title + "</h1>", "href=\"/\"").doesNotContain("Exception");
	}

}
