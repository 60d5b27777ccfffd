package se.dsrdesk.system.web;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
import se.dsrdesk.support.Html;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bad input found by the fault experiments, over real HTTP against PostgreSQL: a
 * translated 400 (or 404, 413) or the form again with the message and what was typed,
 * never a 500, and nothing stored.
 */
@IntegrationTest
class BadInputTest {

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

	HttpVisitor staff;

	String email;

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		String staffEmail = TestAccounts.create(this.accounts, Role.CASE_HANDLER, Role.COMPLIANCE_OFFICER, Role.ADMIN);
		this.staff = new HttpVisitor(this.port, "en");
		assertThat(this.staff.signIn(staffEmail, TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
		this.email = "bad-" + UUID.randomUUID() + "@example.com";
	}

	@AfterEach
	void tearDown() {
		this.clock.reset();
	}

	int stored() {
		return this.jdbc.queryForObject("select count(*) from data_subject where email = ?", Integer.class, this.email);
	}

	@Test
	void aNulInANoteComesBackWithTheMessageAndTheTextAndStoresNothing() {
		DsrRequest request = this.requests.register(
				new NewRequest("Åsa", this.email, null, "sv", RequestType.ACCESS, Channel.EMAIL, null, null),
				Actor.SYSTEM);
		String page = "/staff/requests/" + request.getId();
		HttpResponse<String> response = this.staff.submit(page, page + "/notes",
				Map.of("noteText", "Ringde\u0000 Åsa om adressen"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Remove the invisible control characters from this text.")
			.contains("&Aring;sa om adressen");
		assertThat(this.jdbc.queryForObject("select count(*) from request_note where request_id = ?", Integer.class,
				request.getId()))
			.isZero();
	}

	@Test
	void searchesWithNulOrBrokenEncodingAnswerWithoutA500() {
		assertThat(this.staff.get("/staff/requests?q=a%00b").statusCode()).isEqualTo(200);
		HttpResponse<String> broken = this.staff.get("/staff/requests?q=%ff");
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(broken.body()).contains("This could not be read");
		HttpResponse<String> dashboard = this.staff.get("/dashboard?from=%ff");
		assertThat(dashboard.statusCode()).isEqualTo(400);
		assertThat(dashboard.body()).contains("This could not be read");
		HttpResponse<String> anonymous = new HttpVisitor(this.port, "sv").get("/request?x=%ff");
		assertThat(anonymous.statusCode()).isEqualTo(400);
		assertThat(anonymous.body()).contains("Det gick inte att läsa");
	}

	@Test
	void aPageNumberBeyondTheEndShowsAnEmptyPageAndAMalformedIdIsNotFound() {
		assertThat(this.staff.get("/staff/locations?page=2147483647").statusCode()).isEqualTo(200);
		assertThat(this.staff.get("/staff/admin/accounts?page=2147483647").statusCode()).isEqualTo(200);
		HttpResponse<String> malformed = this.staff.get("/staff/locations/abc");
		assertThat(malformed.statusCode()).isEqualTo(404);
		assertThat(malformed.body()).contains("Page not found");
	}

	@Test
	void aReceiptDateBeforeTheGdprOrInTheFutureIsRefusedOnTheFormWithWhatWasTyped() {
		for (String receivedAt : new String[] { "0000-01-01T00:00", "1583-06-01T10:00", "2018-05-24T23:59" }) {
			HttpResponse<String> response = this.staff.submit("/staff/requests/new", "/staff/requests/new",
					register(receivedAt));
			assertThat(response.statusCode()).as(receivedAt).isEqualTo(200);
			assertThat(response.body()).as(receivedAt).contains("cannot be before 25 May 2018");
			assertThat(Html.valueOf(response.body(), "name")).hasValue("Åsa Öberg");
		}
		HttpResponse<String> future = this.staff.submit("/staff/requests/new", "/staff/requests/new",
				register("2026-03-04T10:00"));
		assertThat(future.body()).contains("The arrival cannot be in the future.");
		assertThat(stored()).isZero();
		HttpResponse<String> first = this.staff.submit("/staff/requests/new", "/staff/requests/new",
				register("2018-05-25T00:00"));
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void aTamperedChoiceOnThePublicFormIsTranslatedAndAnOversizedFormGetsTheTranslated413() {
		HttpVisitor person = new HttpVisitor(this.port, "en");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("type", "ACCESS");
		fields.put("name", "Nils Nilsson");
		fields.put("email", this.email);
		fields.put("relationship", "CUSTOMER");
		fields.put("language", "en");
		fields.put("description", "");
		fields.put("truthful", "maybe");
		fields.put("website", "");
		HttpResponse<String> tampered = person.submit("/request", "/request", fields);
		assertThat(tampered.statusCode()).isEqualTo(200);
		assertThat(tampered.body()).doesNotContain("Failed to convert").doesNotContain("java.lang");
		assertThat(Html.valueOf(tampered.body(), "email")).hasValue(this.email);

		HttpResponse<String> huge = person.submitRaw("/request", "/request",
				"type=ACCESS&name=Nils&description=" + "a".repeat(2_200_000));
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(huge.body()).contains("Too much to send at once").doesNotContain("HTTP Status 413");
		assertThat(stored()).isZero();
	}

	@Test
	void theApiRefusesControlCharactersOldDatesAndBrokenEncodingWith400() {
		ApiClient api = this.callers.as(Role.CASE_HANDLER);
		assertThat(api.get("/api/v1/requests?q=a%00b").errors("q")).hasSize(1);
		assertThat(api.get("/api/v1/requests?q=%ff").status()).isEqualTo(400);
		String body = """
				{"type": "ACCESS", "subjectName": "Åsa\\u0000", "subjectEmail": "%s", "channel": "EMAIL",
				 "description": "x\\u0007"}""".formatted(this.email);
		ApiClient.Response refused = api.post("/api/v1/requests", body);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.errors("subjectName")).isNotEmpty();
		assertThat(refused.errors("description"))
			.containsExactly("Remove the invisible control characters from this text.");
		ApiClient.Response old = api.post("/api/v1/requests", """
				{"type": "ACCESS", "subjectName": "Åsa", "subjectEmail": "%s", "channel": "EMAIL",
				 "receivedAt": "1583-01-01T10:00"}""".formatted(this.email));
		assertThat(old.status()).as(old.toString()).isEqualTo(400);
		assertThat(old.errors("receivedAt"))
			.containsExactly("The arrival cannot be before 25 May 2018, when the GDPR began to apply. Check the year.");
		assertThat(api.get("/api/v1/requests/abc%ff").status()).isIn(400, 404);
		assertThat(stored()).isZero();
	}

	private Map<String, String> register(String receivedAt) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("channel", "EMAIL");
		fields.put("receivedAt", receivedAt);
		fields.put("type", "ACCESS");
		fields.put("name", "Åsa Öberg");
		fields.put("email", this.email);
		fields.put("phone", "");
		fields.put("language", "sv");
		fields.put("description", "");
		return fields;
	}

}
