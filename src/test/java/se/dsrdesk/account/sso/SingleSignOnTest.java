package se.dsrdesk.account.sso;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID Connect provider started by the test
 * ({@code mock-oauth2-server}), through the whole redirect flow as a browser follows it:
 * an active account with a verified address gets in with its DSR Desk roles (and, as the
 * provider's sign-in counts as a second factor, even with {@code required=ALL}); an
 * unverified address, an unknown address and a deactivated account are refused, and no
 * account is created.
 */
@IntegrationTest
class SingleSignOnTest {

	private static final String ISSUER_ID = "workforce";

	private static final MockOAuth2Server provider = startProvider();

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	StaffUserRepository users;

	@Autowired
	JdbcTemplate jdbc;

	private static MockOAuth2Server startProvider() {
		MockOAuth2Server server = new MockOAuth2Server();
		server.start(0);
		return server;
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@DynamicPropertySource
	static void singleSignOn(DynamicPropertyRegistry registry) {
		registry.add("dsr.security.sso.issuer", () -> provider.issuerUrl(ISSUER_ID).toString());
		registry.add("dsr.security.sso.client-id", () -> "dsr-desk");
		registry.add("dsr.security.sso.client-secret", () -> "test-only-secret");
		registry.add("dsr.security.mfa.required", () -> "ALL");
	}

	/** The next sign-on at the provider is by a person with these claims. */
	private static void nextPerson(Map<String, Object> claims) {
		provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "subject-" + System.nanoTime(), "JWT",
				List.of("dsr-desk"), claims, 3600));
	}

	/** A browser: keeps cookies and follows redirects, also to the provider and back. */
	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NORMAL)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private HttpResponse<String> open(String path) throws IOException, InterruptedException {
		return this.browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.header("Accept-Language", "en")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theSignInPageOffersSingleSignOn() throws Exception {
		assertThat(open("/login").body()).contains("id=\"sso-sign-in\"")
			.contains("/oauth2/authorization/sso")
			.contains("Sign in with your organisation account");
	}

	@Test
	void anActiveAccountWithAVerifiedAddressSignsOnWithItsOwnRoles() throws Exception {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		// The provider claims more than DSR Desk gives: its roles do not count.
		nextPerson(Map.of("email", email.toUpperCase(), "email_verified", true, "roles", List.of("ADMIN")));

		HttpResponse<String> signedOn = open("/oauth2/authorization/sso");
		assertThat(signedOn.uri().getPath()).as(signedOn.uri().toString()).isEqualTo("/staff");
		assertThat(signedOn.statusCode()).isEqualTo(200);
		assertThat(open("/staff/requests/new").statusCode()).isEqualTo(200);
		assertThat(open("/staff/admin/accounts").statusCode()).isEqualTo(403);

		long id = this.users.findByEmail(email).orElseThrow().getId();
		assertThat(this.jdbc.queryForList(
				"select actor_label from audit_event where action = 'SSO_SIGN_IN' and target_id = cast(? as varchar)",
				String.class, id))
			.containsExactly("staff-user:" + id);
	}

	@Test
	void anUnverifiedAddressIsRefused() throws Exception {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		nextPerson(Map.of("email", email, "email_verified", false));
		HttpResponse<String> refused = open("/oauth2/authorization/sso");
		assertThat(refused.uri().toString()).endsWith("/login?ssoError");
		assertThat(refused.body()).contains("Single sign-on did not work for this account");
		assertThat(open("/staff").uri().getPath()).isEqualTo("/login");
	}

	@Test
	void anUnknownAddressIsRefusedAndNoAccountIsCreated() throws Exception {
		String email = "nobody-" + System.nanoTime() + "@example.com";
		nextPerson(Map.of("email", email, "email_verified", true));
		HttpResponse<String> refused = open("/oauth2/authorization/sso");
		assertThat(refused.uri().toString()).endsWith("/login?ssoError");
		assertThat(this.users.findByEmail(email)).isEmpty();
		assertThat(open("/staff").uri().getPath()).isEqualTo("/login");
	}

	@Test
	void aDeactivatedAccountIsRefused() throws Exception {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		long id = this.users.findByEmail(email).orElseThrow().getId();
		this.accounts.deactivate(id, Actor.SYSTEM);
		nextPerson(Map.of("email", email, "email_verified", true));
		HttpResponse<String> refused = open("/oauth2/authorization/sso");
		assertThat(refused.uri().toString()).endsWith("/login?ssoError");
		assertThat(open("/staff").uri().getPath()).isEqualTo("/login");
		assertThat(this.jdbc.queryForList("select action from audit_event where target_id = cast(? as varchar)",
				String.class, id))
			.contains("SSO_REFUSED_DEACTIVATED");
	}

}
