package se.dsrdesk.system;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The browser is told to be strict: a Content-Security-Policy without inline scripts, no
 * framing, no content sniffing, a referrer policy. The pages keep to that policy, and
 * anonymous visits cost the server no session.
 */
@IntegrationTest
@AutoConfigureMockMvc
// An application context of its own, small, that no test changes: Spring Security's
// csrf() and formLogin() request post-processors replace the application's cookie CSRF
// store with a session-backed one for good, which would hide what this test is about.
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=3")
class SecurityHeadersTest {

	/** An inline script: a script element with a body. */
	private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");

	private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("\"[^\"]*\"|'[^']*'");

	/** An event handler attribute such as {@code onclick=}, once values are removed. */
	private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("\\son[a-zA-Z]+\\s*=", Pattern.CASE_INSENSITIVE);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Nested
	class Headers {

		@ParameterizedTest
		@ValueSource(strings = { "/", "/login", "/login?error" })
		void publicPagesCarryTheSecurityHeaders(String path) {
			assertSecurityHeaders(SecurityHeadersTest.this.mvc.get().uri(path).exchange());
		}

		@ParameterizedTest
		@ValueSource(strings = { "/staff", "/staff/admin/accounts", "/staff/audit" })
		void staffPagesCarryTheSecurityHeaders(String path) {
			assertSecurityHeaders(SecurityHeadersTest.this.mvc.get().uri(path).with(user(staff())).exchange());
		}

		void assertSecurityHeaders(MvcTestResult result) {
			assertThat(result).hasStatusOk();
			String policy = result.getResponse().getHeader("Content-Security-Policy");
			assertThat(policy).isNotNull();
			assertThat(directive(policy, "script-src"))
				.hasValueSatisfying((scriptSrc) -> assertThat(scriptSrc).contains("'self'")
					.doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*"));
			assertThat(directive(policy, "default-src")).hasValue("default-src 'self'");
			assertThat(directive(policy, "object-src")).hasValue("object-src 'none'");
			assertThat(directive(policy, "frame-ancestors")).hasValue("frame-ancestors 'none'");
			assertThat(result).headers()
				.hasValue("X-Frame-Options", "DENY")
				.hasValue("X-Content-Type-Options", "nosniff")
				.hasValue("Referrer-Policy", "same-origin");
		}

		Optional<String> directive(String policy, String name) {
			return Arrays.stream(policy.split(";"))
				.map(String::strip)
				.filter((directive) -> directive.startsWith(name + " "))
				.findFirst();
		}

	}

	@Nested
	class Sessions {

		@ParameterizedTest
		@ValueSource(strings = { "/", "/login", "/?lang=sv", "/login?lang=en" })
		void anonymousVisitsCreateNoSession(String path) {
			for (int i = 0; i < 100; i++) {
				MvcTestResult result = SecurityHeadersTest.this.mvc.get()
					.uri(path)
					.header("Accept-Language", (i % 2 == 0) ? "sv-SE" : "en-GB")
					.exchange();
				assertThat(result).hasStatusOk();
				assertThat(result.getRequest().getSession(false)).as("session after request %d", i).isNull();
			}
		}

		@Test
		void theSignInFormStillCarriesACsrfTokenFromTheCookie() {
			MvcTestResult result = SecurityHeadersTest.this.mvc.get().uri("/login").exchange();
			assertThat(result).cookies().containsCookie("XSRF-TOKEN");
			assertThat(result).bodyText().containsPattern(CSRF_FIELD);
		}

	}

	@Nested
	class Pages {

		@ParameterizedTest
		@ValueSource(strings = { "/", "/login", "/login?error", "/login?wait=60", "/login?logout" })
		void publicPagesHaveNoInlineScript(String path) {
			assertNoInlineScript(SecurityHeadersTest.this.mvc.get().uri(path).accept(MediaType.TEXT_HTML).exchange());
		}

		@ParameterizedTest
		@ValueSource(strings = { "/staff", "/staff/admin/accounts", "/staff/admin/accounts/new", "/staff/audit",
				"/staff/account/password" })
		void staffPagesHaveNoInlineScript(String path) {
			assertNoInlineScript(SecurityHeadersTest.this.mvc.get()
				.uri(path)
				.with(user(staff()))
				.accept(MediaType.TEXT_HTML)
				.exchange());
		}

		@Test
		void theAccountPageHasNoInlineScript() {
			StaffPrincipal admin = staff();
			assertNoInlineScript(SecurityHeadersTest.this.mvc.get()
				.uri("/staff/admin/accounts/" + admin.id())
				.with(user(admin))
				.accept(MediaType.TEXT_HTML)
				.exchange());
		}

		@Test
		void aFormWithErrorsHasNoInlineScript() {
			MvcTestResult login = SecurityHeadersTest.this.mvc.get().uri("/login").exchange();
			Matcher token = CSRF_FIELD
				.matcher(new String(login.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
			assertThat(token.find()).as("CSRF token in the sign-in form").isTrue();
			MvcTestResult result = SecurityHeadersTest.this.mvc.post()
				.uri("/staff/admin/accounts")
				.with(user(staff()))
				.cookie(login.getResponse().getCookie("XSRF-TOKEN"))
				.param("_csrf", token.group(1))
				.param("email", "<script>alert(1)</script>")
				.param("displayName", "\" onmouseover=\"alert(1)")
				.param("password", "short")
				.exchange();
			assertNoInlineScript(result);
		}

		void assertNoInlineScript(MvcTestResult result) {
			assertThat(result).hasStatusOk();
			String html = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
			assertThat(html).contains("<script");
			Matcher scripts = SCRIPT.matcher(html);
			while (scripts.find()) {
				assertThat(scripts.group(2)).as("body of <script%s>", scripts.group(1)).isBlank();
				assertThat(scripts.group(1)).as("script attributes").contains("src=");
			}
			assertThat(TAG.matcher(html).results().map(MatchResult::group)).as("tags with event handler attributes")
				.filteredOn((tag) -> EVENT_ATTRIBUTE.matcher(ATTRIBUTE_VALUE.matcher(tag).replaceAll("\"\"")).find())
				.isEmpty();
			assertThat(html).doesNotContainIgnoringCase("javascript:");
		}

	}

	/**
	 * A new user who may see every staff page.
	 */
	StaffPrincipal staff() {
		return TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.ADMIN, Role.COMPLIANCE_OFFICER,
				Role.CASE_HANDLER);
	}

}
