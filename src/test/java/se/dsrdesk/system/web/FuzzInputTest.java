package se.dsrdesk.system.web;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.ApiCallers;
import se.dsrdesk.support.ApiClient;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hand-written fuzzer over every field of the public form, the registration form, the
 * note, the inbox's filters and the API's registration and list: each round puts hostile
 * values (control characters, broken percent-encoding, huge, negative and overflowing
 * numbers, impossible dates, markup, surrogates) into random fields of an otherwise valid
 * input and asserts that the answer is never a 5xx and that an answer other than success
 * stored nothing. Seeded, so a failure names the seed that reproduces it; a hundred-odd
 * calls in all, to keep the run short.
 */
@IntegrationTest
class FuzzInputTest {

	/**
	 * Hostile values, raw (they are percent-encoded when sent, except the broken ones).
	 */
	static final List<String> NASTY = List.of("", " ", "\u0000", "a\u0000b", "\u0007\u001b[31m", "\u007f\u0085",
			"\r\n\t", "\uFEFF", "\uD83D\uDE00", "Å\u030a", "<script>alert(1)</script>", "' OR 1=1 --", "%", "%ff", "-1",
			"0", "2147483648", "99999999999999999999", "-2147483649", "1e309", "NaN", "true", "maybe", "0000-01-01",
			"0000-01-01T00:00", "1583-10-15T00:00", "9999-12-31T23:59", "2026-02-30T10:00", "+999999999-12-31T23:59",
			"x".repeat(5000), "ACCESS", "WEB", "EMAIL", "BOGUS", "sv", "xx", "null");

	/** Percent-encoding that is not UTF-8, or not percent-encoding at all: sent as is. */
	static final List<String> BROKEN = List.of("%ff", "%", "%zz", "%c3", "%ed%a0%80");

	/** Percent-encoding that is not UTF-8 but that a URI may carry: sent as is. */
	static final List<String> BROKEN_IN_URI = List.of("%ff", "%c3", "%ed%a0%80", "%00");

	static final long SEED = Long.getLong("fuzz.seed", 20261202L);

	@RegisterExtension
	static MailServer mail = new MailServer();

	@LocalServerPort
	int port;

	@Autowired
	ApiCallers callers;

	@Autowired
	AccountService accounts;

