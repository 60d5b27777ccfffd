package se.dsrdesk.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.support.ApiClient;
import se.dsrdesk.support.Html;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.account.token.ApiTokens;
import se.dsrdesk.system.SecretTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal API tokens and how the API authenticates, over real HTTP: a token created on
 * the profile page is shown once and works as Bearer until revoked, expired or its
 * owner's account is deactivated; HTTP Basic works with a staff account and counts
 * failures towards the sign-in waits; every refusal is a 401 problem with the challenges;
 * the API sets no cookie while the pages still demand CSRF tokens.
 */
@IntegrationTest
class ApiTokenTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	String email;

	StaffPrincipal user;

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		this.user = (StaffPrincipal) this.userDetailsService.loadUserByUsername(this.email);
	}

	@AfterEach
	void tearDown() {
		this.clock.reset();
	}

	ApiClient api() {
		return new ApiClient(this.port);
	}

	static void assertUnauthorized(ApiClient.Response response, String kind) {
		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).isEqualTo("tag:dsrdesk.se,2026:problem:" + kind);
		assertThat(response.headers("WWW-Authenticate")).anyMatch((h) -> h.startsWith("Bearer realm="))
			.anyMatch((h) -> h.startsWith("Basic realm="));
		assertThat(response.headers("Set-Cookie")).isEmpty();
	}

	@Nested
	class ProfilePage {

		@Test
		void createsATokenShownOnceThatWorksUntilRevoked() {
			HttpVisitor visitor = new HttpVisitor(ApiTokenTest.this.port, "en");
			visitor.signIn(ApiTokenTest.this.email, TestAccounts.PASSWORD);
			assertThat(visitor.get("/staff/account/tokens").statusCode()).isEqualTo(200);

			HttpResponse<String> created = visitor.submit("/staff/account/tokens", "/staff/account/tokens",
					Map.of("name", "Website form", "validityDays", "90"));
			assertThat(created.statusCode()).isEqualTo(302);
			String page = visitor.get("/staff/account/tokens").body();
			String token = Html.valueOf(page, "new-token").orElseThrow();
			assertThat(token).startsWith("dsr_").hasSize(47);
			assertThat(page).contains("Website form", token.substring(0, 12) + "…", "Never");
			// Shown once: the next visit lists the token without it.
			String again = visitor.get("/staff/account/tokens").body();
			assertThat(again).contains("Website form").doesNotContain(token);
			// Only a digest is stored.
			assertThat(ApiTokenTest.this.jdbc.queryForObject(
					"select count(*) from api_token where token_hash = ? and staff_user_id = ?", Long.class,
					SecretTokens.hash(token), ApiTokenTest.this.user.id()))
				.isOne();
			assertThat(ApiTokenTest.this.jdbc.queryForObject(
					"select count(*) from api_token where token_hash = ? or token_prefix = ?", Long.class, token,
					token))
				.isZero();

			ApiClient.Response works = api().bearer(token).get("/api/v1/requests");
			assertThat(works.status()).as(works.toString()).isEqualTo(200);
			assertThat(works.headers("Set-Cookie")).isEmpty();
			assertThat(visitor.get("/staff/account/tokens").body()).doesNotContain("Never");

			Long id = ApiTokenTest.this.jdbc.queryForObject("select id from api_token where token_hash = ?", Long.class,
					SecretTokens.hash(token));
			HttpResponse<String> revoked = visitor.submit("/staff/account/tokens",
					"/staff/account/tokens/" + id + "/revoke", Map.of());
			assertThat(revoked.statusCode()).isEqualTo(302);
			assertThat(visitor.get("/staff/account/tokens").body()).contains("The token was revoked.");
			ApiClient.Response refused = api().bearer(token).get("/api/v1/requests");
			assertUnauthorized(refused, "bad-credentials");
			assertThat(refused.headers("WWW-Authenticate")).anyMatch((h) -> h.contains("error=\"invalid_token\""));

			assertThat(ApiTokenTest.this.jdbc.queryForList(
					"select action from audit_event where target_type = 'API_TOKEN' and target_id = ? order by id",
					String.class, String.valueOf(id)))
				.containsExactly("API_TOKEN_CREATED", "API_TOKEN_REVOKED");
		}

		@Test
		void refusesANamelessTokenAndSomeoneElsesToken() {
			HttpVisitor visitor = new HttpVisitor(ApiTokenTest.this.port, "sv");
			visitor.signIn(ApiTokenTest.this.email, TestAccounts.PASSWORD);
			HttpResponse<String> nameless = visitor.submit("/staff/account/tokens", "/staff/account/tokens",
					Map.of("name", " ", "validityDays", "90"));
			assertThat(nameless.statusCode()).isEqualTo(200);
			assertThat(nameless.body()).contains("Fyll i det här fältet.");

			StaffPrincipal other = TestAccounts.signedIn(ApiTokenTest.this.accounts,
					ApiTokenTest.this.userDetailsService, Role.CASE_HANDLER);
			long othersToken = ApiTokenTest.this.tokens.create(other, "other", null).token().getId();
			HttpResponse<String> refused = visitor.submit("/staff/account/tokens",
					"/staff/account/tokens/" + othersToken + "/revoke", Map.of());
			assertThat(refused.statusCode()).isEqualTo(404);
		}

		@Test
		void thePagesStillDemandACsrfToken() {
			HttpVisitor visitor = new HttpVisitor(ApiTokenTest.this.port, "en");
			visitor.signIn(ApiTokenTest.this.email, TestAccounts.PASSWORD);
			HttpResponse<String> forged = visitor.postWithoutCsrf("/staff/account/tokens",
					Map.of("name", "forged", "validityDays", "0"));
			assertThat(forged.statusCode()).isEqualTo(403);
			// HTTP Basic is the API's, not a way into the pages.
			ApiClient.Response basic = api().basic(ApiTokenTest.this.email, TestAccounts.PASSWORD)
				.get("/staff/account/tokens");
			assertThat(basic.status()).isEqualTo(302);
			assertThat(ApiTokenTest.this.jdbc.queryForObject("select count(*) from api_token where staff_user_id = ?",
					Long.class, ApiTokenTest.this.user.id()))
				.isZero();
		}

	}

	@Nested
	class Bearer {

		@Test
		void recordsTheLastUseAtMostOnceAMinute() {
			ApiTokens.CreatedToken created = ApiTokenTest.this.tokens.create(ApiTokenTest.this.user, "script", null);
			ApiClient api = api().bearer(created.secret());
			assertThat(api.get("/api/v1/requests").status()).isEqualTo(200);
			Instant first = lastUsed(created);
			assertThat(first).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
			ApiTokenTest.this.clock.advance(Duration.ofSeconds(30));
			assertThat(api.get("/api/v1/requests").status()).isEqualTo(200);
			assertThat(lastUsed(created)).isEqualTo(first);
			ApiTokenTest.this.clock.advance(Duration.ofSeconds(31));
			assertThat(api.get("/api/v1/requests").status()).isEqualTo(200);
			assertThat(lastUsed(created)).isEqualTo(Instant.parse("2026-03-03T09:01:01Z"));
		}

		@Test
		void anExpiredTokenAnUnknownOneAndADeactivatedOwnersAreRefused() {
			ApiTokens.CreatedToken expiring = ApiTokenTest.this.tokens.create(ApiTokenTest.this.user, "short",
					Duration.ofDays(30));
			assertThat(api().bearer(expiring.secret()).get("/api/v1/requests").status()).isEqualTo(200);
			ApiTokenTest.this.clock.advance(Duration.ofDays(30));
			assertUnauthorized(api().bearer(expiring.secret()).get("/api/v1/requests"), "bad-credentials");

			assertUnauthorized(api().bearer("dsr_" + "A".repeat(43)).get("/api/v1/requests"), "bad-credentials");
			assertUnauthorized(api().bearer("nonsense").get("/api/v1/requests"), "bad-credentials");

			ApiTokens.CreatedToken token = ApiTokenTest.this.tokens.create(ApiTokenTest.this.user, "long", null);
			assertThat(api().bearer(token.secret()).get("/api/v1/requests").status()).isEqualTo(200);
			ApiTokenTest.this.accounts.deactivate(ApiTokenTest.this.user.id(), Actor.SYSTEM);
			assertUnauthorized(api().bearer(token.secret()).get("/api/v1/requests"), "bad-credentials");
		}

		@Test
		void theTokenCarriesItsOwnersCurrentRoles() {
			ApiTokens.CreatedToken token = ApiTokenTest.this.tokens.create(ApiTokenTest.this.user, "roles", null);
			ApiClient.Response register = api().bearer(token.secret()).post("/api/v1/requests", "{}");
			assertThat(register.status()).isEqualTo(400);
			StaffUser account = ApiTokenTest.this.accounts.get(ApiTokenTest.this.user.id());
			ApiTokenTest.this.accounts.update(account.getId(), account.getVersion(), account.getEmail(),
					account.getDisplayName(), java.util.Set.of(Role.COMPLIANCE_OFFICER), "en", Actor.SYSTEM);
			ApiClient.Response refused = api().bearer(token.secret()).post("/api/v1/requests", "{}");
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.json().path("type").asString()).isEqualTo("tag:dsrdesk.se,2026:problem:forbidden");
		}

		private Instant lastUsed(ApiTokens.CreatedToken created) {
			return ApiTokenTest.this.jdbc.queryForObject("select last_used_at from api_token where id = ?",
					Instant.class, created.token().getId());
		}

	}

	@Nested
	class Basic {

		@Test
		void aStaffAccountSignsInWithoutASessionOrAnAuditLinePerCall() {
			long signIns = signIns();
			ApiClient.Response ok = api().basic(ApiTokenTest.this.email, TestAccounts.PASSWORD).get("/api/v1/requests");
			assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
			assertThat(ok.headers("Set-Cookie")).isEmpty();
			assertThat(signIns()).isEqualTo(signIns);
		}

		@Test
		void wrongPasswordsAre401ThenThisAddressMustWaitAt429() {
			ApiClient wrong = api().basic(ApiTokenTest.this.email, "not the password");
			for (int i = 0; i < 3; i++) {
				assertUnauthorized(wrong.get("/api/v1/requests"), "bad-credentials");
			}
			// This address must wait now, as on the sign-in page: even the right password
			// is refused before it is checked, with the time to wait.
			ApiClient.Response refused = api().basic(ApiTokenTest.this.email, TestAccounts.PASSWORD)
				.get("/api/v1/requests");
			assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
			assertThat(refused.json().path("type").asString())
				.isEqualTo("tag:dsrdesk.se,2026:problem:too-many-failures");
			assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 5L);
			assertThat(ApiTokenTest.this.jdbc.queryForObject(
					"select count(*) from audit_event where action = 'API_SIGN_IN_FAILED' and actor_id = ?", Long.class,
					ApiTokenTest.this.user.id()))
				.isEqualTo(3);
			assertThat(ApiTokenTest.this.jdbc.queryForObject(
					"select count(*) from audit_event where action = 'API_SIGN_IN_THROTTLED' and actor_id = ?",
					Long.class, ApiTokenTest.this.user.id()))
				.isOne();
			// The wait ends.
			ApiTokenTest.this.clock.advance(Duration.ofSeconds(6));
			assertThat(api().basic(ApiTokenTest.this.email, TestAccounts.PASSWORD).get("/api/v1/requests").status())
				.isEqualTo(200);
		}

		@Test
		void aDeactivatedAccountIsRefused() {
			ApiTokenTest.this.accounts.deactivate(ApiTokenTest.this.user.id(), Actor.SYSTEM);
			assertUnauthorized(api().basic(ApiTokenTest.this.email, TestAccounts.PASSWORD).get("/api/v1/requests"),
					"bad-credentials");
		}

		private long signIns() {
			return ApiTokenTest.this.jdbc.queryForObject(
					"select count(*) from audit_event where action = 'SIGN_IN' and actor_id = ?", Long.class,
					ApiTokenTest.this.user.id());
		}

	}

	@Test
	void noCredentialsIs401WithBothChallenges() {
		ApiClient.Response response = api().language("sv").get("/api/v1/requests");
		assertUnauthorized(response, "unauthenticated");
		assertThat(response.json().path("title").asString()).isEqualTo("Inloggning krävs");
		assertUnauthorized(api().post("/api/v1/requests", "{}"), "unauthenticated");
		assertThat(api().get("/api/v1/nothing-here").status()).isEqualTo(401);
	}

}
