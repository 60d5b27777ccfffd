package se.dsrdesk.request;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static se.dsrdesk.request.RequestStatus.AWAITING_SUBJECT;
import static se.dsrdesk.request.RequestStatus.COMPLETED;
import static se.dsrdesk.request.RequestStatus.DUPLICATE;
import static se.dsrdesk.request.RequestStatus.EXPIRED;
import static se.dsrdesk.request.RequestStatus.IN_PROGRESS;
import static se.dsrdesk.request.RequestStatus.NEW;
import static se.dsrdesk.request.RequestStatus.REJECTED;
import static se.dsrdesk.request.RequestStatus.UNVERIFIED;
import static se.dsrdesk.request.RequestStatus.WITHDRAWN;

/**
 * Pins the members of each named status set to the rule it encodes. A change here changes
 * the inbox, the sweeps, the dashboard and the database's check constraint and partial
 * indexes (created from these sets): it should be a decision, not an accident.
 */
class RequestStatusTest {

	@Test
	void openIsEveryStatusBeforeTheRequestIsFinished() {
		assertThat(RequestStatus.OPEN).containsExactlyInAnyOrder(UNVERIFIED, NEW, IN_PROGRESS, AWAITING_SUBJECT);
		assertThat(EnumSet.allOf(RequestStatus.class))
			.allSatisfy((status) -> assertThat(status.isOpen()).isEqualTo(RequestStatus.OPEN.contains(status)));
	}

	@Test
	void closedIsTheComplementOfOpen() {
		assertThat(RequestStatus.CLOSED).containsExactlyInAnyOrder(COMPLETED, REJECTED, WITHDRAWN, DUPLICATE, EXPIRED)
			.doesNotContainAnyElementsOf(RequestStatus.OPEN);
	}

	@Test
	void pausedIsWaitingForThePersonArt12_6() {
		// Art. 12(6): the controller may ask for the information needed to confirm
		// identity; meanwhile the period does not run.
		assertThat(RequestStatus.PAUSED).containsExactly(AWAITING_SUBJECT);
	}

	@Test
	void theStatutoryClockRunsFromReceiptUntilAnsweredExceptWhilePausedArt12_3() {
		// Art. 12(3): "within one month of receipt"; an unconfirmed web request has not
		// been received, a paused one waits for the person.
		assertThat(RequestStatus.STATUTORY_CLOCK_RUNNING).containsExactlyInAnyOrder(NEW, IN_PROGRESS);
	}

	@Test
	void openUnpausedIsWhatCanBeOverdueOrDueSoonAndDiffersFromTheStatutoryClock() {
		assertThat(RequestStatus.OPEN_UNPAUSED).containsExactlyInAnyOrder(UNVERIFIED, NEW, IN_PROGRESS);
		assertThat(RequestStatus.OPEN_UNPAUSED).isNotEqualTo(RequestStatus.STATUTORY_CLOCK_RUNNING);
		assertThat(EnumSet.copyOf(RequestStatus.OPEN_UNPAUSED))
			.isEqualTo(EnumSet.complementOf(EnumSet.copyOf(union(RequestStatus.CLOSED, RequestStatus.PAUSED))));
	}

	@Test
	void anExtensionCanBeDecidedWhileTheClockRunsArt12_3() {
		// Art. 12(3): "may be extended by two further months", told "within one month of
		// receipt of the request".
		assertThat(RequestStatus.EXTENDABLE).containsExactlyInAnyOrder(NEW, IN_PROGRESS);
	}

	@Test
	void answeredIsActionTakenOrRefusedWithReasonsArt12_3And12_4() {
		assertThat(RequestStatus.ANSWERED).containsExactlyInAnyOrder(COMPLETED, REJECTED);
		assertThat(RequestStatus.CLOSED).containsAll(RequestStatus.ANSWERED);
	}

	@Test
	void notReceivedIsAWebRequestWhoseAddressWasNeverConfirmed() {
		assertThat(RequestStatus.NOT_RECEIVED).containsExactlyInAnyOrder(UNVERIFIED, EXPIRED);
	}

	@Test
	void inHandIsReceivedAndNotFinished() {
		assertThat(RequestStatus.IN_HAND).containsExactlyInAnyOrder(NEW, IN_PROGRESS, AWAITING_SUBJECT);
		assertThat(EnumSet.copyOf(RequestStatus.IN_HAND))
			.isEqualTo(EnumSet.complementOf(EnumSet.copyOf(union(RequestStatus.CLOSED, RequestStatus.NOT_RECEIVED))));
	}

	@Test
	void theSetsCannotBeChangedAtRunTime() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> RequestStatus.OPEN.add(COMPLETED));
	}

	@Test
	void namesAreTheBindValuesInDeclarationOrder() {
		assertThat(RequestStatus.names(RequestStatus.STATUTORY_CLOCK_RUNNING)).containsExactly("NEW", "IN_PROGRESS");
		assertThat(RequestStatus.names(java.util.List.of(IN_PROGRESS, UNVERIFIED))).containsExactly("UNVERIFIED",
				"IN_PROGRESS");
	}

	private static EnumSet<RequestStatus> union(java.util.Set<RequestStatus> a, java.util.Set<RequestStatus> b) {
		EnumSet<RequestStatus> union = EnumSet.copyOf(a);
		union.addAll(b);
		return union;
	}

}
