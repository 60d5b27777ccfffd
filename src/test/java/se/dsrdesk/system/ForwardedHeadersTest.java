package se.dsrdesk.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy that ends TLS ({@code server.forward-headers-strategy=native}), real
 * HTTP requests from the proxy's address (127.0.0.1, an internal one) carrying
 * {@code X-Forwarded-Proto: https} and {@code X-Forwarded-For} count as HTTPS from the
 * client: the session cookie is {@code __Host-} and {@code Secure}, HSTS is sent, and the
 * audit trail names the client's address. Without the header the same request is plain
 * HTTP: no HSTS, no {@code Secure}.
 */
@IntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class ForwardedHeadersTest {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	HttpResponse<String> get(String path, boolean https) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (https) {
			request.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.77");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Signs in through the form, as a browser would, and returns the answer. */
	HttpResponse<String> signIn(String email, boolean https) throws Exception {
		HttpResponse<String> page = get("/login", https);
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).as("the form's CSRF token").isTrue();
		String csrfCookie = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
		String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie)
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (https) {
			request.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.77");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String sessionCookie(HttpResponse<String> response) {
		List<String> cookies = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.contains("JSESSIONID="))
			.toList();
		assertThat(cookies).as("one session cookie").hasSize(1);
		return cookies.get(0);
	}

	@Test
	void forwardedHttpsGetsSecureHostCookiesAndHsts() throws Exception {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		assertThat(get("/login", true).headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000"));
		HttpResponse<String> signedIn = signIn(email, true);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValue("https://127.0.0.1/staff");
		String cookie = sessionCookie(signedIn);
		assertThat(cookie).startsWith("__Host-JSESSIONID=").contains("; Secure").contains("; HttpOnly");
		assertThat(cookie).containsIgnoringCase("Path=/").doesNotContainIgnoringCase("Domain=");
		long id = this.jdbc.queryForObject("select id from staff_user where email = ?", Long.class, email);
		assertThat(this.jdbc.queryForList(
				"select details from audit_event where actor_id = ? and action = 'SIGN_IN' order by id", String.class,
				id))
			.containsExactly("from 203.0.113.77");
	}

	@Test
	void plainHttpGetsNeitherHstsNorSecure() throws Exception {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		assertThat(get("/login", false).headers().firstValue("Strict-Transport-Security")).isEmpty();
		HttpResponse<String> signedIn = signIn(email, false);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		String cookie = sessionCookie(signedIn);
		assertThat(cookie).startsWith("JSESSIONID=").doesNotContain("Secure");
	}

}
