package se.dsrdesk.location.task;

import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.account.token.ApiTokens;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.RecipientNotices;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * Recording a task's outcome through the API: case handlers and admins only, no CSRF
 * token (the API has no session), and every refusal as problem details in the caller's
 * language: a body that is not JSON, a value that is not one of the choices, an outcome
 * that breaks the rules, a task of another request, a task no longer open.
 */
@WebSliceTest(TaskApiController.class)
class TaskApiTest {

	static final String TOKEN = "dsr_task-test";

	static final String URL = "/api/v1/requests/dsr-2026-000042/tasks/7/outcome";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@MockitoBean
	TaskService tasks;

	@MockitoBean
	RequestService requests;

	@MockitoBean
	RecipientNotices recipients;

	@BeforeEach
	void taskSevenBelongsToRequestFortyTwo() {
		DsrRequest request = mock(DsrRequest.class);
		given(request.getId()).willReturn(42L);
		given(request.getReference()).willReturn("DSR-2026-000042");
		// the reference as the client wrote it: RequestService.byReference disregards
		// case
		given(this.requests.byReference("dsr-2026-000042")).willReturn(request);
		LocationTask task = mock(LocationTask.class);
		given(task.getRequestId()).willReturn(42L);
		given(this.tasks.get(7)).willReturn(task);
	}

	void signedInAs(Role... roles) {
		StaffPrincipal principal = TestAccounts.principal(5, roles);
		given(this.tokens.authenticate(TOKEN)).willReturn(Optional.of(principal));
	}

	MvcTestResult post(String json, String language) {
		return this.mvc.post()
			.uri(URL)
			.header("Authorization", "Bearer " + TOKEN)
			.header("Accept-Language", language)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	@Test
	void aComplianceOfficerMayNotRecordOutcomes() {
		signedInAs(Role.COMPLIANCE_OFFICER);
		MvcTestResult result = post("{\"outcome\":\"NOT_FOUND\",\"note\":\"Checked.\"}", "sv");
		assertThat(result).hasStatus(403);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Inte tillåtet");
		then(this.tasks).should(never()).recordOutcome(anyLong(), any(), any());
	}

	@Test
	void aBodyThatIsNotJsonIsRefused() {
		signedInAs(Role.CASE_HANDLER);
		MvcTestResult result = post("outcome=NOT_FOUND", "sv");
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("tag:dsrdesk.se,2026:problem:malformed-body");
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Innehållet kunde inte läsas");
	}

	@Test
	void anOutcomeThatIsNotOneOfTheChoicesIsNamed() {
		signedInAs(Role.CASE_HANDLER);
		MvcTestResult result = post("{\"outcome\":\"LOST\",\"note\":\"Checked.\"}", "sv");
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("outcome");
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("Välj ett av alternativen.");
		then(this.tasks).should(never()).recordOutcome(anyLong(), any(), any());
	}

	@Test
	@DisplayName("Art. 21(3): the API refuses continuing processing at a direct-marketing location, with the reason")
	void continuingAfterAnObjectionToDirectMarketingIsRefusedWithTheReason() {
		signedInAs(Role.CASE_HANDLER);
		given(this.tasks.recordOutcome(anyLong(), any(), any()))
			.willThrow(TestTasks.refused("outcome", "task.objection.absolute.directMarketing"));
		MvcTestResult result = post("{\"outcome\":\"CONTINUES\",\"note\":\"Checked.\",\"summary\":\"x\","
				+ "\"interest\":\"y\",\"situation\":\"z\"}", "sv");
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("outcome");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("Den här platsen används för direktmarknadsföring. En invändning mot den är absolut och "
					+ "behandlingen måste upphöra (dataskyddsförordningen, artikel 21.3).");
	}

	@Test
	void anAdminWithoutTheCaseHandlerRoleMayNotRecordOutcomes() {
		signedInAs(Role.ADMIN);
		MvcTestResult result = post("{\"outcome\":\"NOT_FOUND\",\"note\":\"Checked.\"}", "en");
		assertThat(result).hasStatus(403);
		then(this.tasks).should(never()).recordOutcome(anyLong(), any(), any());
	}

	@Test
	void anOutcomeThatBreaksTheRulesIsNamedInTheCallersLanguage() {
		signedInAs(Role.CASE_HANDLER);
		given(this.tasks.recordOutcome(anyLong(), any(), any()))
			.willThrow(TestTasks.refused("summary", "task.summary.required.FOUND"));
		MvcTestResult result = post("{\"outcome\":\"FOUND\",\"note\":\"Checked.\"}", "sv");
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("tag:dsrdesk.se,2026:problem:invalid-request");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("summary");
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("Sammanfatta vad som hittades.");
	}

	@Test
	void aTaskOfAnotherRequestIsNotFound() {
		signedInAs(Role.CASE_HANDLER);
		LocationTask other = mock(LocationTask.class);
		given(other.getRequestId()).willReturn(43L);
		given(this.tasks.get(7)).willReturn(other);
		MvcTestResult result = post("{\"outcome\":\"NOT_FOUND\",\"note\":\"Checked.\"}", "en");
		assertThat(result).hasStatus(404);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Not found");
		then(this.tasks).should(never()).recordOutcome(anyLong(), any(), any());
	}

	@Test
	void aTaskNoLongerOpenIsAConflict() {
		signedInAs(Role.CASE_HANDLER);
		given(this.tasks.recordOutcome(anyLong(), any(), any())).willThrow(TestTasks.closed(7));
		MvcTestResult result = post("{\"outcome\":\"NOT_FOUND\",\"note\":\"Checked.\"}", "en");
		assertThat(result).hasStatus(409);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("tag:dsrdesk.se,2026:problem:task-closed");
	}

	@Test
	void needsNoCsrfTokenButCredentials() {
		MvcTestResult anonymous = this.mvc.post()
			.uri(URL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"NOT_FOUND\",\"note\":\"Checked.\"}")
			.exchange();
		assertThat(anonymous).hasStatus(401);
		signedInAs(Role.CASE_HANDLER);
		given(this.tasks.recordOutcome(anyLong(), any(), any()))
			.willThrow(TestTasks.refused("note", "validation.required"));
		// Without a CSRF token the call reaches the rules (400), not a CSRF refusal
		// (403).
		assertThat(post("{\"outcome\":\"NOT_FOUND\"}", "en")).hasStatus(400);
	}

}
