package se.dsrdesk.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.deadline.DeadlineCalculator;
import se.dsrdesk.deadline.DeadlinePolicy;
import se.dsrdesk.deadline.ExtensionNotAllowedException;
import se.dsrdesk.deadline.SwedishHolidayCalendar;
import se.dsrdesk.request.refusal.IllegalTransitionException;
import se.dsrdesk.system.RefusedException;
import se.dsrdesk.request.refusal.PauseRefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request workflow on the aggregate: which transitions each status allows, and how
 * pauses and extensions move the stored deadline.
 */
class DsrRequestTest {

	static final DeadlinePolicy POLICY = new DeadlinePolicy(
			new DeadlineCalculator(new SwedishHolidayCalendar(), ZoneId.of("Europe/Stockholm")), 5);

	static final Actor STAFF = new Actor(7L, "handler@example.com");

	/** Tuesday 3 March 2026, 10:00 in Stockholm. */
	static final Instant RECEIVED = Instant.parse("2026-03-03T09:00:00Z");

	static DsrRequest received(Channel channel) {
		DataSubject subject = new DataSubject("Åsa Öberg", "asa@example.se", null, "sv", RECEIVED);
		return DsrRequest.receive("DSR-2026-000001", subject, RequestType.ERASURE, channel, "sv", "Please erase",
				RECEIVED, POLICY, Actor.SYSTEM, RECEIVED);
	}

	static DsrRequest inProgress() {
		DsrRequest request = received(Channel.EMAIL);
		request.startWork(STAFF, RECEIVED);
		return request;
	}

	@Nested
	class WhenReceived {

		@Test
		void onTheWebItWaitsForTheAddressToBeConfirmed() {
			assertThat(received(Channel.WEB).getStatus()).isEqualTo(RequestStatus.UNVERIFIED);
		}

		@Test
		void registeredByStaffItIsNewAtOnce() {
			assertThat(received(Channel.LETTER).getStatus()).isEqualTo(RequestStatus.NEW);
		}

		@Test
		void itStoresTheDeadlineComputedFromTheReceiptDate() {
			DsrRequest request = received(Channel.EMAIL);
			assertThat(request.getReceiptDate()).isEqualTo(LocalDate.of(2026, 3, 3));
			// 3 April 2026 is Good Friday; Easter Monday is 6 April: the deadline rolls
			// to Tuesday 7 April.
			assertThat(request.getOriginalDeadline()).isEqualTo(LocalDate.of(2026, 4, 7));
			assertThat(request.getOneMonthDeadline()).isEqualTo(LocalDate.of(2026, 4, 7));
			assertThat(request.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 4, 7));
			// five working days before Tuesday 7 April, skipping Easter: 2 April, 1
			// April, 31, 30 and
			// Friday 27 March.
			assertThat(request.getInternalTarget()).isEqualTo(LocalDate.of(2026, 3, 27));
		}

		@Test
		void itCannotArriveInTheFuture() {
			DataSubject subject = new DataSubject("A", "a@example.com", null, "en", RECEIVED);
			assertThatIllegalArgumentException().isThrownBy(() -> DsrRequest.receive("DSR-2026-000002", subject,
					RequestType.ACCESS, Channel.EMAIL, "en", null, RECEIVED.plusSeconds(60), POLICY, STAFF, RECEIVED));
		}

