package se.dsrdesk.request.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.account.Role;
import se.dsrdesk.support.ApiCallers;
import se.dsrdesk.support.ApiClient;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on the API's POSTs, over real HTTP against PostgreSQL: a retry
 * gets the first answer and registers nothing twice, also when both calls arrive at the
 * same moment; a key reused for another call is 422; a refusal is not kept; a key counts
 * for a day and is then cleaned up; keys are per caller.
 */
@IntegrationTest
class IdempotentApiTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	ApiCallers callers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	String token;

	String email;

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.token = this.callers.token(this.callers.user(Role.CASE_HANDLER));
		this.email = "idem-" + UUID.randomUUID() + "@example.com";
	}

	@AfterEach
	void tearDown() {
		this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
				+ " where data_subject_id in (select id from data_subject where email = ?)"
				+ " and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", this.email);
		this.clock.reset();
	}

	ApiClient api() {
		return this.callers.client().bearer(this.token);
	}

	String body(String description) {
		return """
				{"type": "ACCESS", "subjectName": "Åsa Öberg", "subjectEmail": "%s", "channel": "EMAIL",
				 "language": "sv", "description": "%s"}""".formatted(this.email, description);
	}

	int stored() {
		return this.jdbc
			.queryForObject("select count(*) from dsr_request r join data_subject s on s.id = r.data_subject_id"
					+ " where s.email = ?", Integer.class, this.email);
	}

	@Test
	void aRetryWithTheSameKeyGetsTheFirstAnswerAndRegistersNothingTwice() {
		String key = UUID.randomUUID().toString();
		ApiClient.Response first = api().header("Idempotency-Key", key).post("/api/v1/requests", body("a"));
		ApiClient.Response retry = api().header("Idempotency-Key", key).post("/api/v1/requests", body("a"));

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
		assertThat(retry.http().body()).isEqualTo(first.http().body());
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
		assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
		assertThat(retry.contentType()).startsWith("application/json");
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void withoutAKeyEveryCallRegisters() {
		assertThat(api().post("/api/v1/requests", body("a")).status()).isEqualTo(201);
		assertThat(api().post("/api/v1/requests", body("a")).status()).isEqualTo(201);
		assertThat(stored()).isEqualTo(2);
	}

	@Test
	void aKeyReusedWithAnotherBodyIs422AndChangesNothing() {
		String key = UUID.randomUUID().toString();
		assertThat(api().header("Idempotency-Key", key).post("/api/v1/requests", body("a")).status()).isEqualTo(201);
		ApiClient.Response reused = api().language("sv")
			.header("Idempotency-Key", key)
			.post("/api/v1/requests", body("b"));

		assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
		assertThat(reused.contentType()).startsWith("application/problem+json");
		assertThat(reused.json().path("type").asString())
			.isEqualTo("tag:dsrdesk.se,2026:problem:idempotency-key-reused");
		assertThat(reused.json().path("title").asString()).isEqualTo("Idempotensnyckeln är redan använd");
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void aRefusalIsNotKeptSoTheCorrectedCallWithTheSameKeyRuns() {
		String key = UUID.randomUUID().toString();
		ApiClient.Response refused = api().header("Idempotency-Key", key)
			.post("/api/v1/requests", body("a").replace("\"EMAIL\"", "\"WEB\""));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(
				this.jdbc.queryForObject("select count(*) from idempotency_key where idem_key = ?", Integer.class, key))
			.isZero();

		assertThat(api().header("Idempotency-Key", key).post("/api/v1/requests", body("a")).status()).isEqualTo(201);
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void twoCallsWithTheSameKeyAtTheSameMomentRegisterOnce() throws Exception {
		String key = UUID.randomUUID().toString();
		Callable<ApiClient.Response> call = () -> api().header("Idempotency-Key", key)
			.post("/api/v1/requests", body("a"));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<ApiClient.Response>> calls = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				calls.add(pool.submit(call));
			}
			List<ApiClient.Response> answers = new ArrayList<>();
			for (Future<ApiClient.Response> f : calls) {
				answers.add(f.get());
			}
			assertThat(answers).allSatisfy((a) -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
			assertThat(answers).extracting((a) -> a.header("Location")).containsOnly(answers.get(0).header("Location"));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void anActionRetriedWithItsKeyIsNotDoneTwiceAndAnswersTheSameVersion() {
		ApiClient.Response created = api().post("/api/v1/requests", body("a"));
		String reference = created.json().path("reference").asString();
		String key = UUID.randomUUID().toString();
		ApiClient.Response started = api().header("Idempotency-Key", key)
			.header("If-Match", created.header("ETag"))
			.post("/api/v1/requests/" + reference + "/start");
		ApiClient.Response retried = api().header("Idempotency-Key", key)
			.header("If-Match", created.header("ETag"))
			.post("/api/v1/requests/" + reference + "/start");

		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
		assertThat(retried.http().body()).isEqualTo(started.http().body());
		// The version answered is the one stored: a read after the commit gives the same.
		ApiClient.Response read = api().get("/api/v1/requests/" + reference);
		assertThat(started.header("ETag")).isEqualTo(read.header("ETag"));
		assertThat(started.json().path("version").asLong()).isEqualTo(read.json().path("version").asLong());
	}

	@Test
	void keysArePerCallerAndCountForADayThenTheCleanupDeletesThem() {
		String key = UUID.randomUUID().toString();
		ApiClient.Response first = api().header("Idempotency-Key", key).post("/api/v1/requests", body("a"));
		ApiClient.Response other = this.callers.as(Role.CASE_HANDLER)
			.header("Idempotency-Key", key)
			.post("/api/v1/requests", body("a"));
		assertThat(other.status()).isEqualTo(201);
		assertThat(other.header("Location")).isNotEqualTo(first.header("Location"));
		assertThat(stored()).isEqualTo(2);

		this.clock.set(Instant.parse("2026-03-03T09:00:00Z").plus(Duration.ofHours(25)));
		ApiClient.Response dayAfter = api().header("Idempotency-Key", key).post("/api/v1/requests", body("a"));
		assertThat(dayAfter.status()).isEqualTo(201);
		assertThat(dayAfter.header("Location")).isNotEqualTo(first.header("Location"));
		assertThat(stored()).isEqualTo(3);
	}

	@Test
	void aKeyThatIsNotVisibleAsciiIs400() {
		ApiClient.Response response = api().header("Idempotency-Key", "x".repeat(256))
			.post("/api/v1/requests", body("a"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errors("Idempotency-Key")).hasSize(1);
		assertThat(stored()).isZero();
	}

}
