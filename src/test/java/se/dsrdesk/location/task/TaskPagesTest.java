package se.dsrdesk.location.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.RecipientNotices;
import se.dsrdesk.location.RestrictionHolds;
import se.dsrdesk.location.RetentionProposals;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The case handler's task pages: case handlers and admins only, "my tasks" a page at a
 * time, an outcome recorded leads back to the request's tasks, a task closed meanwhile is
 * said so, and every change needs a CSRF token.
 */
@WebSliceTest(TaskController.class)
class TaskPagesTest {

	static final StaffPrincipal HANDLER = TestAccounts.principal(6, Role.CASE_HANDLER);

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	TaskService tasks;

	@MockitoBean
	LocationService locations;

	@MockitoBean
	RequestService requests;

	/** No retention rule proposes a date here (an empty proposal). */
	@MockitoBean
	RetentionProposals retention;

	@MockitoBean
	RecipientNotices recipients;

	@MockitoBean
	RestrictionHolds restrictions;

	/** No connector is called here: the connector pages have their own tests. */
	@MockitoBean
	TaskConnectors connectors;

	@BeforeEach
	void taskSevenBelongsToRequestFortyTwo() {
		LocationTask task = mock(LocationTask.class);
		given(task.getRequestId()).willReturn(42L);
		given(this.tasks.get(7)).willReturn(task);
	}

	@Test
	void areReadByCaseHandlersAndComplianceOfficersNotByAnAdminAlone() {
		given(this.tasks.myTasks(anyLong(), anyLong(), any(Integer.class)))
			.willReturn(new TaskService.TaskPage(List.of(), false));
		assertThat(this.mvc.get().uri("/staff/tasks").with(user(TestAccounts.principal(3, Role.COMPLIANCE_OFFICER))))
			.hasStatusOk();
		assertThat(this.mvc.get().uri("/staff/tasks").with(user(TestAccounts.principal(4, Role.ADMIN)))).hasStatus(403);
		assertThat(
				this.mvc.get().uri("/staff/tasks").with(user(TestAccounts.principal(5, Role.ADMIN, Role.CASE_HANDLER))))
			.hasStatusOk();
	}

	@Test
	void onlyCaseHandlersRecordOrAssign() {
		for (String path : List.of("/staff/tasks/7", "/staff/tasks/7/assign")) {
			assertThat(this.mvc.post()
				.uri(path)
				.with(user(TestAccounts.principal(3, Role.COMPLIANCE_OFFICER)))
				.with(csrf())
				.param("outcome", "NOT_FOUND")
				.param("note", "Checked.")).as(path).hasStatus(403);
			assertThat(this.mvc.post()
				.uri(path)
				.with(user(TestAccounts.principal(4, Role.ADMIN)))
				.with(csrf())
				.param("outcome", "NOT_FOUND")
				.param("note", "Checked.")).as(path).hasStatus(403);
		}
		then(this.tasks).should(never()).recordOutcome(anyLong(), any(), any());
		then(this.tasks).should(never()).assign(anyLong(), any(), any());
	}

	@Test
	void listsMyTasksAPageAtATime() {
		TaskService.TaskRow row = new TaskService.TaskRow(31, Instant.parse("2026-10-01T08:00:00Z"), 42,
				"DSR-2026-000042", RequestType.ERASURE, "IN_PROGRESS", LocalDate.of(2026, 11, 30), 3,
				new LocalizedText("Nyhetsbrev", "Newsletter"));
		given(this.tasks.myTasks(6, 30, TaskController.PAGE_SIZE))
			.willReturn(new TaskService.TaskPage(List.of(row), true));
		MvcTestResult page = this.mvc.get()
			.uri("/staff/tasks?after=30")
			.with(user(HANDLER))
			.header("Accept-Language", "en")
			.exchange();
		assertThat(page).hasStatusOk().hasViewName("tasks/mine");
		assertThat(page).bodyText()
			.contains("Newsletter", "DSR-2026-000042", "href=\"/staff/tasks/31\"", "href=\"/staff/tasks?after=31\"");
	}

	@Test
	void anOutcomeLeadsBackToTheRequestsTasks() {
		MvcTestResult result = this.mvc.post()
			.uri("/staff/tasks/7")
			.with(user(HANDLER))
			.with(csrf())
			.param("outcome", "ERASED")
			.param("note", "Deleted from the newsletter list.")
			.exchange();
		assertThat(result).hasRedirectedUrl("/staff/requests/42/tasks");
		assertThat(result).flash().containsEntry("success", "task.recorded");
		then(this.tasks).should()
			.recordOutcome(eq(7L), argThat((outcome) -> outcome.outcome() == TaskOutcome.ERASED
					&& "Deleted from the newsletter list.".equals(outcome.note())), eq(HANDLER.toActor()));
	}

	@Test
	void aTaskClosedMeanwhileIsSaidSo() {
		given(this.tasks.recordOutcome(anyLong(), any(), any())).willThrow(TestTasks.closed(7));
		MvcTestResult result = this.mvc.post()
			.uri("/staff/tasks/7")
			.with(user(HANDLER))
			.with(csrf())
			.param("outcome", "ERASED")
			.param("note", "Deleted.")
			.exchange();
		assertThat(result).hasRedirectedUrl("/staff/tasks/7");
		assertThat(result).flash().containsEntry("failure", "task.closed");
	}

	@Test
	void anAssigneeThatCannotTakeTheTaskIsRefused() {
		given(this.tasks.assign(7, 99L, HANDLER.toActor())).willThrow(new IllegalArgumentException("not staff"));
		MvcTestResult result = this.mvc.post()
			.uri("/staff/tasks/7/assign")
			.with(user(HANDLER))
			.with(csrf())
			.param("assigneeId", "99")
			.exchange();
		assertThat(result).hasRedirectedUrl("/staff/tasks/7");
		assertThat(result).flash().containsEntry("failure", "task.assign.invalid");
	}

	@Test
	void changesNeedACsrfToken() {
		assertThat(this.mvc.post().uri("/staff/tasks/7").with(user(HANDLER)).param("outcome", "ERASED")).hasStatus(403);
		assertThat(this.mvc.post().uri("/staff/holds/5/erased").with(user(HANDLER))).hasStatus(403);
		then(this.tasks).should(never()).recordOutcome(anyLong(), any(), any());
		then(this.tasks).should(never()).recordErasure(anyLong(), any(), any());
	}

}
