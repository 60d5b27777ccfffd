package se.dsrdesk.request.casefile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.ApiCallers;
import se.dsrdesk.support.ApiClient;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.support.OpenedRequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Closing a request as a duplicate of another, on the page (the confirmation dialog that
 * works without JavaScript, the links both ways, the optional letter, the translated
 * refusals) and through the API, against real PostgreSQL.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CloseAsDuplicatePageTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiCallers callers;

	StaffPrincipal handler;

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.handler = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.CASE_HANDLER);
		MailDispatch.now(this.context);
		mail.reset();
	}

	@AfterEach
	void tearDown() {
		OpenedRequests.close(this.jdbc, this.opened);
		this.clock.reset();
	}

	@Test
	void theDialogNamesTheConsequenceAndOpensWithoutJavaScript() {
		DsrRequest request = registered();
		String page = html(get(request, ""));
		assertThat(page).contains("id=\"duplicate-panel\"", "confirm=duplicate")
			.doesNotContainPattern("id=\"confirm-duplicate\"[^>]*open");
		String confirming = html(get(request, "?confirm=duplicate"));
		assertThat(confirming).containsPattern("<dialog[^>]*id=\"confirm-duplicate\"[^>]*open")
			.contains("Close " + request.getReference() + " as a duplicate?")
			.contains("its open tasks are cancelled", "This cannot be undone.");
		String swedish = html(this.mvc.get()
			.uri("/staff/requests/" + request.getId() + "?confirm=duplicate")
			.with(user(this.handler))
			.header("Accept-Language", "sv")
			.exchange());
		assertThat(swedish).contains("Avsluta " + request.getReference() + " som dubblett?");
	}

	@Test
	void theFormIsPrefilledWithTheFlaggedDuplicate() {
		DsrRequest original = registered();
		DsrRequest second = registered();
		this.jdbc.update("update dsr_request set possible_duplicate_of = ? where id = ?", original.getId(),
				second.getId());
		String confirming = html(get(second, "?confirm=duplicate"));
		assertThat(confirming).contains("id=\"duplicate-flag\"")
			.containsPattern("<input(?=[^>]*id=\"duplicateOf\")(?=[^>]*value=\"" + original.getReference() + "\")");
		String unflagged = html(get(original, "?confirm=duplicate"));
		assertThat(unflagged).containsPattern("<input(?=[^>]*id=\"duplicateOf\")(?=[^>]*value=\"\")");
	}

	@Test
	void closingLinksBothCancelsTasksAuditsAndWritesNoLetterUnlessAsked() {
		DsrRequest original = registered();
		DsrRequest second = this.requests.startWork(registered().getId(), null, Actor.SYSTEM);
		assertThat(this.tasks.checklist(second.getId())).isNotEmpty();

		MvcTestResult closed = post(second, Map.of("version", Long.toString(second.getVersion()), "duplicateOf",
				original.getReference().toLowerCase()));
		assertThat(closed).hasStatus3xxRedirection();
		assertThat(closed.getMvcResult().getFlashMap().get("success")).isEqualTo("requestPage.done.duplicate");
		DsrRequest now = this.requests.get(second.getId());
		assertThat(now.getStatus()).isEqualTo(RequestStatus.DUPLICATE);
		assertThat(now.getDuplicateOf()).isEqualTo(original.getId());
		assertThat(outboxCount(second, "request-duplicate")).isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where target_type = 'REQUEST' and target_id = ? and action = ?",
				Long.class, second.getId().toString(), "REQUEST_CLOSED_AS_DUPLICATE"))
			.isEqualTo(1L);
		assertThat(
				this.jdbc.queryForObject("select count(*) from location_task where request_id = ? and status = 'OPEN'",
						Long.class, second.getId()))
			.isZero();

		assertThat(html(get(now, ""))).contains("id=\"closed-as-duplicate\"", original.getReference(),
				"/staff/requests/" + original.getId() + "\"");
		assertThat(html(get(original, ""))).contains("id=\"duplicates-of-this\"", second.getReference(),
				"/staff/requests/" + second.getId() + "\"");

		// already closed: refused, translated
		String again = html(
				post(now, Map.of("version", Long.toString(now.getVersion()), "duplicateOf", original.getReference())));
		assertThat(again).contains("Request " + second.getReference() + " is already closed.");
	}

	@Test
	void theLetterIsWrittenWhenAsked() {
		DsrRequest original = registered();
		DsrRequest second = registered();
		MvcTestResult closed = post(second, Map.of("version", Long.toString(second.getVersion()), "duplicateOf",
				original.getReference(), "tellPerson", "true"));
		assertThat(closed).hasStatus3xxRedirection();
		assertThat(closed.getMvcResult().getFlashMap().get("success")).isEqualTo("requestPage.done.duplicateTold");
		assertThat(outboxCount(second, "request-duplicate")).isEqualTo(1L);
	}

	@Test
	void anUnknownReferenceAndTheRequestItselfAreRefusedWithWhatWasTyped() {
		DsrRequest request = registered();
		String unknown = html(post(request,
				Map.of("version", Long.toString(request.getVersion()), "duplicateOf", "DSR-1999-999999")));
		assertThat(unknown).contains("There is no request with the reference DSR-1999-999999.")
			.containsPattern("<dialog[^>]*id=\"confirm-duplicate\"[^>]*open");
		String itself = html(post(request,
				Map.of("version", Long.toString(request.getVersion()), "duplicateOf", request.getReference())));
		assertThat(itself).contains("A request cannot be a duplicate of itself");
		String blank = html(post(request, Map.of("version", Long.toString(request.getVersion()), "duplicateOf", "")));
		assertThat(blank).contains("Enter the reference of the request that is answered instead.");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.NEW);
	}

	@Test
	void aComplianceOfficerCannotClose() {
		DsrRequest original = registered();
		DsrRequest request = registered();
		StaffPrincipal officer = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER);
		MvcTestResult refused = this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/duplicate")
			.with(user(officer))
			.with(csrf())
			.param("version", Long.toString(request.getVersion()))
			.param("duplicateOf", original.getReference())
			.exchange();
		assertThat(refused).hasStatus(403);
		assertThat(html(get(request, ""))).contains("id=\"duplicate-panel\"");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.NEW);
	}

	@Test
	void theApiClosesAndShowsTheLinksAndRefusesWithProblems() {
		ApiClient api = this.callers.as(this.callers.user(Role.CASE_HANDLER));
		DsrRequest original = registered();
		DsrRequest second = registered();
		String path = "/api/v1/requests/" + second.getReference() + "/duplicate-of";

		ApiClient.Response unknown = api.post(path, "{\"duplicateOf\": \"DSR-1999-999999\"}");
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
		assertThat(unknown.json().path("detail").asString()).contains("DSR-1999-999999");
		ApiClient.Response itself = api.post(path, "{\"duplicateOf\": \"" + second.getReference() + "\"}");
		assertThat(itself.status()).as(itself.toString()).isEqualTo(422);
		ApiClient.Response blank = api.post(path, "{\"duplicateOf\": \"\"}");
		assertThat(blank.status()).as(blank.toString()).isEqualTo(400);

		ApiClient.Response closed = api.post(path,
				"{\"duplicateOf\": \"" + original.getReference() + "\", \"tellPerson\": true}");
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		JsonNode json = closed.json();
		assertThat(json.path("status").asString()).isEqualTo("DUPLICATE");
		assertThat(json.path("duplicateOf").asString()).isEqualTo(original.getReference());
		assertThat(outboxCount(second, "request-duplicate")).isEqualTo(1L);
		JsonNode originalJson = api.get("/api/v1/requests/" + original.getReference()).json();
		assertThat(originalJson.path("duplicates").get(0).asString()).isEqualTo(second.getReference());

		ApiClient.Response again = api.post(path, "{\"duplicateOf\": \"" + original.getReference() + "\"}");
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
	}

	private DsrRequest registered() {
		DsrRequest request = this.requests
			.register(new NewRequest("Åsa Öberg", "person-" + UUID.randomUUID() + "@example.com", "070-123 45 67", "sv",
					RequestType.ACCESS, Channel.EMAIL, "Please help.", null), Actor.SYSTEM);
		this.opened.add(request.getId());
		return request;
	}

	private MvcTestResult get(DsrRequest request, String query) {
		return this.mvc.get()
			.uri("/staff/requests/" + request.getId() + query)
			.with(user(this.handler))
			.header("Accept-Language", "en")
			.exchange();
	}

	private MvcTestResult post(DsrRequest request, Map<String, String> fields) {
		var builder = this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/duplicate")
			.with(user(this.handler))
			.with(csrf())
			.header("Accept-Language", "en");
		fields.forEach((name, value) -> builder.param(name, value));
		return builder.exchange();
	}

	private long outboxCount(DsrRequest request, String template) {
		return this.jdbc.queryForObject("select count(*) from correspondence where request_id = ? and template = ?",
				Long.class, request.getId(), template);
	}

	private static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
