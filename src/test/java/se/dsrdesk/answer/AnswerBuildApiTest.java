package se.dsrdesk.answer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.location.connector.NewFinding;
import se.dsrdesk.location.connector.TaskFindings;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.ApiCallers;
import se.dsrdesk.support.ApiClient;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer package prepared through the REST API (issue 13's gap: an API client could
 * send an answer but not prepare its package, so a large package could never be sent
 * through the API). Over real HTTP with an API token, real PostgreSQL and GreenMail: a
 * large package is refused until prepared, then prepared, followed until ready and sent
 * with exactly the files built; a build stops matching once the review or the letter
 * changed; the roles and unknown references. The package itself is GDPR Art. 15(3)'s copy
 * of the data, sent by the means the person used (Art. 12(3)).
 */
@IntegrationTest
class AnswerBuildApiTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Over {@code dsr.answer.build.inline-limit} (2 MB). */
	static final int LARGE = 2_200_000;

	@Autowired
	ApiCallers callers;

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskFindings findings;

	@Autowired
	LocationService locations;

	@Autowired
	AccountService accounts;

	@Autowired
	AnswerBuildRunner runner;

	@Autowired
	AnswerPackages packages;

	@Autowired
	AnswerComposer composer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	ApiClient api;

	StaffUser owner;

	DataLocation crm;

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.api = this.callers.as(Role.CASE_HANDLER);
		this.owner = this.accounts.create("owner-" + UUID.randomUUID() + "@example.com", "Olga Owner",
				EnumSet.of(Role.CASE_HANDLER), "en", TestAccounts.PASSWORD, Actor.SYSTEM);
		this.crm = AnswerFixtures.crm(this.locations, this.owner);
		// Builds left by other tests are not this test's.
		this.runner.runWaiting();
		MailDispatch.now(this.context);
		mail.reset();
	}

	@AfterEach
	void tearDown() {
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
			this.jdbc.update("update answer_build set status = 'FAILED' where request_id = ? and status in"
					+ " ('QUEUED', 'RUNNING')", id);
		}
		this.jdbc.update("update data_location set active = false where id = ?", this.crm.getId());
		this.clock.reset();
	}

	@Test
	void aLargePackageIsRefusedUntilPreparedThroughTheApiThenSentWithTheFilesBuilt() throws Exception {
		String email = "bo-" + UUID.randomUUID() + "@example.se";
		DsrRequest request = largeRequest(email);
		String reference = request.getReference();
		String draft = this.composer.compose(request.getId(), Locale.ENGLISH).strip();

		// Too large to build while the send waits, and nothing prepared.
		assertProblem(send(reference, draft), 409, "package-not-prepared");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		assertProblem(this.api.get(packagePath(reference)), 404, "package-not-built");

		// Prepared: 202 at once, with where to follow it.
		ApiClient.Response queued = this.api.post(packagePath(reference), body(draft));
		assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
		JsonNode build = queued.json();
		long buildId = build.path("id").asLong();
		assertThat(queued.header("Location")).endsWith(packagePath(reference) + "/" + buildId);
		assertThat(build.path("status").asString()).isEqualTo("QUEUED");
		assertThat(build.path("percent").asInt()).isZero();
		assertThat(build.path("createdAt").asString()).isEqualTo("2026-03-03T09:00:00Z");
		assertThat(build.path("matches").asBoolean()).isFalse();
		assertThat(build.path("files").isEmpty()).isTrue();

		// A second one while it waits is refused and names the first.
		ApiClient.Response second = this.api.post(packagePath(reference), body(draft));
		assertProblem(second, 409, "package-build-running");
		assertThat(second.json().path("buildId").asLong()).isEqualTo(buildId);

		// Followed until ready (the runner is run here rather than waited for).
		String location = URI.create(queued.header("Location")).getPath();
		assertThat(this.api.get(location).json().path("status").asString()).isEqualTo("QUEUED");
		assertThat(this.runner.runWaiting()).isEqualTo(1);
		ApiClient.Response readyAnswer = this.api.get(location);
		assertThat(readyAnswer.status()).as(readyAnswer.toString()).isEqualTo(200);
		JsonNode ready = readyAnswer.json();
		assertThat(ready.path("status").asString()).isEqualTo("READY");
		assertThat(ready.path("percent").asInt()).isEqualTo(100);
		assertThat(ready.path("matches").asBoolean()).isTrue();
		assertThat(ready.path("finishedAt").asString()).isNotBlank();
		Map<String, Long> built = new LinkedHashMap<>();
		ready.path("files").forEach((f) -> built.put(f.path("name").asString(), f.path("size").asLong()));
		assertThat(built).containsKeys(AnswerDownloads.PDF, AnswerDownloads.JSON, AnswerDownloads.ZIP)
			.containsValue((long) LARGE);
		// Without an id: the newest build.
		assertThat(this.api.get(packagePath(reference)).json().path("id").asLong()).isEqualTo(buildId);

		// Sent with the same text: the build's files, not a second package.
		ApiClient.Response sent = send(reference, draft);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(sent.json().path("status").asString()).isEqualTo("COMPLETED");
		Long builtDownload = this.jdbc.queryForObject("select download_id from answer_build where id = ?", Long.class,
				buildId);
		assertThat(this.jdbc.queryForList("select id from answer_download where request_id = ?", Long.class,
				request.getId()))
			.containsExactly(builtDownload);
		JsonNode after = this.api.get(location).json();
		assertThat(after.path("status").asString()).isEqualTo("SENT");
		assertThat(after.path("matches").asBoolean()).isFalse();

		// The person's link gives exactly those files.
		MailDispatch.now(this.context);
		Matcher link = AnswerBuildTest.LINK.matcher(MailServer.plainText(mail.messagesTo(email).get(0)));
		assertThat(link.find()).isTrue();
		for (Map.Entry<String, Long> file : built.entrySet()) {
			byte[] downloaded = download("/request/download/" + link.group(1) + "/" + file.getKey());
			assertThat((long) downloaded.length).as(file.getKey()).isEqualTo(file.getValue());
		}
		String export = built.keySet().stream().filter((n) -> n.endsWith("-export.txt")).findFirst().orElseThrow();
		assertThat(download("/request/download/" + link.group(1) + "/" + export))
			.isEqualTo("x".repeat(LARGE).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aBuildNoLongerMatchesOnceTheReviewOrTheLetterChanged() {
		DsrRequest request = largeRequest("cy-" + UUID.randomUUID() + "@example.se");
		String reference = request.getReference();
		String draft = this.composer.compose(request.getId(), Locale.ENGLISH).strip();
		ApiClient.Response queued = this.api.post(packagePath(reference), body(draft));
		assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
		String location = URI.create(queued.header("Location")).getPath();
		this.runner.runWaiting();
		assertThat(this.api.get(location).json().path("matches").asBoolean()).isTrue();

		// Another letter than the one prepared is not sent with its files.
		assertProblem(send(reference, draft + "\n\nP.S. One more thing."), 409, "package-not-prepared");

		// The review changed after preparing: the build no longer matches, and sending
		// its own letter is refused again.
		Finding member = this.findings.ofRequest(request.getId())
			.stream()
			.filter((f) -> f.kind() == Finding.Kind.RECORD)
			.findFirst()
			.orElseThrow();
		this.packages.review(request.getId(), member.id(), "Name: Bo [[Berg]]", Actor.SYSTEM);
		JsonNode stale = this.api.get(location).json();
		assertThat(stale.path("status").asString()).isEqualTo("READY");
		assertThat(stale.path("matches").asBoolean()).isFalse();
		assertProblem(send(reference, draft), 409, "package-not-prepared");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);

		// Prepared again, it is sent.
		ApiClient.Response again = this.api.post(packagePath(reference), body(draft));
		assertThat(again.status()).as(again.toString()).isEqualTo(202);
		this.runner.runWaiting();
		assertThat(this.api.get(URI.create(again.header("Location")).getPath()).json().path("matches").asBoolean())
			.isTrue();
		assertThat(send(reference, draft).status()).isEqualTo(200);
	}

	@Test
	void onlyCaseHandlersPrepareAndUnknownReferencesAndBuildsAreNotFound() {
		DsrRequest request = largeRequest("di-" + UUID.randomUUID() + "@example.se");
		String reference = request.getReference();
		String draft = this.composer.compose(request.getId(), Locale.ENGLISH).strip();

		ApiClient officer = this.callers.as(Role.COMPLIANCE_OFFICER);
		assertProblem(officer.post(packagePath(reference), body(draft)), 403, "forbidden");
		assertProblem(officer.get(packagePath(reference)), 403, "forbidden");
		assertProblem(officer.get(packagePath(reference) + "/1"), 403, "forbidden");
		assertThat(this.jdbc.queryForObject("select count(*) from answer_build where request_id = ?", Long.class,
				request.getId()))
			.isZero();

		assertProblem(this.api.post(packagePath("DSR-2026-999999"), body(draft)), 404, "not-found");
		assertProblem(this.api.get(packagePath("DSR-2026-999999")), 404, "not-found");
		assertProblem(this.api.get(packagePath(reference) + "/999999999"), 404, "not-found");

		// A build of another request is not this one's.
		DsrRequest other = largeRequest("ed-" + UUID.randomUUID() + "@example.se");
		ApiClient.Response queued = this.api.post(packagePath(other.getReference()), body(draft));
		assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
		assertProblem(this.api.get(packagePath(reference) + "/" + queued.json().path("id").asLong()), 404, "not-found");

		// Bad input, and an answer that has no package, in the caller's language.
		ApiClient.Response blank = this.api.post(packagePath(reference), body(" "));
		assertProblem(blank, 400, "invalid-request");
		assertThat(blank.errors("text")).hasSize(1);
		DsrRequest erasure = this.requests.register(new NewRequest("Bo Berg", "fa-" + UUID.randomUUID() + "@example.se",
				null, "sv", RequestType.ERASURE, Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		this.opened.add(erasure.getId());
		ApiClient.Response notNeeded = this.api.language("sv").post(packagePath(erasure.getReference()), body(draft));
		assertProblem(notNeeded, 409, "package-not-needed");
		assertThat(notNeeded.json().path("title").asString()).isEqualTo("Inget paket att förbereda");
	}

	private static String packagePath(String reference) {
		return "/api/v1/requests/" + reference + "/answer/package";
	}

	private ApiClient.Response send(String reference, String text) {
		return this.api.post("/api/v1/requests/" + reference + "/answer", body(text));
	}

	private static String body(String text) {
		return JSON.writeValueAsString(Map.of("text", text));
	}

	private static void assertProblem(ApiClient.Response response, int status, String kind) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).isEqualTo("tag:dsrdesk.se,2026:problem:" + kind);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
	}

	private byte[] download(String path) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:"
						+ this.environment.getRequiredProperty("local.server.port", Integer.class) + path))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	/**
	 * A started access request, identity verified, whose CRM task found a record and a
	 * file larger than the inline limit; every other task finished.
	 */
	private DsrRequest largeRequest(String email) {
		DsrRequest registered = this.requests.register(new NewRequest("Bo Berg", email, null, "en", RequestType.ACCESS,
				Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		this.opened.add(registered.getId());
		this.requests.startWork(registered.getId(), null, Actor.SYSTEM);
		this.requests.verifyIdentity(registered.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(registered.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(this.crm.getId()))
			.findFirst()
			.orElseThrow();
		this.findings.add(task.getId(),
				List.of(NewFinding.record("Member", "crm:members/1", Map.of("Name", "Bo Berg", "Email", email)),
						NewFinding.file("Export", "crm:export", "export.txt", "text/plain",
								"x".repeat(LARGE).getBytes(StandardCharsets.UTF_8))),
				Actor.SYSTEM);
		this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.FOUND, "Looked up.", "A membership and an export", null, null, null),
				Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, registered.getId());
		return this.requests.get(registered.getId());
	}

}
