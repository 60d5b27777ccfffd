package se.dsrdesk.request.intake;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public form with several rights at once and with a representative, through HTTP
 * with real PostgreSQL and SMTP: GDPR Art. 12(2) (the controller facilitates the exercise
 * of the rights of Art. 15 to 22, also through a representative, EDPB Guidelines
 * 01/2022).
 */
@IntegrationTest
class SeveralRightsAndRepresentativesTest {

	/** Tuesday 14 January 2025, 10:00 in Stockholm. */
	static final Instant SUBMITTED = Instant.parse("2025-01-14T09:00:00Z");

	@RegisterExtension
	static MailServer mail = new MailServer();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	HttpVisitor visitor;

	@BeforeEach
	void setUp() {
		this.clock.set(SUBMITTED);
		this.visitor = new HttpVisitor(this.port, "en-GB");
	}

	@AfterEach
	void tearDown() {
		this.jdbc.update("UPDATE dsr_request SET status = 'WITHDRAWN', closed_at = updated_at"
				+ " WHERE channel = 'WEB' AND status IN ('NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT')");
		this.clock.reset();
	}

	@Test
	@DisplayName("Art. 12(2), Art. 15 and 17: two rights make two linked requests, one confirmation, one acknowledgement")
	void twoRightsMakeTwoLinkedRequestsConfirmedAndAcknowledgedOnce() {
		String email = unique() + "@example.com";
		HttpResponse<String> response = submit(List.of(Map.entry("type", "ACCESS"), Map.entry("type", "ERASURE"),
				Map.entry("name", "Erik Ek"), Map.entry("email", email)));
		assertThat(response.statusCode()).isEqualTo(302);

		List<Map<String, Object>> made = this.jdbc
			.queryForList(
					"SELECT r.id, r.type, r.status, r.data_subject_id, r.received_at, r.made_with FROM dsr_request r"
							+ " JOIN data_subject s ON s.id = r.data_subject_id WHERE s.email = ? ORDER BY r.id",
					email);
		assertThat(made).extracting((row) -> row.get("type")).containsExactly("ACCESS", "ERASURE");
		assertThat(made).extracting((row) -> row.get("data_subject_id"))
			.containsOnly(made.get(0).get("data_subject_id"));
		assertThat(made).extracting((row) -> row.get("received_at")).containsOnly(made.get(0).get("received_at"));
		assertThat(made).extracting((row) -> row.get("made_with")).containsOnly(made.get(0).get("id"));

		List<String> mails = IntakeMails.deliveredTo(this.context, mail, email, 1);
		assertThat(mails).as("one confirmation for both").hasSize(1);
		assertThat(mails.get(0)).contains("It asks for:", "- Access", "- Erasure");

		String token = IntakeMails.confirmToken(mails.get(0));
		this.visitor.submit("/request/confirm?token=" + token, "/request/confirm", Map.of("token", token));
		assertThat(this.jdbc.queryForList("SELECT status FROM dsr_request WHERE made_with = ?", String.class,
				made.get(0).get("id")))
			.containsExactly("NEW", "NEW");

		List<String> after = IntakeMails.deliveredTo(this.context, mail, email, 2);
		assertThat(after).as("one acknowledgement for both").hasSize(2);
		String acknowledgement = after.get(1);
		List<String> references = this.jdbc.queryForList(
				"SELECT reference FROM dsr_request WHERE made_with = ? ORDER BY id", String.class,
				made.get(0).get("id"));
		assertThat(acknowledgement).contains("one request for each right", "Access: reference " + references.get(0),
				"Erasure: reference " + references.get(1), "/request/status/" + references.get(0) + "/",
				"/request/status/" + references.get(1) + "/");
	}

	@Test
	@DisplayName("Art. 12(2), EDPB 01/2022: a representative makes the request; the mails go to them")
	void aRepresentativeMakesTheRequestForSomeoneElse() {
		String email = unique() + "@example.com";
		HttpResponse<String> response = submit(List.of(Map.entry("type", "ACCESS"), Map.entry("name", "Björn Öberg"),
				Map.entry("email", email), Map.entry("forSomeoneElse", "true"), Map.entry("subjectName", "Elsa Öberg"),
				Map.entry("subjectEmail", ""), Map.entry("authority", "PARENT")));
		assertThat(response.statusCode()).isEqualTo(302);

		Map<String, Object> stored = this.jdbc.queryForMap("SELECT s.name, s.email, r.representative_name,"
				+ " r.representative_authority, r.authority_verified_at FROM dsr_request r"
				+ " JOIN data_subject s ON s.id = r.data_subject_id WHERE r.representative_email = ?", email);
		assertThat(stored).containsEntry("name", "Elsa Öberg")
			.containsEntry("email", null)
			.containsEntry("representative_name", "Björn Öberg")
			.containsEntry("representative_authority", "PARENT")
			.containsEntry("authority_verified_at", null);

		List<String> mails = IntakeMails.deliveredTo(this.context, mail, email, 1);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0)).contains("on behalf of another person").doesNotContain("Elsa");
		String token = IntakeMails.confirmToken(mails.get(0));
		this.visitor.submit("/request/confirm?token=" + token, "/request/confirm", Map.of("token", token));
		List<String> after = IntakeMails.deliveredTo(this.context, mail, email, 2);
		assertThat(after.get(1)).contains("Hello Björn Öberg,", "on behalf of Elsa Öberg",
				"we check your authority to act for them");
	}

	@Test
	@DisplayName("EDPB 01/2022: for someone else, the person's name and the authority are required; input is kept")
	void aRequestForSomeoneElseNeedsTheirNameAndTheAuthority() {
		String email = unique() + "@example.com";
		HttpResponse<String> response = submit(
				List.of(Map.entry("type", "ACCESS"), Map.entry("type", "ERASURE"), Map.entry("name", "Björn Öberg"),
						Map.entry("email", email), Map.entry("forSomeoneElse", "true"), Map.entry("subjectName", " ")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Give the name of the person the request is about.",
				"Choose what gives you the authority to act for the person.", "value=\"" + email + "\"");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM dsr_request WHERE representative_email = ?",
				Integer.class, email))
			.isZero();
	}

	@Test
	@DisplayName("Art. 12(2): no right ticked is refused with a translated message")
	void noRightTickedIsRefused() {
		HttpResponse<String> response = submit(
				List.of(Map.entry("name", "Erik Ek"), Map.entry("email", unique() + "@example.com")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Choose what you want to ask for.");
	}

	private HttpResponse<String> submit(List<Map.Entry<String, String>> fields) {
		String encoded = fields.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"))
				+ "&phone=&relationship=CUSTOMER&description=&language=en&truthful=true&website=";
		return this.visitor.submitRaw("/request", "/request", encoded);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String unique() {
		return "p" + UUID.randomUUID().toString().substring(0, 12);
	}

}