		@Test
		void itRecordsTheReceiptAsAnActivity() {
			assertThat(received(Channel.EMAIL).activities()).extracting(RequestActivity::action)
				.containsExactly(RequestAction.RECEIVED);
		}

	}

	@Nested
	class WhenUnverified {

		DsrRequest request;

		@BeforeEach
		void setUp() {
			this.request = received(Channel.WEB);
		}

		@Test
		void confirmingTheAddressMakesItNew() {
			this.request.verifyEmail(Actor.SYSTEM, RECEIVED);
			assertThat(this.request.getStatus()).isEqualTo(RequestStatus.NEW);
		}

		@Test
		void itExpiresWhenNeverConfirmed() {
			this.request.expire(RECEIVED);
			assertThat(this.request.getStatus()).isEqualTo(RequestStatus.EXPIRED);
			assertThat(this.request.getClosedAt()).isEqualTo(RECEIVED);
		}

		@Test
		void itCannotBeWorkedPausedOrCompleted() {
			assertThatThrownBy(() -> this.request.startWork(STAFF, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class);
			assertThatThrownBy(() -> this.request.pause(PauseGround.IDENTITY, "ID", null, false,
					LocalDate.of(2026, 3, 4), STAFF, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class);
			assertThatThrownBy(() -> this.request.complete(STAFF, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class);
		}

		@Test
		void thePersonCanWithdrawIt() {
			this.request.withdraw(Actor.SYSTEM, RECEIVED);
			assertThat(this.request.getStatus()).isEqualTo(RequestStatus.WITHDRAWN);
		}

	}

	@Nested
	class WhenNew {

		@Test
		void startingWorkMakesItInProgress() {
			DsrRequest request = received(Channel.EMAIL);
			request.startWork(STAFF, RECEIVED);
			assertThat(request.getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		}

		@Test
		void itCannotBeCompletedBeforeWorkStarts() {
			assertThatThrownBy(() -> received(Channel.EMAIL).complete(STAFF, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class)
				.hasMessageContaining("NEW");
		}

		@Test
		void itCannotBeConfirmedAgain() {
			assertThatThrownBy(() -> received(Channel.EMAIL).verifyEmail(Actor.SYSTEM, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class);
		}

		@Test
		void itCanBeAssignedAndUnassigned() {
			DsrRequest request = received(Channel.EMAIL);
			request.assign(7L, STAFF, RECEIVED);
			assertThat(request.getAssigneeId()).isEqualTo(7L);
			request.assign(null, STAFF, RECEIVED);
			assertThat(request.getAssigneeId()).isNull();
		}

	}

	@Nested
	class Pausing {

		@Test
		void pausingStopsTheClockAndResumingMovesTheDeadlineByTheDaysPaused() {
			DsrRequest request = inProgress();
			request.pause(PauseGround.IDENTITY, "We need a copy of the letter you mention", null, false,
					LocalDate.of(2026, 3, 10), STAFF, RECEIVED);
			assertThat(request.getStatus()).isEqualTo(RequestStatus.AWAITING_SUBJECT);
			assertThat(request.isPaused()).isTrue();
			request.resume(LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			assertThat(request.getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
			// 3 April + 10 days = Monday 13 April 2026, a working day.
			assertThat(request.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 4, 13));
			assertThat(request.getOneMonthDeadline()).isEqualTo(LocalDate.of(2026, 4, 13));
			assertThat(request.getOriginalDeadline()).isEqualTo(LocalDate.of(2026, 4, 7));
			assertThat(request.getPauses()).singleElement()
				.satisfies((pause) -> assertThat(pause.getResumedOn()).isEqualTo(LocalDate.of(2026, 3, 20)));
		}

		@Test
		void aPauseNeedsAReason() {
			assertThatIllegalArgumentException().isThrownBy(() -> inProgress().pause(PauseGround.IDENTITY, " ", null,
					false, LocalDate.of(2026, 3, 10), STAFF, RECEIVED));
		}

		@Test
		void aPausedRequestCannotBePausedAgainOrCompleted() {
			DsrRequest request = inProgress();
			request.pause(PauseGround.IDENTITY, "ID", null, false, LocalDate.of(2026, 3, 10), STAFF, RECEIVED);
			assertThatThrownBy(() -> request.pause(PauseGround.IDENTITY, "again", null, false,
					LocalDate.of(2026, 3, 11), STAFF, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class);
			assertThatThrownBy(() -> request.complete(STAFF, RECEIVED)).isInstanceOf(IllegalTransitionException.class);
		}

		/**
		 * GDPR Art. 12(3) and 12(6): the time stands still only until the information is
		 * received; a reply that arrived on Friday 13 March ends the pause then, even
		 * when a case handler reads it on Friday 20 March.
		 */
		@Test
		void theClockResumesOnTheDayTheReplyWasReceivedNotTheDayItWasRead() {
			DsrRequest request = inProgress();
			request.pause(PauseGround.IDENTITY, "A copy of your ID card", null, false, LocalDate.of(2026, 3, 10), STAFF,
					RECEIVED);
			assertThat(request.getOpenPauseStart()).isEqualTo(LocalDate.of(2026, 3, 10));
			request.resume(LocalDate.of(2026, 3, 13), POLICY, STAFF, RECEIVED);
			// 3 April + 3 days = Monday 6 April 2026, Easter Monday: Tuesday 7 April.
			assertThat(request.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 4, 7));
			assertThat(request.getPauses()).singleElement()
				.satisfies((pause) -> assertThat(pause.getResumedOn()).isEqualTo(LocalDate.of(2026, 3, 13)));
			assertThat(request.getOpenPauseStart()).isNull();
		}

		@Test
		void onlyAPausedRequestCanBeResumed() {
			assertThatThrownBy(() -> inProgress().resume(LocalDate.of(2026, 3, 10), POLICY, STAFF, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class);
		}

	}

	/**
	 * Pause grounds: identity (GDPR Art. 12(6), EDPB Guidelines 01/2022) or a
	 * clarification of scope (Recital 63).
	 */
	@Nested
	class PauseGrounds {

		@Test
		@DisplayName("Art. 12(6): a pause for identity is refused once identity is verified")
		void anIdentityPauseIsRefusedOnceIdentityIsVerified() {
			DsrRequest request = inProgress();
			request.verifyIdentity(IdentityMethod.KNOWN_EMAIL, null, STAFF, RECEIVED);
			assertThatThrownBy(() -> request.pause(PauseGround.IDENTITY, "Your customer number", null, false,
					LocalDate.of(2026, 3, 10), STAFF, RECEIVED))
				.isInstanceOfSatisfying(PauseRefusedException.class, (refused) -> {
					assertThat(refused.reason()).isEqualTo("identity-verified");
					assertThat(refused.messageCode()).isEqualTo("requestPage.pause.refused.identityVerified");
				});
			assertThat(request.getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
			// A clarification of scope is still possible.
			request.pause(PauseGround.SCOPE, "Which newsletter?", "We send three newsletters", false,
					LocalDate.of(2026, 3, 10), STAFF, RECEIVED);
			assertThat(request.getStatus()).isEqualTo(RequestStatus.AWAITING_SUBJECT);
		}

		@Test
		@DisplayName("Recital 63: a clarification of scope needs a written justification")
		void aScopePauseNeedsAJustification() {
			DsrRequest request = inProgress();
			assertThatThrownBy(() -> request.pause(PauseGround.SCOPE, "Which newsletter?", " ", false,
					LocalDate.of(2026, 3, 10), STAFF, RECEIVED))
				.isInstanceOfSatisfying(PauseRefusedException.class,
						(refused) -> assertThat(refused.reason()).isEqualTo("justification-required"));
			assertThat(request.getPauses()).isEmpty();
		}

		@Test
		@DisplayName("Art. 12(3), Recital 63: by default a clarification of scope does not stop the clock")
		void aScopePauseDoesNotStopTheClockByDefault() {
			DsrRequest request = inProgress();
			request.pause(PauseGround.SCOPE, "Which newsletter?", "We send three newsletters", false,
					LocalDate.of(2026, 3, 10), STAFF, RECEIVED);
			request.resume(LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			assertThat(request.getPauses()).singleElement().satisfies((pause) -> {
				assertThat(pause.getGround()).isEqualTo(PauseGround.SCOPE);
				assertThat(pause.stopsClock()).isFalse();
				assertThat(pause.getJustification()).isEqualTo("We send three newsletters");
			});
			assertThat(request.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 4, 7));
			assertThat(request.getOneMonthDeadline()).isEqualTo(LocalDate.of(2026, 4, 7));
		}

		@Test
		@DisplayName("Art. 12(3), 12(6): a scope pause allowed to stop the clock moves the answer deadline, "
				+ "not the last day to extend")
		void aScopePauseThatStopsTheClockDoesNotMoveTheExtensionWindow() {
			DsrRequest request = inProgress();
			request.pause(PauseGround.SCOPE, "Which newsletter?", "Large quantity of data", true,
					LocalDate.of(2026, 3, 10), STAFF, RECEIVED);
			request.resume(LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			// 3 April + 10 days = Monday 13 April 2026.
			assertThat(request.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 4, 13));
			// The statutory month plus identity pauses only: still Tuesday 7 April.
			assertThat(request.getOneMonthDeadline()).isEqualTo(LocalDate.of(2026, 4, 7));
			assertThatThrownBy(() -> request.extend(1, "Late", LocalDate.of(2026, 4, 8), POLICY, STAFF, RECEIVED))
				.isInstanceOf(ExtensionNotAllowedException.class);
		}

		@Test
		@DisplayName("Art. 12(6): an identity pause moves the last day to extend as well")
		void anIdentityPauseMovesTheExtensionWindow() {
			DsrRequest request = inProgress();
			request.pause(PauseGround.IDENTITY, "Your customer number", null, false, LocalDate.of(2026, 3, 10), STAFF,
					RECEIVED);
			request.resume(LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			assertThat(request.getOneMonthDeadline()).isEqualTo(LocalDate.of(2026, 4, 13));
			request.extend(1, "Complex", LocalDate.of(2026, 4, 13), POLICY, STAFF, RECEIVED);
			assertThat(request.getExtensionMonths()).isEqualTo(1);
		}

		@Test
		@DisplayName("Art. 12(3): no pause once the deadline has passed")
		void noPauseAfterTheDeadline() {
			DsrRequest late = inProgress();
			assertThatThrownBy(() -> late.pause(PauseGround.IDENTITY, "Your customer number", null, false,
					LocalDate.of(2026, 4, 8), STAFF, RECEIVED))
				.isInstanceOfSatisfying(PauseRefusedException.class,
						(refused) -> assertThat(refused.reason()).isEqualTo("deadline-passed"));
			assertThat(late.getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
			DsrRequest onTheLastDay = inProgress();
			onTheLastDay.pause(PauseGround.IDENTITY, "Your customer number", null, false, LocalDate.of(2026, 4, 7),
					STAFF, RECEIVED);
			assertThat(onTheLastDay.getStatus()).isEqualTo(RequestStatus.AWAITING_SUBJECT);
		}

	}

	@Nested
	class Extending {

		@Test
		void extendingByTwoMonthsCountsFromTheFirstMonthsEnd() {
			DsrRequest request = inProgress();
			request.extend(2, "Many locations to search", LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			// 3 April + 2 months = Wednesday 3 June 2026.
			assertThat(request.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 6, 3));
			assertThat(request.getExtensionMonths()).isEqualTo(2);
			assertThat(request.getExtensionReason()).isEqualTo("Many locations to search");
			assertThat(request.getOneMonthDeadline()).isEqualTo(LocalDate.of(2026, 4, 7));
		}

		@Test
		void pausesAndExtensionTogether() {
			DsrRequest request = inProgress();
			request.pause(PauseGround.IDENTITY, "ID", null, false, LocalDate.of(2026, 3, 10), STAFF, RECEIVED);
			request.resume(LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			request.extend(1, "Complex", LocalDate.of(2026, 4, 13), POLICY, STAFF, RECEIVED);
			// first month ends 13 April (3 April + 10 days), + 1 month = Wednesday 13 May
			// 2026.
			assertThat(request.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 5, 13));
		}

		@Test
		void anExtensionIsRefusedOnceTheOneMonthDeadlineHasPassed() {
			DsrRequest request = inProgress();
			assertThatThrownBy(() -> request.extend(1, "Late", LocalDate.of(2026, 4, 8), POLICY, STAFF, RECEIVED))
				.isInstanceOf(ExtensionNotAllowedException.class);
			assertThat(request.getExtensionMonths()).isZero();
		}

		@Test
		void onlyOneExtensionIsAllowed() {
			DsrRequest request = inProgress();
			request.extend(1, "Complex", LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			assertThatThrownBy(() -> request.extend(1, "More", LocalDate.of(2026, 3, 21), POLICY, STAFF, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class);
		}

		@Test
		void anExtensionNeedsAReason() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> inProgress().extend(1, "", LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED));
		}

	}

	@Nested
	class WhenClosed {

		@Test
		void aCompletedRequestAllowsNothingMore() {
			DsrRequest request = inProgress();
			request.complete(STAFF, RECEIVED);
			assertThat(request.getStatus()).isEqualTo(RequestStatus.COMPLETED);
			assertThat(request.getStatus().isOpen()).isFalse();
			assertThatThrownBy(() -> request.withdraw(Actor.SYSTEM, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class);
			assertThatThrownBy(() -> request.assign(1L, STAFF, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class);
		}

		@Test
		void aRejectionKeepsItsReasons() {
			DsrRequest request = inProgress();
			request.reject("Manifestly unfounded (Art. 12(5))", STAFF, RECEIVED);
			assertThat(request.getStatus()).isEqualTo(RequestStatus.REJECTED);
			assertThat(request.getClosingReason()).isEqualTo("Manifestly unfounded (Art. 12(5))");
		}

	}

	@Nested
	class IdentityAndAllowedActions {

		@Test
		void verifyingTheIdentityRecordsHowWhenAndByWhomOnce() {
			DsrRequest request = inProgress();
			request.verifyIdentity(IdentityMethod.ID_DOCUMENT, " Passport ", STAFF, RECEIVED);
			assertThat(request.getIdentityMethod()).isEqualTo(IdentityMethod.ID_DOCUMENT);
			assertThat(request.getIdentityNote()).isEqualTo("Passport");
			assertThat(request.getIdentityVerifiedAt()).isEqualTo(RECEIVED);
			assertThat(request.getIdentityVerifiedBy()).isEqualTo(7L);
			assertThat(request.activities()).extracting(RequestActivity::action)
				.contains(RequestAction.IDENTITY_VERIFIED);
			assertThat(request.allows(RequestAction.IDENTITY_VERIFIED)).isFalse();
			assertThatThrownBy(() -> request.verifyIdentity(IdentityMethod.KNOWN_EMAIL, null, STAFF, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class);
		}

		@Test
		void anOtherMethodNeedsANoteAndAnUnconfirmedRequestCannotBeVerified() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> inProgress().verifyIdentity(IdentityMethod.OTHER, " ", STAFF, RECEIVED));
			assertThatThrownBy(
					() -> received(Channel.WEB).verifyIdentity(IdentityMethod.KNOWN_EMAIL, null, STAFF, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class);
		}

		@Test
		void theAllowedActionsFollowTheStatus() {
			DsrRequest request = received(Channel.EMAIL);
			assertThat(request.allows(RequestAction.STARTED)).isTrue();
			assertThat(request.allows(RequestAction.COMPLETED)).isFalse();
			assertThat(request.allows(RequestAction.RESUMED)).isFalse();
			request.startWork(STAFF, RECEIVED);
			assertThat(request.allows(RequestAction.STARTED)).isFalse();
			assertThat(request.allows(RequestAction.COMPLETED)).isTrue();
			assertThat(request.allows(RequestAction.EXTENDED)).isTrue();
			request.extend(1, "More time", RECEIVED.atZone(ZoneId.of("Europe/Stockholm")).toLocalDate(), POLICY, STAFF,
					RECEIVED);
			assertThat(request.allows(RequestAction.EXTENDED)).isFalse();
			request.complete(STAFF, RECEIVED);
			assertThat(RequestAction.values()).noneMatch(request::allows);
		}

		@Test
		void aRejectionOnAGroundKeepsTheGround() {
			DsrRequest request = received(Channel.EMAIL);
			request.reject(RejectionGround.NOT_IDENTIFIED, "We could not match the address.", null,
					LocalDate.of(2026, 3, 10), STAFF, RECEIVED);
			assertThat(request.getStatus()).isEqualTo(RequestStatus.REJECTED);
			assertThat(request.getRejectionGround()).isEqualTo(RejectionGround.NOT_IDENTIFIED);
			assertThat(request.getClosingReason()).isEqualTo("We could not match the address.");
			assertThatIllegalArgumentException().isThrownBy(
					() -> inProgress().reject(null, "No ground", null, LocalDate.of(2026, 3, 10), STAFF, RECEIVED));
		}

		@Test
		@DisplayName("Art. 12(4): a refusal after the one-month limit is refused unless it records why it is late")
		void aLateRefusalNeedsItsReason() {
			DsrRequest request = inProgress();
			// The one-month limit is Tuesday 7 April 2026.
			assertThatThrownBy(() -> request.reject(RejectionGround.EXCESSIVE, "The fifth identical request", " ",
					LocalDate.of(2026, 4, 8), STAFF, RECEIVED))
				.isInstanceOfSatisfying(RefusedException.class, (refused) -> assertThat(refused.fields())
					.containsExactly(new RefusedException.Invalid("lateReason", "requestPage.reject.late.required")));
			assertThat(request.getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
			request.reject(RejectionGround.EXCESSIVE, "The fifth identical request", "Handler on sick leave",
					LocalDate.of(2026, 4, 8), STAFF, RECEIVED);
			assertThat(request.getStatus()).isEqualTo(RequestStatus.REJECTED);
			assertThat(request.getLateReason()).isEqualTo("Handler on sick leave");
		}

		@Test
		@DisplayName("Art. 12(4): a refusal on the last day of the month is in time and records no late reason")
		void aRefusalInTimeRecordsNoLateReason() {
			DsrRequest request = inProgress();
			request.reject(RejectionGround.EXCESSIVE, "The fifth identical request", "ignored",
					LocalDate.of(2026, 4, 7), STAFF, RECEIVED);
			assertThat(request.getLateReason()).isNull();
		}

		@Test
		@DisplayName("Art. 12(4): an extension does not move the limit for a refusal")
		void anExtensionDoesNotMakeALateRefusalTimely() {
			DsrRequest request = inProgress();
			request.extend(2, "Many systems", LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			assertThatThrownBy(() -> request.reject(RejectionGround.EXCESSIVE, "Repeated", null,
					LocalDate.of(2026, 5, 4), STAFF, RECEIVED))
				.isInstanceOf(RefusedException.class);
		}

	}

}
