package se.dsrdesk.account.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Failed sign-ins slow down the address they come from, never the account's owner
 * elsewhere (OWASP ASVS 5.0 V6.3.1; NIST SP 800-63B 5.2.2), on PostgreSQL, through the
 * sign-in form and HTTP Basic alike: three free failures at a name from an address, then
 * waits of 5 s, 10 s, 20 s… (at most 15 minutes) for that name from that address, and at
 * most five failures an hour from one address whatever the names.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(
		properties = { "dsr.security.sign-in.failures-per-address-per-hour=5", "dsr.api.auth-failures-per-hour=4" })
class SignInThrottlingTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	String email;

	long id;

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2031-03-03T09:00:00Z"));
		this.email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		this.id = this.jdbc.queryForObject("select id from staff_user where email = ?", Long.class, this.email);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** An address of its own for each use, so that tests and runs do not share limits. */
	static String newAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	MvcTestResult signIn(String email, String password, String address) {
		return this.mvc.post()
			.uri("/login")
			.param("email", email)
			.param("password", password)
			.with(csrf())
			.with(from(address))
			.exchange();
	}

	MvcTestResult api(String email, String password, String address) {
		String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes());
		return this.mvc.get()
			.uri("/api/v1/requests")
			.header("Authorization", "Basic " + basic)
			.with(from(address))
			.exchange();
	}

	List<String> audit(String action) {
		return this.jdbc.queryForList(
				"select coalesce(details, '') from audit_event where actor_id = ? and action = ? order by id",
				String.class, this.id, action);
	}

	@Test
	@DisplayName("The lock-out can no longer be triggered from another address")
	void anAttackerElsewhereCannotKeepTheOwnerOut() {
		String attacker = newAddress();
		for (int i = 0; i < 3; i++) {
			signIn(this.email, "guess " + i, attacker);
		}
		// The attacker's address must wait, even with the right password...
		assertThat(signIn(this.email, TestAccounts.PASSWORD, attacker)).hasRedirectedUrl("/login?wait=5");
		// ...and keeps failing after each wait, for as long as they like.
		for (int i = 0; i < 2; i++) {
			this.clock.advance(Duration.ofMinutes(15));
			signIn(this.email, "more guesses " + i, attacker);
		}
		assertThat(signIn(this.email, TestAccounts.PASSWORD, attacker).getResponse().getRedirectedUrl())
			.startsWith("/login?wait=");

		// The owner, from their own address, is not slowed down at all: a typo, then in.
		String owner = newAddress();
		assertThat(signIn(this.email, "a typo in it", owner)).hasRedirectedUrl("/login?error");
		assertThat(signIn(this.email, TestAccounts.PASSWORD, owner)).hasRedirectedUrl("/staff");
		// So is the API with HTTP Basic.
		assertThat(api(this.email, TestAccounts.PASSWORD, newAddress())).hasStatusOk();

		assertThat(audit("SIGN_IN")).containsExactly("from " + owner);
		assertThat(audit("SIGN_IN_THROTTLED")).hasSize(2);
		assertThat(audit("SIGN_IN_FAILED")).hasSize(6);
	}

	@Test
	@DisplayName("Waits double at each failure, and an unknown name is treated exactly as an account")
	void waitsGrowTheSameForAccountsAndUnknownNames() {
		String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
		String first = newAddress();
		String second = newAddress();
		for (String[] attempt : new String[][] { { this.email, first }, { unknown, second } }) {
			String name = attempt[0];
			String address = attempt[1];
			this.clock.set(Instant.parse("2031-03-03T09:00:00Z"));
			assertThat(signIn(name, "guess 1", address)).as(name).hasRedirectedUrl("/login?error");
			assertThat(signIn(name, "guess 2", address)).as(name).hasRedirectedUrl("/login?error");
			assertThat(signIn(name, "guess 3", address)).as(name).hasRedirectedUrl("/login?wait=5");
			this.clock.advance(Duration.ofSeconds(4));
			assertThat(signIn(name, TestAccounts.PASSWORD, address)).as(name).hasRedirectedUrl("/login?wait=1");
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(signIn(name, "guess 4", address)).as(name).hasRedirectedUrl("/login?wait=10");
		}
		// After the wait the right password gets in, and the failures are forgotten.
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(signIn(this.email, TestAccounts.PASSWORD, first)).hasRedirectedUrl("/staff");
		assertThat(this.accounts.lockedUntil(this.accounts.get(this.id))).isEmpty();
	}

	@Test
	@DisplayName("One address has five failures an hour, whatever names it tries; other addresses are not affected")
	void theLimitPerAddress() {
		String sprayer = newAddress();
		for (int i = 0; i < 4; i++) {
			assertThat(signIn("nobody-" + i + "-" + UUID.randomUUID() + "@example.com", "guess", sprayer))
				.hasRedirectedUrl("/login?error");
		}
		// The fifth failure uses up the hour's five: it says so at once.
		assertThat(signIn("nobody-" + UUID.randomUUID() + "@example.com", "guess", sprayer).getResponse()
			.getRedirectedUrl()).startsWith("/login?wait=");
		// The next try from there is refused before any password is checked, whatever it
		// is: the next failure comes back after 12 minutes (five an hour).
		String refused = signIn(this.email, TestAccounts.PASSWORD, sprayer).getResponse().getRedirectedUrl();
		assertThat(refused).startsWith("/login?wait=");
		assertThat(Long.parseLong(refused.substring("/login?wait=".length()))).isBetween(600L, 720L);
		assertThat(api(this.email, TestAccounts.PASSWORD, sprayer)).hasStatus(429);
		assertThat(signIn(this.email, TestAccounts.PASSWORD, newAddress())).hasRedirectedUrl("/staff");
	}

	@Test
	@DisplayName("HTTP Basic waits like the form: 401 three times, then 429 with Retry-After")
	void httpBasicGetsTheSameTreatment() {
		String address = newAddress();
		for (int i = 0; i < 3; i++) {
			assertThat(api(this.email, "guess " + i, address)).hasStatus(401);
		}
		MvcTestResult refused = api(this.email, TestAccounts.PASSWORD, address);
		assertThat(refused).hasStatus(429);
		assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("5");
		assertThat(api(this.email, TestAccounts.PASSWORD, newAddress())).hasStatusOk();
		assertThat(audit("API_SIGN_IN_FAILED")).hasSize(3);
		assertThat(audit("API_SIGN_IN_THROTTLED")).hasSize(1);
	}

	@Test
	@DisplayName("An admin sees until when an address must wait and can lift the waits")
	void anAdminLiftsTheWaits() {
		String address = newAddress();
		for (int i = 0; i < 3; i++) {
			signIn(this.email, "guess " + i, address);
		}
		assertThat(this.accounts.lockedUntil(this.accounts.get(this.id)))
			.contains(Instant.parse("2031-03-03T09:00:05Z"));
		this.accounts.unlock(this.id, Actor.SYSTEM);
		assertThat(this.accounts.lockedUntil(this.accounts.get(this.id))).isEmpty();
		assertThat(signIn(this.email, TestAccounts.PASSWORD, address)).hasRedirectedUrl("/staff");
	}

	@Test
	@DisplayName("API calls refused for too many failures (429) are audited, one line a minute per address")
	void tooManyRequestsAreAuditedSparingly() {
		String address = newAddress();
		for (int i = 0; i < 4; i++) {
			assertThat(this.mvc.get()
				.uri("/api/v1/requests")
				.header("Authorization", "Bearer made-up-" + i)
				.with(from(address))).hasStatus(401);
		}
		long before = this.jdbc.queryForObject("select count(*) from audit_event where action = 'RATE_LIMITED'",
				Long.class);
		for (int i = 0; i < 3; i++) {
			assertThat(this.mvc.get().uri("/api/v1/requests").with(from(address))).hasStatus(429);
		}
		assertThat(
				this.jdbc.queryForObject("select count(*) from audit_event where action = 'RATE_LIMITED'", Long.class))
			.isEqualTo(before + 1);
	}

}
