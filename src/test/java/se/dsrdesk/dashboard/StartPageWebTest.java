package se.dsrdesk.dashboard;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.dashboard.Glance.Listing;
import se.dsrdesk.dashboard.Glance.RequestItem;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.request.RequestStatistics;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The staff start page: what each role is shown, in the reader's language, and what it
 * does not ask for (a case handler's page reads no dashboard glance; an oversight page no
 * one's requests).
 */
@WebSliceTest(StartPageController.class)
class StartPageWebTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Dashboard dashboard;

	@MockitoBean
	RequestStatistics requests;

	@MockitoBean
	TaskService tasks;

	@BeforeEach
	void today() {
		given(this.dashboard.today()).willReturn(TODAY);
		given(this.tasks.myTasks(anyLong(), anyLong(), anyInt()))
			.willReturn(new TaskService.TaskPage(List.of(), false));
		given(this.requests.openAssignedTo(anyLong(), anyInt())).willReturn(List.of());
	}

	@Test
	void aCaseHandlerIsGreetedWithTheirCountsAndNoDashboard() {
		given(this.requests.countOpenAssignedTo(eq(7L), eq(TODAY), any()))
			.willReturn(new RequestStatistics.Assigned(2, 3, 11));
		given(this.tasks.countMyTasks(7)).willReturn(4L);
		given(this.dashboard.overdue(anyInt())).willReturn(new Listing<>(9, List.of(new RequestItem(5,
				"DSR-2026-000005", RequestType.ERASURE, RequestStatus.IN_PROGRESS, TODAY.minusDays(3), -3, 0, null))));
		MvcTestResult page = this.mvc.get()
			.uri("/staff")
			.with(user(TestAccounts.principal(7, Role.CASE_HANDLER)))
			.header("Accept-Language", "en")
			.exchange();
		assertThat(page).hasStatusOk().hasViewName("staff/home");
		assertThat(page).bodyText()
			.contains("Welcome, Test User 7", "works data-subject requests", "My requests", "My open tasks",
					"Overdue by 3 days", "href=\"/staff/requests/5\"", "href=\"/staff/requests?overdue=true\"",
					"All overdue requests (9)")
			.containsPattern("id=\"mine-overdue\"(?s:.*?)>2<")
			.containsPattern("id=\"mine-due-soon\"(?s:.*?)>3<")
			.containsPattern("id=\"mine-open\"(?s:.*?)>11<")
			.containsPattern("id=\"task-count\">4<")
			.doesNotContain("manages staff accounts", "id=\"dashboard-link\"", "id=\"attention\"");
		verify(this.dashboard, never()).glance();
	}

	@Test
	void aComplianceOfficerIsOfferedTheDashboardInSwedish() {
		Listing<RequestItem> none = new Listing<>(0, List.of());
		given(this.dashboard.glance()).willReturn(new Glance(TODAY, none, none, new Listing<>(0, List.of()),
				new Listing<>(0, List.of()), none, new Listing<>(0, List.of()), new Listing<>(0, List.of()), none));
		MvcTestResult page = this.mvc.get()
			.uri("/staff")
			.with(user(TestAccounts.principal(8, Role.COMPLIANCE_OFFICER)))
			.header("Accept-Language", "sv")
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("id=\"dashboard-link\"", "Behöver åtgärdas", "Inget ärende är försenat.")
			.doesNotContain("id=\"my-requests\"", "id=\"my-tasks\"");
		verify(this.requests, never()).countOpenAssignedTo(anyLong(), any(), any());
	}

}
