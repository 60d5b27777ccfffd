package se.dsrdesk.request.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.support.ApiCallers;
import se.dsrdesk.support.ApiClient;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API's requests over real HTTP against the running application (the API's own
 * filter chain, no session, no CSRF), with real PostgreSQL and a controllable clock:
 * every endpoint, its problem details for bad input, unknown references and state
 * conflicts, and the role checks, which are the pages'.
 */
@IntegrationTest
class RequestApiTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	ApiCallers callers;

	@Autowired
	RequestService requests;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	StaffPrincipal handler;

	ApiClient api;

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		// Tuesday 3 March 2026, 10:00 in Stockholm.
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.handler = this.callers.user(Role.CASE_HANDLER);
		this.api = this.callers.as(this.handler);
	}

	@AfterEach
	void tearDown() {
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
		}
		this.clock.reset();
	}

	static String newRequest(String type, String email, String receivedAt) {
		return """
				{"type": "%s", "subjectName": "Åsa Öberg", "subjectEmail": "%s", "channel": "EMAIL",
				 "receivedAt": %s, "language": "sv", "description": "Vilka uppgifter har ni om mig?"}""".formatted(type,
				email, (receivedAt != null) ? "\"" + receivedAt + "\"" : "null");
	}

	JsonNode register(String type) {
		ApiClient.Response response = this.api.post("/api/v1/requests",
				newRequest(type, "asa-" + UUID.randomUUID() + "@example.com", null));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode json = response.json();
		this.opened.add(this.requests.byReference(json.path("reference").asString()).getId());
		return json;
	}

	static void assertProblem(ApiClient.Response response, int status, String kind) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).isEqualTo("tag:dsrdesk.se,2026:problem:" + kind);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
	}

	@Nested
	class Registering {

		@Test
		void answers201WithTheLocationAndTheRequestReadInTheControllersTimeZone() {
			String email = "asa-" + UUID.randomUUID() + "@example.com";
			// A local date and time is read in Stockholm: 10:30 there is 09:30 UTC in
			// winter.
			ApiClient.Response response = RequestApiTest.this.api.post("/api/v1/requests",
					newRequest("ACCESS", email, "2026-03-02T10:30"));
			assertThat(response.status()).as(response.toString()).isEqualTo(201);
			JsonNode json = response.json();
			String reference = json.path("reference").asString();
			RequestApiTest.this.opened.add(RequestApiTest.this.requests.byReference(reference).getId());
			assertThat(reference).matches("DSR-2026-\\d{6}");
			assertThat(response.header("Location")).endsWith("/api/v1/requests/" + reference);
			assertThat(response.header("ETag")).isEqualTo("\"0\"");
			assertThat(response.headers("Set-Cookie")).isEmpty();
			assertThat(json.path("type").asString()).isEqualTo("ACCESS");
			assertThat(json.path("status").asString()).isEqualTo("NEW");
			assertThat(json.path("channel").asString()).isEqualTo("EMAIL");
			assertThat(json.path("subjectName").asString()).isEqualTo("Åsa Öberg");
			assertThat(json.path("subjectEmail").asString()).isEqualTo(email);
			assertThat(json.path("receivedAt").asString()).isEqualTo("2026-03-02T09:30:00Z");
			assertThat(json.path("receivedOn").asString()).isEqualTo("2026-03-02");
			assertThat(json.path("originalDeadline").asString()).isEqualTo("2026-04-02");
			assertThat(json.path("effectiveDeadline").asString()).isEqualTo("2026-04-02");
			assertThat(json.path("pauses").isArray()).isTrue();
			assertThat(json.path("extension").isNull()).isTrue();
			assertThat(json.path("assignee").isNull()).isTrue();
			assertThat(json.path("tasks").isArray()).isTrue();
			assertThat(json.path("correspondence").path("total").asLong()).as("acknowledged by default").isOne();
			assertThat(json.path("correspondence").path("latest").get(0).path("template").asString())
				.isEqualTo("request-acknowledged");
			// What the Location names is there to read.
			ApiClient.Response read = RequestApiTest.this.api.get("/api/v1/requests/" + reference);
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.json().path("reference").asString()).isEqualTo(reference);
		}

		@Test
		void acceptsAnInstantWithAnOffsetAndDefaultsToNow() {
			ApiClient.Response withOffset = RequestApiTest.this.api.post("/api/v1/requests",
					newRequest("ERASURE", "o-" + UUID.randomUUID() + "@example.com", "2026-03-01T23:30:00-01:00"));
			assertThat(withOffset.status()).as(withOffset.toString()).isEqualTo(201);
			RequestApiTest.this.opened
				.add(RequestApiTest.this.requests.byReference(withOffset.json().path("reference").asString()).getId());
			assertThat(withOffset.json().path("receivedAt").asString()).isEqualTo("2026-03-02T00:30:00Z");
			assertThat(withOffset.json().path("receivedOn").asString()).isEqualTo("2026-03-02");

			JsonNode now = register("RECTIFICATION");
			assertThat(now.path("receivedAt").asString()).isEqualTo("2026-03-03T09:00:00Z");
		}

		@Test
		void badInputIs400WithTheFieldsAndTranslatedMessages() {
			String body = """
					{"type": "WISH", "subjectName": "Åsa", "subjectEmail": "not-an-email", "channel": "EMAIL"}""";
			ApiClient.Response badType = RequestApiTest.this.api.post("/api/v1/requests", body);
			assertProblem(badType, 400, "invalid-request");
			assertThat(badType.errors("type")).containsExactly("Choose one of the options.");

			ApiClient.Response badEmail = RequestApiTest.this.api.language("sv")
				.post("/api/v1/requests", body.replace("WISH", "ACCESS"));
			assertProblem(badEmail, 400, "invalid-request");
			assertThat(badEmail.json().path("title").asString()).isEqualTo("Anropet innehåller fel");
			assertThat(badEmail.errors("subjectEmail")).hasSize(1);
			assertThat(badEmail.errors("subjectEmail").get(0)).contains("e-postadress");

			ApiClient.Response missing = RequestApiTest.this.api.language("en").post("/api/v1/requests", "{}");
			assertProblem(missing, 400, "invalid-request");
			assertThat(missing.errors("type")).isNotEmpty();
			assertThat(missing.errors("subjectName")).containsExactly("Fill in this field.");
			assertThat(missing.errors("channel")).isNotEmpty();

			ApiClient.Response malformedTime = RequestApiTest.this.api.post("/api/v1/requests",
					newRequest("ACCESS", "a@example.com", "yesterday at noon"));
			assertProblem(malformedTime, 400, "invalid-request");
			assertThat(malformedTime.errors("receivedAt")).hasSize(1);

			ApiClient.Response future = RequestApiTest.this.api.post("/api/v1/requests",
					newRequest("ACCESS", "a@example.com", "2026-03-03T09:00:01Z"));
			assertProblem(future, 400, "invalid-request");
			assertThat(future.errors("receivedAt")).hasSize(1);

			ApiClient.Response web = RequestApiTest.this.api.post("/api/v1/requests",
					newRequest("ACCESS", "a@example.com", null).replace("EMAIL", "WEB"));
			assertProblem(web, 400, "invalid-request");
			assertThat(web.errors("channel")).hasSize(1);

			ApiClient.Response notJson = RequestApiTest.this.api.post("/api/v1/requests", "{\"type\": ");
			assertProblem(notJson, 400, "malformed-body");
		}

		@Test
		void notAcknowledgingNeedsAReasonWhichIsKeptAsANote() {
			String body = newRequest("ACCESS", "n-" + UUID.randomUUID() + "@example.com", null).replace("}",
					", \"acknowledge\": false}");
			ApiClient.Response missing = RequestApiTest.this.api.language("en").post("/api/v1/requests", body);
			assertProblem(missing, 400, "invalid-request");
			assertThat(missing.errors("noAcknowledgementReason"))
				.containsExactly("Say why no acknowledgement is sent.");
			ApiClient.Response blank = RequestApiTest.this.api.language("en")
				.post("/api/v1/requests", body.replace("}", ", \"noAcknowledgementReason\": \"  \"}"));
			assertProblem(blank, 400, "invalid-request");

			ApiClient.Response registered = RequestApiTest.this.api.post("/api/v1/requests",
					body.replace("}", ", \"noAcknowledgementReason\": \"Asked us to write by post only\"}"));
			assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
			long id = RequestApiTest.this.requests.byReference(registered.json().path("reference").asString()).getId();
			RequestApiTest.this.opened.add(id);
			assertThat(registered.json().path("correspondence").path("total").asLong()).as("not acknowledged").isZero();
			assertThat(RequestApiTest.this.jdbc.queryForList("select body from request_note where request_id = ?",
					String.class, id))
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.endsWith("Asked us to write by post only");

			ApiClient.Response explicit = RequestApiTest.this.api.post("/api/v1/requests",
					newRequest("ERASURE", "y-" + UUID.randomUUID() + "@example.com", null).replace("}",
							", \"acknowledge\": true}"));
			assertThat(explicit.status()).as(explicit.toString()).isEqualTo(201);
			RequestApiTest.this.opened
				.add(RequestApiTest.this.requests.byReference(explicit.json().path("reference").asString()).getId());
			assertThat(explicit.json().path("correspondence").path("latest").get(0).path("template").asString())
				.isEqualTo("request-acknowledged");
		}

		@Test
		void isForCaseHandlersOnly() {
			ApiClient officer = RequestApiTest.this.callers.as(Role.COMPLIANCE_OFFICER, Role.ADMIN);
			ApiClient.Response refused = officer.post("/api/v1/requests", newRequest("ACCESS", "a@example.com", null));
			assertProblem(refused, 403, "forbidden");
		}

	}

	@Nested
	class Reading {

		@Test
		void theListFiltersAndPagesByCursor() {
			String name = "Pagina " + UUID.randomUUID().toString().substring(0, 8);
			for (int i = 0; i < 27; i++) {
				DsrRequest request = RequestApiTest.this.requests.register(
						new NewRequest(name, null, null, "sv", (i == 0) ? RequestType.OBJECTION : RequestType.ACCESS,
								Channel.LETTER, null, Instant.parse("2026-02-20T09:00:00Z").minus(Duration.ofDays(i))),
						Actor.SYSTEM);
				RequestApiTest.this.opened.add(request.getId());
			}
			ApiClient.Response first = RequestApiTest.this.api.get("/api/v1/requests?q=" + name.replace(" ", "%20"));
			assertThat(first.status()).as(first.toString()).isEqualTo(200);
			assertThat(first.json().path("items")).hasSize(25);
			String next = first.json().path("next").asString();
			assertThat(next).isNotBlank();
			ApiClient.Response second = RequestApiTest.this.api
				.get("/api/v1/requests?q=" + name.replace(" ", "%20") + "&after=" + next);
			assertThat(second.json().path("items")).hasSize(2);
			assertThat(second.json().path("next").isNull()).isTrue();
			JsonNode item = first.json().path("items").get(0);
			assertThat(item.path("subjectName").asString()).isEqualTo(name);
			// Most urgent first: the oldest has the earliest deadline and is overdue.
			assertThat(item.path("effectiveDeadline").asString()).isEqualTo("2026-02-25");
			assertThat(item.path("overdue").asBoolean()).isTrue();
			assertThat(item.path("daysLeft").asLong()).isEqualTo(-6);

			String query = "/api/v1/requests?q=" + name.replace(" ", "%20");
			assertThat(RequestApiTest.this.api.get(query + "&type=OBJECTION").json().path("items")).hasSize(1);
			assertThat(RequestApiTest.this.api.get(query + "&overdue=true").json().path("items").size()).isBetween(1,
					25);
			JsonNode dueBefore = RequestApiTest.this.api.get(query + "&dueBefore=2026-02-27").json().path("items");
			assertThat(dueBefore).hasSize(2);
			assertThat(RequestApiTest.this.api.get(query + "&assignee=mine").json().path("items")).isEmpty();
			assertThat(RequestApiTest.this.api.get(query + "&assignee=unassigned&status=NEW").json().path("items"))
				.hasSize(25);
			assertThat(RequestApiTest.this.api.get(query + "&status=COMPLETED").json().path("items")).isEmpty();
		}

		@Test
		void badFiltersAre400() {
			for (String field : List.of("status=SLEEPING", "type=WISH", "dueBefore=soon", "assignee=bob",
					"after=2026-13-45,1")) {
				ApiClient.Response response = RequestApiTest.this.api.get("/api/v1/requests?" + field);
				assertProblem(response, 400, "invalid-request");
				assertThat(response.errors(field.substring(0, field.indexOf('=')))).as(response.toString()).hasSize(1);
			}
		}

		@Test
		void allStaffReadARequestAndAnUnknownReferenceIs404() {
			JsonNode created = register("ACCESS");
			String reference = created.path("reference").asString();
			ApiClient officer = RequestApiTest.this.callers.as(Role.COMPLIANCE_OFFICER);
			ApiClient.Response read = officer.get("/api/v1/requests/" + reference.toLowerCase());
			assertThat(read.status()).as(read.toString()).isEqualTo(200);
			assertThat(read.json().path("reference").asString()).isEqualTo(reference);
			assertThat(officer.get("/api/v1/requests").status()).isEqualTo(200);
			assertProblem(officer.get("/api/v1/requests/DSR-1999-000000"), 404, "not-found");
		}

	}

	@Nested
	class Acting {

		@Test
		void pauseResumeExtendAssignAndRejectFollowTheWorkflow() {
			String reference = register("ACCESS").path("reference").asString();
			String path = "/api/v1/requests/" + reference;

			JsonNode started = RequestApiTest.this.api.post(path + "/start").json();
			assertThat(started.path("status").asString()).isEqualTo("IN_PROGRESS");
			assertThat(started.path("tasks").size()).isPositive();
			assertThat(started.path("tasks").get(0).path("status").asString()).isEqualTo("OPEN");

			ApiClient.Response paused = RequestApiTest.this.api.post(path + "/pause",
					"{\"ground\": \"IDENTITY\", \"reason\": \"Your customer number, please.\"}");
			assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
			assertThat(paused.json().path("status").asString()).isEqualTo("AWAITING_SUBJECT");
			assertThat(paused.json().path("pauses").get(0).path("pausedOn").asString()).isEqualTo("2026-03-03");
			assertThat(paused.json().path("pauses").get(0).path("reason").asString())
				.isEqualTo("Your customer number, please.");
			assertThat(paused.json().path("pauses").get(0).path("ground").asString()).isEqualTo("IDENTITY");
			assertThat(paused.json().path("pauses").get(0).path("stopsClock").asBoolean()).isTrue();
			assertThat(paused.json().path("correspondence").path("latest").get(0).path("template").asString())
				.isEqualTo("request-information-needed");

			RequestApiTest.this.clock.advance(Duration.ofDays(4));
			JsonNode resumed = RequestApiTest.this.api.post(path + "/resume").json();
			assertThat(resumed.path("status").asString()).isEqualTo("IN_PROGRESS");
			assertThat(resumed.path("pauses").get(0).path("resumedOn").asString()).isEqualTo("2026-03-07");
			assertThat(resumed.path("effectiveDeadline").asString()).isEqualTo("2026-04-07");

			ApiClient.Response extended = RequestApiTest.this.api.post(path + "/extension",
					"{\"months\": 2, \"reason\": \"Many systems to search.\"}");
			assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
			assertThat(extended.json().path("extension").path("months").asInt()).isEqualTo(2);
			assertThat(extended.json().path("extension").path("reason").asString())
				.isEqualTo("Many systems to search.");
			assertThat(extended.json().path("effectiveDeadline").asString()).isEqualTo("2026-06-08");
			assertProblem(RequestApiTest.this.api.post(path + "/extension", "{\"months\": 1, \"reason\": \"Again.\"}"),
					409, "extension-not-allowed");

			StaffPrincipal colleague = RequestApiTest.this.callers.user(Role.CASE_HANDLER);
			ApiClient.Response assigned = RequestApiTest.this.api.post(path + "/assign",
					"{\"assigneeEmail\": \"" + colleague.email().toUpperCase() + "\"}");
			assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
			assertThat(assigned.json().path("assignee").path("id").asLong()).isEqualTo(colleague.id());
			assertThat(assigned.json().path("assignee").path("name").asString()).isEqualTo("Test User");

			ApiClient.Response rejected = RequestApiTest.this.api.post(path + "/reject",
					"{\"ground\": \"EXCESSIVE\", \"reasons\": \"The fifth identical request this month.\"}");
			assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
			assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
			assertThat(rejected.json().path("rejectionGround").asString()).isEqualTo("EXCESSIVE");
			assertThat(rejected.json().path("tasks").get(0).path("status").asString()).isEqualTo("CANCELLED");

			// Pausing a closed request is a state conflict.
			ApiClient.Response pauseClosed = RequestApiTest.this.api.post(path + "/pause",
					"{\"ground\": \"SCOPE\", \"reason\": \"Anything else?\", \"justification\": \"x\"}");
			assertProblem(pauseClosed, 409, "transition-not-allowed");
			assertThat(pauseClosed.json().path("requestStatus").asString()).isEqualTo("REJECTED");
		}

		@Test
		void extendingAfterTheOneMonthDeadlineIs409() {
			String path = "/api/v1/requests/" + register("ERASURE").path("reference").asString();
			RequestApiTest.this.clock.advance(Duration.ofDays(40));
			ApiClient.Response late = RequestApiTest.this.api.post(path + "/extension",
					"{\"months\": 1, \"reason\": \"Too late now.\"}");
			assertProblem(late, 409, "extension-not-allowed");
		}

		@Test
		@DisplayName("Art. 12(3), 12(6), Recital 63: the API refuses a pause the law does not allow, in the reader's language")
		void pausesTheLawRefusesAre409WithTheReason() {
			String path = "/api/v1/requests/" + register("ACCESS").path("reference").asString();
			assertThat(RequestApiTest.this.api.post(path + "/pause", "{\"reason\": \"Your customer number.\"}")
				.errors("ground")).containsExactly("Choose why the information is needed.");

			ApiClient.Response unjustified = RequestApiTest.this.api.language("sv")
				.post(path + "/pause", "{\"ground\": \"SCOPE\", \"reason\": \"Which newsletter?\"}");
			assertProblem(unjustified, 409, "refused");
			assertThat(unjustified.json().path("pauseRefused").asString()).isEqualTo("justification-required");
			assertThat(unjustified.json().path("detail").asString())
				.isEqualTo("Skriv varför ett klargörande av omfattningen behövs.");

			ApiClient.Response scope = RequestApiTest.this.api.post(path + "/pause",
					"{\"ground\": \"SCOPE\", \"reason\": \"Which newsletter?\", \"justification\": \"Three lists\"}");
			assertThat(scope.status()).as(scope.toString()).isEqualTo(200);
			assertThat(scope.json().path("pauses").get(0).path("ground").asString()).isEqualTo("SCOPE");
			assertThat(scope.json().path("pauses").get(0).path("stopsClock").asBoolean()).isFalse();
			RequestApiTest.this.api.post(path + "/resume");

			RequestApiTest.this.clock.advance(Duration.ofDays(40));
			ApiClient.Response late = RequestApiTest.this.api.language("en")
				.post(path + "/pause", "{\"ground\": \"IDENTITY\", \"reason\": \"Your customer number.\"}");
			assertProblem(late, 409, "refused");
			assertThat(late.json().path("pauseRefused").asString()).isEqualTo("deadline-passed");
			assertThat(late.json().path("detail").asString()).startsWith("The deadline has passed");
		}

		@Test
		@DisplayName("Art. 12(4): a refusal after the one-month limit needs the reason it is late")
		void aLateRefusalNeedsItsReason() {
			String path = "/api/v1/requests/" + register("ACCESS").path("reference").asString();
			RequestApiTest.this.clock.advance(Duration.ofDays(40));
			ApiClient.Response refused = RequestApiTest.this.api.language("en")
				.post(path + "/reject", "{\"ground\": \"EXCESSIVE\", \"reasons\": \"The fifth identical request.\"}");
			assertProblem(refused, 400, "invalid-request");
			assertThat(refused.errors("lateReason"))
				.containsExactly("The one-month limit has passed: record why the refusal comes late.");
			ApiClient.Response late = RequestApiTest.this.api.post(path + "/reject",
					"{\"ground\": \"EXCESSIVE\", \"reasons\": \"The fifth identical request.\", "
							+ "\"lateReason\": \"The case handler was on leave.\"}");
			assertThat(late.status()).as(late.toString()).isEqualTo(200);
			assertThat(late.json().path("status").asString()).isEqualTo("REJECTED");
		}

		@Test
		void badActionInputIs400() {
			String path = "/api/v1/requests/" + register("ACCESS").path("reference").asString();
			ApiClient.Response months = RequestApiTest.this.api.post(path + "/extension",
					"{\"months\": 3, \"reason\": \"\"}");
			assertProblem(months, 400, "invalid-request");
			assertThat(months.errors("months")).containsExactly("Choose one or two months.");
			assertThat(months.errors("reason")).containsExactly("Give the reason for the extension.");
			assertThat(RequestApiTest.this.api.post(path + "/pause", "{}").errors("reason")).hasSize(1);
			assertThat(RequestApiTest.this.api.post(path + "/reject", "{\"ground\": \"BORED\", \"reasons\": \"x\"}")
				.errors("ground")).hasSize(1);
			StaffPrincipal officer = RequestApiTest.this.callers.user(Role.COMPLIANCE_OFFICER);
			assertThat(RequestApiTest.this.api.post(path + "/assign", "{\"assigneeId\": " + officer.id() + "}")
				.errors("assigneeId")).containsExactly("Choose an active case handler.");
			assertThat(RequestApiTest.this.api.post(path + "/assign", "{}").errors("assigneeId")).hasSize(1);
		}

		@Test
		void aStaleIfMatchIs409AndACurrentOneIsAccepted() {
			String path = "/api/v1/requests/" + register("ACCESS").path("reference").asString();
			ApiClient.Response read = RequestApiTest.this.api.get(path);
			String etag = read.header("ETag");
			assertThat(RequestApiTest.this.api.header("If-Match", etag).post(path + "/start").status()).isEqualTo(200);
			assertProblem(
					RequestApiTest.this.api.header("If-Match", etag)
						.post(path + "/pause", "{\"ground\": \"IDENTITY\", \"reason\": \"ID please\"}"),
					409, "changed-meanwhile");
		}

		@Test
		void onlyCaseHandlersActAndAnUnknownReferenceIs404() {
			String path = "/api/v1/requests/" + register("ACCESS").path("reference").asString();
			ApiClient officer = RequestApiTest.this.callers.as(Role.COMPLIANCE_OFFICER, Role.ADMIN);
			assertProblem(officer.post(path + "/start"), 403, "forbidden");
			assertProblem(officer.post(path + "/pause", "{\"ground\": \"IDENTITY\", \"reason\": \"x\"}"), 403,
					"forbidden");
			assertProblem(officer.post(path + "/extension", "{\"months\": 1, \"reason\": \"x\"}"), 403, "forbidden");
			assertProblem(officer.post(path + "/reject", "{\"ground\": \"EXCESSIVE\", \"reasons\": \"x\"}"), 403,
					"forbidden");
			assertProblem(RequestApiTest.this.api.post("/api/v1/requests/DSR-1999-000000/start"), 404, "not-found");
		}

	}

	@Nested
	class TaskOutcomes {

		@Test
		void recordsAnOutcomeByTheTaskRules() {
			String path = "/api/v1/requests/" + register("ACCESS").path("reference").asString();
			JsonNode task = RequestApiTest.this.api.post(path + "/start").json().path("tasks").get(0);
			String outcome = path + "/tasks/" + task.path("id").asLong() + "/outcome";

			ApiClient.Response invalid = RequestApiTest.this.api.post(outcome,
					"{\"outcome\": \"FOUND\", \"note\": \"Searched the CRM.\"}");
			assertProblem(invalid, 400, "invalid-request");
			assertThat(invalid.errors("summary")).containsExactly("Summarise what was found.");
			assertThat(RequestApiTest.this.api.post(outcome, "{\"outcome\": \"ERASED\", \"note\": \"x\"}")
				.errors("outcome")).hasSize(1);

			ApiClient.Response officer = RequestApiTest.this.callers.as(Role.COMPLIANCE_OFFICER)
				.post(outcome, "{\"outcome\": \"NOT_FOUND\", \"note\": \"Searched the CRM.\"}");
			assertProblem(officer, 403, "forbidden");

			// An admin without the case handler role does not (least privilege), nor
			// reads
			// the request.
			assertProblem(
					RequestApiTest.this.callers.as(Role.ADMIN)
						.post(outcome, "{\"outcome\": \"NOT_FOUND\", \"note\": \"Searched the CRM.\"}"),
					403, "forbidden");
			assertProblem(RequestApiTest.this.callers.as(Role.ADMIN).get(path), 403, "forbidden");

			ApiClient.Response done = RequestApiTest.this.callers.as(Role.ADMIN, Role.CASE_HANDLER)
				.post(outcome,
						"{\"outcome\": \"FOUND\", \"note\": \"Searched the CRM.\", \"summary\": \"Name and email.\"}");
			assertThat(done.status()).as(done.toString()).isEqualTo(200);
			assertThat(done.json().path("status").asString()).isEqualTo("DONE");
			assertThat(done.json().path("outcome").asString()).isEqualTo("FOUND");
			JsonNode listed = RequestApiTest.this.api.get(path).json().path("tasks").get(0);
			assertThat(listed.path("outcome").asString()).isEqualTo("FOUND");

			assertProblem(RequestApiTest.this.api.post(outcome, "{\"outcome\": \"NOT_FOUND\", \"note\": \"again\"}"),
					409, "task-closed");
			assertProblem(RequestApiTest.this.api.post(
					"/api/v1/requests/DSR-1999-000000/tasks/" + task.path("id").asLong() + "/outcome",
					"{\"outcome\": \"NOT_FOUND\", \"note\": \"x\"}"), 404, "not-found");
		}

	}

	@Test
	void datesAreIsoDates() {
		JsonNode json = register("PORTABILITY");
		assertThat(LocalDate.parse(json.path("effectiveDeadline").asString())).isAfter(LocalDate.of(2026, 3, 3));
	}

}
