package se.dsrdesk.request.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.account.token.ApiTokens;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.support.ApiClient;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API for several rights in one request and for requests made by a representative:
 * GDPR Art. 12(2) and EDPB Guidelines 01/2022 (a representative's authority is checked
 * before data is disclosed to them, as the identity is, Art. 12(6)).
 */
@IntegrationTest
class RequestsMadeTogetherApiTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	ApiTokens tokens;

	@Autowired
	RequestService requests;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	ApiClient api;

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		StaffPrincipal handler = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.CASE_HANDLER);
		this.api = new ApiClient(this.port).bearer(this.tokens.create(handler, "test", null).secret());
	}

	@AfterEach
	void tearDown() {
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
		}
		this.clock.reset();
	}

	JsonNode register(String json) {
		ApiClient.Response response = this.api.post("/api/v1/requests", json);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode body = response.json();
		long id = this.requests.byReference(body.path("reference").asString()).getId();
		this.opened.add(id);
		this.requests.madeTogether(this.requests.get(id)).forEach((other) -> this.opened.add(other.getId()));
		return body;
	}

	@Test
	@DisplayName("Art. 12(2), Art. 15 and 17: otherTypes makes one linked request per right, same person and time")
	void severalRightsMakeLinkedRequests() {
		JsonNode first = register("""
				{"type": "ACCESS", "otherTypes": ["ERASURE", "ACCESS"], "subjectName": "Åsa Öberg",
				 "subjectEmail": "asa-%s@example.com", "channel": "LETTER", "receivedAt": "2026-03-02T10:30"}"""
			.formatted(UUID.randomUUID()));
		assertThat(first.path("type").asString()).isEqualTo("ACCESS");
		assertThat(first.path("madeTogether")).hasSize(1);
		String other = first.path("madeTogether").get(0).asString();
		JsonNode sibling = this.api.get("/api/v1/requests/" + other).json();
		assertThat(sibling.path("type").asString()).isEqualTo("ERASURE");
		assertThat(sibling.path("receivedAt").asString()).isEqualTo(first.path("receivedAt").asString());
		assertThat(sibling.path("subjectName").asString()).isEqualTo("Åsa Öberg");
		assertThat(sibling.path("madeTogether").get(0).asString()).isEqualTo(first.path("reference").asString());
		assertThat(this.jdbc.queryForObject(
				"select count(distinct data_subject_id) from dsr_request where reference in (?, ?)", Integer.class,
				first.path("reference").asString(), other))
			.isEqualTo(1);
	}

	@Test
	@DisplayName("EDPB 01/2022: an access answer to a representative waits for the authority check; then it goes to them")
	void anAccessAnswerWaitsForTheAuthorityCheck() {
		String representativeEmail = "bjorn-" + UUID.randomUUID() + "@example.com";
		JsonNode made = register("""
				{"type": "ACCESS", "subjectName": "Elsa Öberg", "channel": "EMAIL",
				 "representative": {"name": "Björn Öberg", "email": "%s", "authority": "POWER_OF_ATTORNEY"}}"""
			.formatted(representativeEmail));
		assertThat(made.path("representative").path("name").asString()).isEqualTo("Björn Öberg");
		assertThat(made.path("representative").path("authority").asString()).isEqualTo("POWER_OF_ATTORNEY");
		assertThat(made.path("representative").path("authorityVerifiedAt").isNull()).isTrue();
		String path = "/api/v1/requests/" + made.path("reference").asString();
		long id = this.requests.byReference(made.path("reference").asString()).getId();

		assertThat(this.api.post(path + "/start").status()).isEqualTo(200);
		this.jdbc.update("update location_task set status = 'CANCELLED' where request_id = ?", id);
		this.requests.verifyIdentity(id, null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);

		ApiClient.Response refused = this.api.post(path + "/answer", "{\"text\": \"Here is the data.\"}");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().path("type").asString())
			.isEqualTo("tag:dsrdesk.se,2026:problem:authority-not-verified");

		ApiClient.Response blank = this.api.post(path + "/authority", "{\"note\": \" \"}");
		assertThat(blank.status()).isEqualTo(400);
		ApiClient.Response checked = this.api.post(path + "/authority",
				"{\"note\": \"Power of attorney dated 1 March 2026, signed by Elsa Öberg\"}");
		assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
		assertThat(checked.json().path("representative").path("authorityVerifiedAt").isNull()).isFalse();
		assertThat(this.api.post(path + "/authority", "{\"note\": \"Again\"}").status()).isEqualTo(409);

		ApiClient.Response answered = this.api.post(path + "/answer", "{\"text\": \"Here is the data.\"}");
		assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
		assertThat(answered.json().path("status").asString()).isEqualTo("COMPLETED");
		MailDispatch.now(this.context);
		assertThat(mail.messagesTo(representativeEmail))
			.as("the acknowledgement and then the answer go to the representative")
			.hasSize(2);
	}

	@Test
	@DisplayName("EDPB 01/2022: a representative without an authority is refused with a translated reason")
	void aRepresentativeNeedsAnAuthority() {
		ApiClient.Response response = this.api.language("en").post("/api/v1/requests", """
				{"type": "ACCESS", "subjectName": "Elsa Öberg", "channel": "EMAIL",
				 "representative": {"name": "Björn Öberg"}}""");
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.toString()).contains("Choose what gives you the authority to act for the person.");
	}

}
