package se.dsrdesk.request;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.dsrdesk.request.refusal.IllegalTransitionException;
import se.dsrdesk.system.RefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.dsrdesk.request.DsrRequestTest.POLICY;
import static se.dsrdesk.request.DsrRequestTest.RECEIVED;
import static se.dsrdesk.request.DsrRequestTest.STAFF;
import static se.dsrdesk.request.DsrRequestTest.inProgress;

/**
 * Delays announced on the aggregate: an extension counts only once the person is told of
 * it within the first month, and a missed deadline without an extension prompts a delay
 * notice (Art. 12(3)). The request is received on Tuesday 3 March 2026; its one-month
 * deadline is Tuesday 7 April (after Easter).
 */
class DelaysAnnouncedTest {

	static final LocalDate ONE_MONTH = LocalDate.of(2026, 4, 7);

	/** Two months from receipt: Sunday 3 May 2026 rolls to Monday 4 May. */
	static final LocalDate TWO_MONTHS = LocalDate.of(2026, 5, 4);

	@Nested
	class ExtensionNotice {

		@Test
		@DisplayName("Art. 12(3): an extension without a notice does not count, and the deadline stays where it was")
		void withoutNoticeItDoesNotCount() {
			DsrRequest request = inProgress();
			request.extend(2, "Many systems", false, LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			assertThat(request.getExtensionMonths()).isEqualTo(2);
			assertThat(request.isExtensionCounted()).isFalse();
			assertThat(request.getEffectiveDeadline()).isEqualTo(ONE_MONTH);
			assertThat(request.allows(RequestAction.EXTENSION_POSTED)).isTrue();
		}

		@Test
		@DisplayName("Art. 12(3): a notice recorded as posted within the first month puts the extension in force")
		void postedWithinTheMonthCounts() {
			DsrRequest request = inProgress();
			request.extend(2, "Many systems", false, LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			// Recorded after the month, but posted on its last day: it counts.
			request.recordExtensionPosted(ONE_MONTH, LocalDate.of(2026, 4, 9), POLICY, STAFF, RECEIVED);
			assertThat(request.isExtensionCounted()).isTrue();
			assertThat(request.getExtensionNoticePostedOn()).isEqualTo(ONE_MONTH);
			// Three months from receipt: Wednesday 3 June 2026.
			assertThat(request.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 6, 3));
			assertThat(request.allows(RequestAction.EXTENSION_POSTED)).isFalse();
		}

		@Test
		@DisplayName("Art. 12(3): a notice posted after the first month does not make the extension count")
		void postedAfterTheMonthDoesNotCount() {
			DsrRequest request = inProgress();
			request.extend(1, "Many systems", false, LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			assertThatThrownBy(() -> request.recordExtensionPosted(LocalDate.of(2026, 4, 8), LocalDate.of(2026, 4, 9),
					POLICY, STAFF, RECEIVED))
				.isInstanceOfSatisfying(RefusedException.class,
						(ex) -> assertThat(ex.fields()).extracting(RefusedException.Invalid::code)
							.containsExactly("requestPage.extension.posted.tooLate"));
			assertThat(request.isExtensionCounted()).isFalse();
			assertThat(request.getEffectiveDeadline()).isEqualTo(ONE_MONTH);
		}

		@Test
		@DisplayName("Art. 12(3): a posting date in the future or missing is refused")
		void postingDateChecked() {
			DsrRequest request = inProgress();
			request.extend(1, "Many systems", false, LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			assertThatThrownBy(() -> request.recordExtensionPosted(LocalDate.of(2026, 3, 21), LocalDate.of(2026, 3, 20),
					POLICY, STAFF, RECEIVED))
				.isInstanceOf(RefusedException.class);
			assertThatThrownBy(
					() -> request.recordExtensionPosted(null, LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED))
				.isInstanceOf(RefusedException.class);
		}

		@Test
		@DisplayName("Art. 12(3): an extension whose notice mail was given up stops counting; the deadline falls back")
		void failedNoticeStopsCounting() {
			DsrRequest request = inProgress();
			request.extend(1, "Many systems", true, LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			request.recordExtensionNotice(41L);
			assertThat(request.getEffectiveDeadline()).isEqualTo(TWO_MONTHS);
			assertThat(request.extensionNoticeFailed(40L, POLICY, RECEIVED)).isFalse();
			assertThat(request.extensionNoticeFailed(41L, POLICY, RECEIVED)).isTrue();
			assertThat(request.isExtensionCounted()).isFalse();
			assertThat(request.getEffectiveDeadline()).isEqualTo(ONE_MONTH);
			// A posted notice within the month puts it back in force.
			request.recordExtensionPosted(LocalDate.of(2026, 3, 25), LocalDate.of(2026, 3, 26), POLICY, STAFF,
					RECEIVED);
			assertThat(request.getEffectiveDeadline()).isEqualTo(TWO_MONTHS);
		}

		@Test
		@DisplayName("Art. 12(3): an extension whose notice is in force cannot be recorded as posted again")
		void postedOnlyWhenNotInForce() {
			DsrRequest request = inProgress();
			request.extend(1, "Many systems", LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			assertThatThrownBy(() -> request.recordExtensionPosted(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 20),
					POLICY, STAFF, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class);
		}

	}

	@Nested
	class DelayPrompt {

		@Test
		@DisplayName("Art. 12(3): before the last day no delay notice is due")
		void notBeforeTheLastDay() {
			assertThat(inProgress().needsDelayNotice(LocalDate.of(2026, 4, 6))).isFalse();
		}

		@Test
		@DisplayName("Art. 12(3): on the last day without an extension, and after it, a delay notice is due")
		void onTheLastDayAndAfter() {
			DsrRequest request = inProgress();
			assertThat(request.needsDelayNotice(ONE_MONTH)).isTrue();
			assertThat(request.needsDelayNotice(ONE_MONTH.plusDays(1))).isTrue();
		}

		@Test
		@DisplayName("Art. 12(3): with an extension in force, no delay notice is due until the extended deadline")
		void extensionInForce() {
			DsrRequest request = inProgress();
			request.extend(1, "Many systems", LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			assertThat(request.needsDelayNotice(ONE_MONTH.plusDays(1))).isFalse();
			assertThat(request.needsDelayNotice(TWO_MONTHS.plusDays(1))).isTrue();
		}

		@Test
		@DisplayName("Art. 12(3): an extension that does not count does not stop the prompt")
		void extensionNotCounted() {
			DsrRequest request = inProgress();
			request.extend(1, "Many systems", false, LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			assertThat(request.needsDelayNotice(ONE_MONTH.plusDays(1))).isTrue();
		}

		@Test
		@DisplayName("Art. 12(3): once told, the person is not prompted for again until the expected date passes")
		void toldUntilTheExpectedDate() {
			DsrRequest request = inProgress();
			request.announceDelay("Backups are restored", LocalDate.of(2026, 4, 20), 5L, LocalDate.of(2026, 4, 8),
					STAFF, RECEIVED);
			assertThat(request.needsDelayNotice(LocalDate.of(2026, 4, 20))).isFalse();
			assertThat(request.isPersonToldOfDelay(LocalDate.of(2026, 4, 20))).isTrue();
			assertThat(request.needsDelayNotice(LocalDate.of(2026, 4, 21))).isTrue();
			// The deadline itself does not move.
			assertThat(request.getEffectiveDeadline()).isEqualTo(ONE_MONTH);
		}

		@Test
		@DisplayName("Art. 12(3): a delay notice whose mail was given up counts as not sent")
		void failedDelayNotice() {
			DsrRequest request = inProgress();
			request.announceDelay("Backups", LocalDate.of(2026, 4, 20), 5L, LocalDate.of(2026, 4, 8), STAFF, RECEIVED);
			assertThat(request.delayNoticeFailed(6L, RECEIVED)).isFalse();
			assertThat(request.delayNoticeFailed(5L, RECEIVED)).isTrue();
			assertThat(request.needsDelayNotice(LocalDate.of(2026, 4, 9))).isTrue();
		}

		@Test
		@DisplayName("Art. 12(3): a delay notice needs the reason and an expected date after today")
		void reasonAndDateRequired() {
			DsrRequest request = inProgress();
			assertThatThrownBy(() -> request.announceDelay(" ", LocalDate.of(2026, 4, 8), null,
					LocalDate.of(2026, 4, 8), STAFF, RECEIVED))
				.isInstanceOfSatisfying(RefusedException.class,
						(ex) -> assertThat(ex.fields()).extracting(RefusedException.Invalid::field)
							.containsExactly("delayReason", "expectedOn"));
			assertThat(request.getDelayAnnouncedOn()).isNull();
		}

		@Test
		@DisplayName("Art. 12(3): a closed request needs no delay notice and cannot send one")
		void closed() {
			DsrRequest request = inProgress();
			request.withdraw(STAFF, RECEIVED);
			assertThat(request.needsDelayNotice(ONE_MONTH.plusDays(3))).isFalse();
			assertThatThrownBy(() -> request.announceDelay("x", LocalDate.of(2026, 5, 1), null, ONE_MONTH.plusDays(3),
					STAFF, RECEIVED))
				.isInstanceOf(IllegalTransitionException.class);
		}

	}

	@Nested
	class LateAnswers {

		@Test
		@DisplayName("Art. 12(3): an answer after the deadline is refused unless it records why it is late")
		void lateAnswerNeedsItsReason() {
			DsrRequest request = inProgress();
			assertThatThrownBy(() -> request.answer(" ", ONE_MONTH.plusDays(1), STAFF, RECEIVED))
				.isInstanceOfSatisfying(RefusedException.class,
						(ex) -> assertThat(ex.fields()).extracting(RefusedException.Invalid::code)
							.containsExactly("answer.late.required"));
			assertThat(request.getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
			request.answer(" Staff shortage. ", ONE_MONTH.plusDays(1), STAFF, RECEIVED);
			assertThat(request.getStatus()).isEqualTo(RequestStatus.COMPLETED);
			assertThat(request.getLateReason()).isEqualTo("Staff shortage.");
		}

		@Test
		@DisplayName("Art. 12(3): an answer on the last day is in time and records no late reason")
		void onTheLastDay() {
			DsrRequest request = inProgress();
			request.answer("typed anyway", ONE_MONTH, STAFF, RECEIVED);
			assertThat(request.getStatus()).isEqualTo(RequestStatus.COMPLETED);
			assertThat(request.getLateReason()).isNull();
		}

		@Test
		@DisplayName("Art. 12(3): an extension in force moves the limit for an answer; one whose notice was not "
				+ "given does not")
		void extensionCountsOnlyInForce() {
			DsrRequest extended = inProgress();
			extended.extend(1, "Many systems", LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			extended.answer(null, ONE_MONTH.plusDays(1), STAFF, RECEIVED);
			assertThat(extended.getLateReason()).isNull();

			DsrRequest untold = inProgress();
			untold.extend(1, "Many systems", false, LocalDate.of(2026, 3, 20), POLICY, STAFF, RECEIVED);
			assertThatThrownBy(() -> untold.answer(null, ONE_MONTH.plusDays(1), STAFF, RECEIVED))
				.isInstanceOf(RefusedException.class);
		}

	}

}
