package se.dsrdesk.location.task;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.account.token.ApiTokens;
import se.dsrdesk.location.RecipientNotices;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The API while the database does not answer, and text with control characters: 503
 * problem details (also from inside the token check, which used to answer Spring's
 * default error JSON) and 400 naming the field, never a 500.
 */
@WebSliceTest(TaskApiController.class)
class ApiUnavailableTest {

	static final String TOKEN = "dsr_unavailable-test";

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

	MvcTestResult post(String json) {
		return this.mvc.post()
			.uri(URL)
			.header("Authorization", "Bearer " + TOKEN)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	@Test
	void aDatabaseFailureInTheTokenCheckIs503ProblemDetails() {
		given(this.tokens.authenticate(TOKEN)).willThrow(new CannotGetJdbcConnectionException("down"));
		MvcTestResult result = post("{\"outcome\":\"NOT_FOUND\",\"note\":\"Checked.\"}");
		assertThat(result).hasStatus(503);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).headers().hasValue("Retry-After", "5");
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("tag:dsrdesk.se,2026:problem:unavailable");
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Temporarily unavailable");
	}

	@Test
	void aDatabaseFailureInTheCallIs503ProblemDetails() {
		given(this.tokens.authenticate(TOKEN)).willReturn(Optional.of(TestAccounts.principal(5, Role.CASE_HANDLER)));
		given(this.requests.byReference(any())).willThrow(new DataAccessResourceFailureException("restarting"));
		MvcTestResult result = post("{\"outcome\":\"NOT_FOUND\",\"note\":\"Checked.\"}");
		assertThat(result).hasStatus(503);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("tag:dsrdesk.se,2026:problem:unavailable");
	}

	@Test
	void aNulInANoteIs400NamingTheField() {
		given(this.tokens.authenticate(TOKEN)).willReturn(Optional.of(TestAccounts.principal(5, Role.CASE_HANDLER)));
		MvcTestResult result = post("{\"outcome\":\"NOT_FOUND\",\"note\":\"Checked\\u0000.\"}");
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("note");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("Remove the invisible control characters from this text.");
		then(this.tasks).should(never()).recordOutcome(anyLong(), any(), any());
	}

}
