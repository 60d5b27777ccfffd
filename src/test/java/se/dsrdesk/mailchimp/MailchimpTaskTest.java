package se.dsrdesk.mailchimp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.location.connector.TaskFindings;
import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.ApiCallers;
import se.dsrdesk.support.ApiClient;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static se.dsrdesk.mailchimp.MailchimpApi.CUSTOMERS;
import static se.dsrdesk.mailchimp.MailchimpApi.KEY;
import static se.dsrdesk.mailchimp.MailchimpApi.NEWSLETTER;
import static se.dsrdesk.mailchimp.MailchimpApi.hash;

/**
 * The newsletter's task with the Mailchimp connector, the whole application against real
 * PostgreSQL and an HTTP server that answers as Mailchimp's API reference documents
 * (WireMock): the copy lands in the task's findings (the answer package's data); an
 * erasure on the page needs the confirmation, deletes permanently in each audience (never
 * {@code DELETE}) and records the outcome with its evidence, which the letter then says;
 * an objection unsubscribes through the API; each failure shows the page's message and
 * leaves the task open; the key is in neither the log nor a page.
 */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class MailchimpTaskTest {

	static final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		server.start();
		MailchimpApi.warmUp(server);
	}

	@DynamicPropertySource
	static void mailchimp(DynamicPropertyRegistry registry) {
		registry.add("dsr.mailchimp.api-key", () -> KEY);
		registry.add("dsr.mailchimp.base-url", () -> server.baseUrl() + "/3.0");
		registry.add("dsr.mailchimp.retries", () -> "1");
		registry.add("dsr.mailchimp.backoff", () -> "10ms");
		registry.add("dsr.mailchimp.read-timeout", () -> "5s");
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	LocationService locations;

	@Autowired
	TaskFindings findings;

	@Autowired
	AnswerComposer composer;

	@Autowired
	ApiCallers callers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvcTester mvc;

	DataLocation newsletter;

	String address;

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		server.resetAll();
		this.newsletter = this.locations.create(new LocationDetails(
				new LocalizedText("Nyhetsbrev " + UUID.randomUUID(), "Newsletter"), new LocalizedText(null, null),
				LocationKind.NEWSLETTER_PLATFORM, null, new LocalizedText(null, null), new LocalizedText(null, null),
				LegalBasis.CONSENT, List.of(), new LocalizedText(null, null), new LocalizedText("Ett år", "One year"),
				12, new LocalizedText(null, null), new LocalizedText(null, null), 12, EnumSet.allOf(RequestType.class),
				true), Actor.SYSTEM);
		// Mailchimp keeps the address as it was typed; the request has it in other case.
		this.address = "Asa.Oberg." + UUID.randomUUID().toString().substring(0, 8) + "@Exempel.SE";
		MailchimpApi.memberInTwoAudiences(server, this.address);
		server.stubFor(
				get(urlPathEqualTo("/3.0/search-members")).atPriority(10).willReturn(okJson(MailchimpApi.search())));
	}

	@AfterEach
	void tearDown() {
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
		}
		this.jdbc.update("update data_location set active = false where id = ?", this.newsletter.getId());
	}

	@Test
	void theCopyOfBothMembershipsLandsInTheTasksFindingsThroughTheApi() {
		LocationTask task = taskFor(RequestType.ACCESS);
		ApiClient api = this.callers.as(Role.CASE_HANDLER);
		String base = "/api/v1/requests/" + reference(task) + "/tasks/" + task.getId() + "/connector/";

		ApiClient.Response found = api.get(base + "find");
		assertThat(found.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		found.json().path("hits").forEach((hit) -> ids.add(hit.path("id").asString()));
		assertThat(ids).containsExactly(NEWSLETTER + ":" + hash(this.address), CUSTOMERS + ":" + hash(this.address));

		ApiClient.Response copied = api.post(base + "copy",
				"{\"hits\": [\"" + ids.get(0) + "\", \"" + ids.get(1) + "\"]}");
		assertThat(copied.status()).as(copied.http().body()).isEqualTo(200);
		List<Finding> stored = this.findings.ofRequest(task.getRequestId());
		assertThat(stored).hasSize(10).allMatch(Finding::included);
		assertThat(stored.get(0).fields()).containsEntry("email_address", this.address)
			.containsEntry("merge_fields.FNAME", "Åsa")
			.containsEntry("list_id", NEWSLETTER);
		assertThat(stored).filteredOn((finding) -> finding.kind() == Finding.Kind.FILE)
			.extracting(Finding::fileName)
			.containsExactly("mailchimp-" + NEWSLETTER + ".json", "mailchimp-" + CUSTOMERS + ".json");
		assertThat(this.tasks.get(task.getId()).isOpen()).as("an access task is answered by the handler").isTrue();
		server.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void anErasureOnThePageNeedsTheConfirmationDeletesPermanentlyAndTheLetterSaysSo(CapturedOutput output) {
		server.stubFor(MailchimpApi.deleted(post(urlPathMatching("/3.0/lists/.*/actions/delete-permanent"))));
		LocationTask task = taskFor(RequestType.ERASURE);
		StaffPrincipal handler = this.callers.user(Role.CASE_HANDLER);

		String page = html(this.mvc.get()
			.uri("/staff/tasks/" + task.getId() + "?find=0")
			.with(user(handler))
			.header("Accept-Language", "en")
			.exchange());
		assertThat(page).contains("Audience Newsletter: subscribed", "Audience Customers: unsubscribed", "192.0.2.11",
				"FNAME: Åsa", "cannot be undone");
		assertThat(page).doesNotContain(KEY);

		MvcTestResult unconfirmed = erase(task, handler, false);
		assertThat(unconfirmed.getMvcResult().getFlashMap().get("failure")).isEqualTo("connector.erase.confirm");
		server.verify(0, postRequestedFor(anyUrl()));
		assertThat(this.tasks.get(task.getId()).isOpen()).isTrue();

		MvcTestResult erased = erase(task, handler, true);
		assertThat(erased.getMvcResult().getFlashMap().get("success")).isEqualTo("connector.erased");
		for (String list : List.of(NEWSLETTER, CUSTOMERS)) {
			server.verify(1, postRequestedFor(urlPathEqualTo(
					"/3.0/lists/" + list + "/members/" + hash(this.address) + "/actions/delete-permanent")));
		}
		server.verify(0, deleteRequestedFor(anyUrl()));
		LocationTask done = this.tasks.get(task.getId());
		assertThat(done.getOutcome()).isEqualTo(TaskOutcome.ERASED);
		assertThat(done.getNote()).contains(NEWSLETTER, CUSTOMERS, "deleted permanently", "HTTP 204")
			.doesNotContainIgnoringCase("oberg");
		assertThat(this.jdbc.queryForObject(
				"select details from audit_event where action = 'CONNECTOR_ERASE' and target_id = ?", String.class,
				String.valueOf(task.getId())))
			.contains("connector=mailchimp", "count=2", NEWSLETTER, CUSTOMERS)
			.doesNotContainIgnoringCase("oberg")
			.doesNotContain("Åsa");

		String letter = this.composer.compose(task.getRequestId(), Locale.ENGLISH);
		assertThat(letter).contains("Newsletter: your address and everything linked to it have been permanently "
				+ "deleted from our newsletter list, not just unsubscribed.");
		assertThat(output.getAll()).doesNotContain(KEY);
	}

	@Test
	void anObjectionUnsubscribesThroughTheApiAndStopsTheProcessing() {
		server.stubFor(patch(urlPathMatching("/3.0/lists/.*/members/.*"))
			.willReturn(okJson(MailchimpApi.member(NEWSLETTER, this.address, "unsubscribed"))));
		LocationTask task = taskFor(RequestType.OBJECTION);
		ApiClient api = this.callers.as(Role.CASE_HANDLER);
		String base = "/api/v1/requests/" + reference(task) + "/tasks/" + task.getId() + "/connector/";
		String hit = NEWSLETTER + ":" + hash(this.address);

		ApiClient.Response dry = api.post(base + "unsubscribe", "{\"hits\": [\"" + hit + "\"], \"dryRun\": true}");
		assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
		server.verify(0, patchRequestedFor(anyUrl()));

		ApiClient.Response done = api.post(base + "unsubscribe", "{\"hits\": [\"" + hit + "\"]}");
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.json().path("count").asInt()).isEqualTo(1);
		server.verify(1,
				patchRequestedFor(urlPathEqualTo("/3.0/lists/" + NEWSLETTER + "/members/" + hash(this.address)))
					.withRequestBody(equalToJson("{\"status\": \"unsubscribed\"}")));
		server.verify(0, deleteRequestedFor(anyUrl()));
		server.verify(0, postRequestedFor(anyUrl()));
		assertThat(this.tasks.get(task.getId()).getOutcome()).isEqualTo(TaskOutcome.PROCESSING_STOPPED);
		assertThat(this.composer.compose(task.getRequestId(), Locale.ENGLISH))
			.contains("Newsletter: we have unsubscribed you and will not send you the newsletter again.");
	}

	@Test
	void aRefusedKeyShowsThePagesMessageNamingTheSettingAndRecordsNothing(CapturedOutput output) {
		server.stubFor(get(anyUrl()).atPriority(1)
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/problem+json")
				.withBody(MailchimpApi.problem(401, "API Key Invalid", "Your API key may be invalid."))));
		LocationTask task = taskFor(RequestType.ERASURE);
		String page = html(this.mvc.get()
			.uri("/staff/tasks/" + task.getId() + "?find=0")
			.with(user(this.callers.user(Role.CASE_HANDLER)))
			.header("Accept-Language", "en")
			.exchange());
		assertThat(page).contains("Mailchimp refused the API key (HTTP 401): check the setting dsr.mailchimp.api-key")
			.doesNotContain(KEY);
		assertThat(this.tasks.get(task.getId()).isOpen()).isTrue();
		assertThat(output.getAll()).doesNotContain(KEY);
	}

	@Test
	void aMemberGoneMeanwhileIsNotRecordedAsErased() {
		server.stubFor(post(urlPathMatching(".*/delete-permanent")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/problem+json")
			.withBody(MailchimpApi.problem(404, "Resource Not Found", "The requested resource could not be found."))));
		LocationTask task = taskFor(RequestType.ERASURE);
		MvcTestResult result = erase(task, this.callers.user(Role.CASE_HANDLER), true);
		assertThat(result.getMvcResult().getFlashMap().get("success")).isEqualTo("connector.erased");
		assertThat((Object[]) result.getMvcResult().getFlashMap().get("successArgs")).containsExactly(0);
		assertThat(this.tasks.get(task.getId()).isOpen()).isTrue();
	}

	@Test
	void tooManyRequestsAndAServerErrorAreWaitedOutAndTheErasureGoesThrough() {
		server.stubFor(post(urlPathMatching(".*/delete-permanent")).inScenario("busy")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("failing"));
		server.stubFor(post(urlPathMatching(".*/delete-permanent")).inScenario("busy")
			.whenScenarioStateIs("failing")
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("up"));
		server.stubFor(MailchimpApi
			.deleted(post(urlPathMatching(".*/delete-permanent")).inScenario("busy").whenScenarioStateIs("up")));
		LocationTask task = taskFor(RequestType.ERASURE);
		ApiClient api = this.callers.as(Role.CASE_HANDLER);
		String base = "/api/v1/requests/" + reference(task) + "/tasks/" + task.getId() + "/connector/";

		// Retries 1: the 429 uses it, the 500 fails the first call; nothing recorded.
		ApiClient.Response failed = api.post(base + "erase",
				"{\"hits\": [\"" + NEWSLETTER + ":" + hash(this.address) + "\"], \"confirmed\": true}");
		assertThat(failed.status()).as(failed.http().body()).isEqualTo(502);
		assertThat(failed.json().path("detail").asString()).contains("HTTP 500");
		assertThat(this.tasks.get(task.getId()).isOpen()).isTrue();

		ApiClient.Response done = api.post(base + "erase",
				"{\"hits\": [\"" + NEWSLETTER + ":" + hash(this.address) + "\"], \"confirmed\": true}");
		assertThat(done.status()).isEqualTo(200);
		assertThat(this.tasks.get(task.getId()).getOutcome()).isEqualTo(TaskOutcome.ERASED);
	}

	@Test
	void aTimeoutShowsThePagesMessageAndLeavesTheTaskOpen() throws InterruptedException {
		server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204).withFixedDelay(6000)));
		LocationTask task = taskFor(RequestType.ERASURE);
		StaffPrincipal handler = this.callers.user(Role.CASE_HANDLER);
		MvcTestResult result = erase(task, handler, true);
		assertThat(result.getMvcResult().getFlashMap().get("failure")).isEqualTo("mailchimp.unreachable");
		assertThat(this.tasks.get(task.getId()).isOpen()).isTrue();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'CONNECTOR_ERASE' and target_id = ?", Integer.class,
				String.valueOf(task.getId())))
			.isZero();
		Thread.sleep(2000);
	}

	private MvcTestResult erase(LocationTask task, StaffPrincipal handler, boolean confirmed) {
		var request = this.mvc.post()
			.uri("/staff/tasks/" + task.getId() + "/connector/erase")
			.param("hit", NEWSLETTER + ":" + hash(this.address), CUSTOMERS + ":" + hash(this.address))
			.with(user(handler))
			.with(csrf())
			.header("Accept-Language", "en")
			.header("Referer", "http://localhost/staff/tasks/" + task.getId());
		if (confirmed) {
			request = request.param("confirmed", "true");
		}
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatus3xxRedirection();
		return result;
	}

	private LocationTask taskFor(RequestType type) {
		DsrRequest request = this.requests.register(
				new NewRequest("Åsa Öberg", this.address, null, "en", type, Channel.EMAIL, null, this.clock.instant()),
				Actor.SYSTEM);
		this.opened.add(request.getId());
		this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		return this.tasks.ofRequest(request.getId())
			.stream()
			.filter((task) -> task.getLocation().getId().equals(this.newsletter.getId()))
			.findFirst()
			.orElseThrow();
	}

	private String reference(LocationTask task) {
		return this.requests.get(task.getRequestId()).getReference();
	}

	private static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
