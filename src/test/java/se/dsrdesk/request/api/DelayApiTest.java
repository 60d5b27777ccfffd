package se.dsrdesk.request.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.account.Role;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.support.ApiCallers;
import se.dsrdesk.support.ApiClient;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dsrdesk.request.api.RequestApiTest.assertProblem;
import static se.dsrdesk.request.api.RequestApiTest.newRequest;

/**
 * Delays announced and late answers through the API (Art. 12(3)), with translated
 * refusals in English and Swedish. The requests are received on Tuesday 3 March 2026; the
 * one-month deadline is Tuesday 7 April.
 */
@IntegrationTest
class DelayApiTest {

	@Autowired
	ApiCallers callers;

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	ApiClient api;

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.api = this.callers.as(Role.CASE_HANDLER);
	}

	@AfterEach
	void tearDown() {
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
		}
		this.clock.reset();
	}

	private String register(String email) {
		String body = newRequest("ERASURE", email, null);
		if (email == null) {
			body = body.replace("\"subjectEmail\": \"null\"", "\"subjectEmail\": null")
				.replace("\"channel\": \"EMAIL\"", "\"channel\": \"LETTER\"");
		}
		ApiClient.Response response = this.api.post("/api/v1/requests", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		String reference = response.json().path("reference").asString();
		DsrRequest request = this.requests.byReference(reference);
		this.opened.add(request.getId());
		this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		return "/api/v1/requests/" + reference;
	}

	@Test
	@DisplayName("Art. 12(3): the API says when a delay notice is due, refuses one without a reason or date "
			+ "(English and Swedish), and records it")
	void delayNotice() {
		String path = register("asa-" + UUID.randomUUID() + "@example.com");
		this.clock.set(Instant.parse("2026-04-08T09:00:00Z"));
		assertThat(this.api.get(path).json().path("delay").path("due").asBoolean()).isTrue();
		ApiClient.Response english = this.api.language("en")
			.post(path + "/delay-notice", "{\"reason\": \"\", \"expectedOn\": \"2026-04-01\"}");
		assertProblem(english, 400, "invalid-request");
		assertThat(english.errors("delayReason")).containsExactly("Write why the answer is delayed.");
		assertThat(english.errors("expectedOn")).containsExactly("The expected date must be after today.");
		ApiClient.Response swedish = this.api.language("sv")
			.post(path + "/delay-notice", "{\"reason\": \"\", \"expectedOn\": null}");
		assertProblem(swedish, 400, "invalid-request");
		assertThat(swedish.errors("expectedOn")).containsExactly("Ange det datum då personen kan vänta sig svaret.");

		ApiClient.Response told = this.api.post(path + "/delay-notice",
				"{\"reason\": \"Backups must be restored.\", \"expectedOn\": \"2026-04-24\"}");
		assertThat(told.status()).as(told.toString()).isEqualTo(200);
		JsonNode delay = told.json().path("delay");
		assertThat(delay.path("announcedOn").asString()).isEqualTo("2026-04-08");
		assertThat(delay.path("expectedOn").asString()).isEqualTo("2026-04-24");
		assertThat(delay.path("due").asBoolean()).isFalse();
	}

	@Test
	@DisplayName("Art. 12(3): an extension without email counts once the API records a notice posted within the month")
	void extensionPosted() {
		String path = register(null);
		this.clock.set(Instant.parse("2026-03-20T09:00:00Z"));
		ApiClient.Response extended = this.api.post(path + "/extension",
				"{\"months\": 1, \"reason\": \"Paper archives.\"}");
		assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
		assertThat(extended.json().path("extension").path("counts").asBoolean()).isFalse();
		assertThat(extended.json().path("effectiveDeadline").asString()).isEqualTo("2026-04-07");
		this.clock.set(Instant.parse("2026-04-09T09:00:00Z"));
		ApiClient.Response tooLate = this.api.language("sv")
			.post(path + "/extension-posted", "{\"postedOn\": \"2026-04-08\"}");
		assertProblem(tooLate, 400, "invalid-request");
		assertThat(tooLate.errors("postedOn")).singleElement().asString().contains("efter den första månaden");
		ApiClient.Response posted = this.api.post(path + "/extension-posted", "{\"postedOn\": \"2026-03-23\"}");
		assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
		assertThat(posted.json().path("extension").path("counts").asBoolean()).isTrue();
		assertThat(posted.json().path("extension").path("noticePostedOn").asString()).isEqualTo("2026-03-23");
		assertThat(posted.json().path("effectiveDeadline").asString()).isEqualTo("2026-05-04");
	}

	@Test
	@DisplayName("Art. 12(3): an answer after the deadline needs the reason it is late (English and Swedish)")
	void lateAnswer() {
		String path = register("asa-" + UUID.randomUUID() + "@example.com");
		DsrRequest request = this.requests.byReference(path.substring(path.lastIndexOf('/') + 1));
		TestTasks.finishAll(this.tasks, request.getId());
		this.requests.verifyIdentity(request.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		this.clock.set(Instant.parse("2026-04-08T09:00:00Z"));
		ApiClient.Response english = this.api.language("en").post(path + "/answer", "{\"text\": \"Our answer.\"}");
		assertProblem(english, 400, "invalid-request");
		assertThat(english.errors("lateReason"))
			.containsExactly("The deadline has passed: record why the answer comes late.");
		ApiClient.Response swedish = this.api.language("sv").post(path + "/answer", "{\"text\": \"Our answer.\"}");
		assertThat(swedish.errors("lateReason"))
			.containsExactly("Tidsfristen har gått ut. Ange varför svaret kommer sent.");
		ApiClient.Response answered = this.api.post(path + "/answer",
				"{\"text\": \"Our answer.\", \"lateReason\": \"The handler was ill.\"}");
		assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
		assertThat(answered.json().path("status").asString()).isEqualTo("COMPLETED");
	}

}
