package se.dsrdesk.request.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestAction;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.TaskChecklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The request page's one next step per state, and its progress line.
 */
class NextStepTest {

	private static final TaskChecklist.Item OPEN = new TaskChecklist.Item(1, "Kundregister", "Customers", "OPEN", null);

	private static final TaskChecklist.Item DONE = new TaskChecklist.Item(2, "E-post", "Mail", "DONE", "ERASED");

	@Test
	void aNewRequestIsTakenUpFirst() {
		NextStep next = NextStep.of(request(RequestStatus.NEW, null, RequestAction.STARTED), List.of());
		assertThat(next.action()).isEqualTo(NextStep.Action.START);
		assertThat(current(next)).isEqualTo(NextStep.StageName.IDENTITY);
	}

	@Test
	void aPausedRequestIsResumed() {
		NextStep next = NextStep.of(request(RequestStatus.AWAITING_SUBJECT, null, RequestAction.RESUMED),
				List.of(OPEN));
		assertThat(next.action()).isEqualTo(NextStep.Action.RESUME);
	}

	@Test
	void inProgressTheIdentityThenTheTasksThenTheAnswer() {
		assertThat(NextStep.of(request(RequestStatus.IN_PROGRESS, null, RequestAction.IDENTITY_VERIFIED), List.of(OPEN))
			.action()).isEqualTo(NextStep.Action.IDENTITY);
		NextStep tasks = NextStep.of(request(RequestStatus.IN_PROGRESS, Instant.EPOCH), List.of(OPEN, DONE));
		assertThat(tasks.action()).isEqualTo(NextStep.Action.TASKS);
		assertThat(tasks.openTasks()).isEqualTo(1);
		assertThat(current(tasks)).isEqualTo(NextStep.StageName.TASKS);
		NextStep answer = NextStep.of(request(RequestStatus.IN_PROGRESS, Instant.EPOCH), List.of(DONE));
		assertThat(answer.action()).isEqualTo(NextStep.Action.ANSWER);
		assertThat(current(answer)).isEqualTo(NextStep.StageName.ANSWER);
	}

	@Test
	void anUnconfirmedRequestWaitsAndAClosedOneHasNothingToDo() {
		assertThat(NextStep.of(request(RequestStatus.UNVERIFIED, null, RequestAction.WITHDRAWN), List.of()).action())
			.isEqualTo(NextStep.Action.AWAIT_CONFIRMATION);
		NextStep closed = NextStep.of(request(RequestStatus.COMPLETED, Instant.EPOCH), List.of(DONE));
		assertThat(closed.action()).isEqualTo(NextStep.Action.NONE);
		assertThat(closed.progress()).allMatch(NextStep.Stage::done);
	}

	private static NextStep.StageName current(NextStep next) {
		return next.progress().stream().filter(NextStep.Stage::current).findFirst().orElseThrow().name();
	}

	private static DsrRequest request(RequestStatus status, Instant identityVerifiedAt, RequestAction... allowed) {
		DsrRequest request = mock(DsrRequest.class);
		given(request.getStatus()).willReturn(status);
		given(request.getIdentityVerifiedAt()).willReturn(identityVerifiedAt);
		Set<RequestAction> actions = Set.of(allowed);
		given(request.allows(any())).willAnswer((call) -> actions.contains(call.getArgument(0)));
		return request;
	}

}