	@Autowired
	RequestService requests;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	final Random random = new Random(SEED);

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
	}

	@AfterEach
	void tearDown() {
		this.clock.reset();
	}

	@Test
	void thePublicFormNeverAnswers5xxNorStoresHalfARequest() {
		Map<String, String> valid = new LinkedHashMap<>();
		valid.put("type", "ACCESS");
		valid.put("name", "Nils Nilsson");
		valid.put("email", "");
		valid.put("phone", "");
		valid.put("relationship", "CUSTOMER");
		valid.put("language", "en");
		valid.put("description", "");
		valid.put("truthful", "true");
		valid.put("website", "");
		for (int round = 0; round < 25; round++) {
			String email = "fuzz-" + UUID.randomUUID() + "@example.com";
			valid.put("email", email);
			String body = mutate(valid, "email");
			HttpResponse<String> response = new HttpVisitor(this.port, "en").submitRaw("/request", "/request", body);
			assertThat(response.statusCode()).as("seed %d round %d: %s", SEED, round, shorten(body)).isLessThan(500);
			if (response.statusCode() != 302) {
				assertThat(count("select count(*) from data_subject where email = ?", email))
					.as("seed %d round %d stored a subject for a refused form", SEED, round)
					.isZero();
			}
		}
	}

	@Test
	void theStaffFormsAndFiltersNeverAnswer5xxNorStoreHalfAChange() {
		String staffEmail = TestAccounts.create(this.accounts, Role.CASE_HANDLER, Role.COMPLIANCE_OFFICER, Role.ADMIN);
		HttpVisitor staff = new HttpVisitor(this.port, "sv");
		staff.signIn(staffEmail, TestAccounts.PASSWORD);
		DsrRequest request = this.requests.register(new NewRequest("Åsa", "fuzz-" + UUID.randomUUID() + "@example.com",
				null, "sv", RequestType.ACCESS, Channel.EMAIL, null, null), Actor.SYSTEM);
		String page = "/staff/requests/" + request.getId();

		Map<String, String> register = new LinkedHashMap<>();
		register.put("channel", "EMAIL");
		register.put("receivedAt", "2026-03-02T10:00");
		register.put("type", "ACCESS");
		register.put("name", "Åsa Öberg");
		register.put("email", "");
		register.put("phone", "");
		register.put("language", "sv");
		register.put("description", "");
		for (int round = 0; round < 25; round++) {
			String email = "fuzz-" + UUID.randomUUID() + "@example.com";
			register.put("email", email);
			String body = mutate(register, "email");
			HttpResponse<String> response = staff.submitRaw("/staff/requests/new", "/staff/requests/new", body);
			assertThat(response.statusCode()).as("seed %d round %d: %s", SEED, round, shorten(body)).isLessThan(500);
			if (response.statusCode() != 302) {
				assertThat(count("select count(*) from data_subject where email = ?", email)).isZero();
			}
		}
		int notes = count("select count(*) from request_note where request_id = ?", request.getId());
		for (int round = 0; round < 15; round++) {
			String body = "noteText=" + value();
			HttpResponse<String> response = staff.submitRaw(page, page + "/notes", body);
			assertThat(response.statusCode()).as("seed %d round %d: %s", SEED, round, shorten(body)).isLessThan(500);
			int now = count("select count(*) from request_note where request_id = ?", request.getId());
			assertThat(now).isEqualTo((response.statusCode() == 302) ? notes + 1 : notes);
			notes = now;
		}
		List<String> filters = List.of("status", "type", "assignee", "overdue", "dueWithin", "paused", "extended", "q",
				"after", "page");
		for (int round = 0; round < 15; round++) {
			String query = filters.get(this.random.nextInt(filters.size())) + "=" + queryValue();
			for (String path : List.of("/staff/requests?", "/staff/locations?", "/dashboard?from=2026-01-01&",
					"/audit?")) {
				int status = staff.get(path + query).statusCode();
				assertThat(status).as("seed %d: %s%s", SEED, path, shorten(query)).isLessThan(500);
			}
		}
	}

	@Test
	void theApiNeverAnswers5xxNorStoresHalfARequest() {
		ApiClient api = this.callers.as(Role.CASE_HANDLER);
		List<String> fields = List.of("type", "subjectName", "subjectEmail", "subjectPhone", "channel", "receivedAt",
				"language", "description");
		for (int round = 0; round < 25; round++) {
			String email = "fuzz-" + UUID.randomUUID() + "@example.com";
			Map<String, String> json = new LinkedHashMap<>();
			json.put("type", "\"ACCESS\"");
			json.put("subjectName", "\"Åsa\"");
			json.put("subjectEmail", "\"" + email + "\"");
			json.put("channel", "\"EMAIL\"");
			int mutations = 1 + this.random.nextInt(3);
			for (int m = 0; m < mutations; m++) {
				String field = fields.get(this.random.nextInt(fields.size()));
				if (field.equals("subjectEmail")) {
					continue;
				}
				String raw = NASTY.get(this.random.nextInt(NASTY.size()));
				json.put(field, this.random.nextBoolean() ? jsonString(raw) : raw.isEmpty() ? "null" : raw);
			}
			StringBuilder body = new StringBuilder("{");
			json.forEach((k,
					v) -> body.append((body.length() > 1) ? "," : "").append('"').append(k).append("\":").append(v));
			body.append('}');
			ApiClient.Response response = api.post("/api/v1/requests", body.toString());
			assertThat(response.status()).as("seed %d round %d: %s", SEED, round, shorten(body.toString()))
				.isLessThan(500);
			if (response.status() != 201) {
				assertThat(count("select count(*) from data_subject where email = ?", email)).isZero();
			}
			String query = List.of("status", "type", "overdue", "dueBefore", "assignee", "q", "after")
				.get(this.random.nextInt(7)) + "=" + queryValue();
			assertThat(api.get("/api/v1/requests?" + query).status()).as("seed %d: %s", SEED, shorten(query))
				.isLessThan(500);
		}
	}

	/** A valid form with one to three fields replaced by hostile values, encoded. */
	private String mutate(Map<String, String> valid, String keep) {
		Map<String, String> encoded = new LinkedHashMap<>();
		valid.forEach((k, v) -> encoded.put(k, URLEncoder.encode(v, StandardCharsets.UTF_8)));
		List<String> names = List.copyOf(valid.keySet());
		int mutations = 1 + this.random.nextInt(3);
		for (int m = 0; m < mutations; m++) {
			String field = names.get(this.random.nextInt(names.size()));
			if (!field.equals(keep)) {
				encoded.put(field, value());
			}
		}
		StringBuilder body = new StringBuilder();
		encoded.forEach((k, v) -> body.append((body.length() > 0) ? "&" : "").append(k).append('=').append(v));
		return body.toString();
	}

	/** A hostile value, percent-encoded, or broken encoding as is. */
	private String value() {
		if (this.random.nextInt(6) == 0) {
			return BROKEN.get(this.random.nextInt(BROKEN.size()));
		}
		return encoded();
	}

	/** A hostile value for a query string, which {@code java.net.URI} must accept. */
	private String queryValue() {
		if (this.random.nextInt(6) == 0) {
			return BROKEN_IN_URI.get(this.random.nextInt(BROKEN_IN_URI.size()));
		}
		return encoded();
	}

	private String encoded() {
		return URLEncoder.encode(NASTY.get(this.random.nextInt(NASTY.size())), StandardCharsets.UTF_8);
	}

	private static String jsonString(String raw) {
		StringBuilder json = new StringBuilder("\"");
		raw.chars().forEach((c) -> {
			if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
				json.append(String.format("\\u%04x", c));
			}
			else {
				json.append((char) c);
			}
		});
		return json.append('"').toString();
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

	private static String shorten(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
