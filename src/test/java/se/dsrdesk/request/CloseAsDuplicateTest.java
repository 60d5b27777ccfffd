package se.dsrdesk.request;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.util.ReflectionTestUtils;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.refusal.IllegalTransitionException;
import se.dsrdesk.system.RefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.dsrdesk.request.DsrRequestTest.RECEIVED;
import static se.dsrdesk.request.DsrRequestTest.STAFF;

/**
 * Closing a request as a duplicate of another one: one request, one answer (GDPR Art.
 * 12(3) asks for an answer to the request, not to each copy of it), both linked, closed
 * for good like any other closing step.
 */
class CloseAsDuplicateTest {

	static DsrRequest withId(DsrRequest request, long id, String reference) {
		ReflectionTestUtils.setField(request, "id", id);
		ReflectionTestUtils.setField(request, "reference", reference);
		return request;
	}

	static DsrRequest original() {
		return withId(DsrRequestTest.received(Channel.EMAIL), 1L, "DSR-2026-000001");
	}

	static DsrRequest second() {
		return withId(DsrRequestTest.received(Channel.LETTER), 2L, "DSR-2026-000002");
	}

	@Nested
	class WhenOpen {

		@Test
		void itIsClosedAsDuplicateAndNamesTheOriginal() {
			DsrRequest request = second();
			request.startWork(STAFF, RECEIVED);
			request.closeAsDuplicate(original(), STAFF, RECEIVED);
			assertThat(request.getStatus()).isEqualTo(RequestStatus.DUPLICATE);
			assertThat(request.getStatus().isOpen()).isFalse();
			assertThat(RequestStatus.CLOSED).contains(RequestStatus.DUPLICATE);
			assertThat(RequestStatus.ANSWERED).doesNotContain(RequestStatus.DUPLICATE);
			assertThat(request.getDuplicateOf()).isEqualTo(1L);
			assertThat(request.getClosingReason()).isEqualTo("DSR-2026-000001");
			assertThat(request.getClosedAt()).isEqualTo(RECEIVED);
		}

		@Test
		void anUnconfirmedWebRequestCanBeClosedAsDuplicate() {
			DsrRequest request = withId(DsrRequestTest.received(Channel.WEB), 3L, "DSR-2026-000003");
			request.closeAsDuplicate(original(), Actor.SYSTEM, RECEIVED);
			assertThat(request.getStatus()).isEqualTo(RequestStatus.DUPLICATE);
		}

		@Test
		void theOriginalMayAlreadyBeAnswered() {
			DsrRequest original = original();
			original.startWork(STAFF, RECEIVED);
			original.complete(STAFF, RECEIVED);
			DsrRequest request = second();
			request.closeAsDuplicate(original, STAFF, RECEIVED);
			assertThat(request.getDuplicateOf()).isEqualTo(1L);
		}

		@Test
		void itCannotBeADuplicateOfItself() {
			DsrRequest request = second();
			assertThatThrownBy(() -> request.closeAsDuplicate(request, STAFF, RECEIVED))
				.isInstanceOfSatisfying(RefusedException.class, (ex) -> {
					assertThat(ex.messageCode()).isEqualTo("duplicate.error.itself");
					assertThat(ex.httpStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
				});
			assertThat(request.getStatus().isOpen()).isTrue();
		}

		@Test
		void theSameRequestLoadedTwiceIsItself() {
			DsrRequest request = second();
			DsrRequest sameAgain = second();
			assertThatThrownBy(() -> request.closeAsDuplicate(sameAgain, STAFF, RECEIVED)).isInstanceOfSatisfying(
					RefusedException.class, (ex) -> assertThat(ex.messageCode()).isEqualTo("duplicate.error.itself"));
		}

		@Test
		void itCannotNameAClosedDuplicate() {
			DsrRequest closed = withId(DsrRequestTest.received(Channel.EMAIL), 4L, "DSR-2026-000004");
			closed.closeAsDuplicate(original(), STAFF, RECEIVED);
			DsrRequest request = second();
			assertThatThrownBy(() -> request.closeAsDuplicate(closed, STAFF, RECEIVED)).isInstanceOfSatisfying(
					RefusedException.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("duplicate.error.ofDuplicate"));
		}

	}

	@Nested
	class WhenClosed {

		@Test
		void aClosedRequestIsRefusedAsAlreadyClosed() {
			DsrRequest request = second();
			request.withdraw(STAFF, RECEIVED);
			assertThatThrownBy(() -> request.closeAsDuplicate(original(), STAFF, RECEIVED))
				.isInstanceOfSatisfying(RefusedException.class, (ex) -> {
					assertThat(ex.messageCode()).isEqualTo("duplicate.error.closed");
					assertThat(ex.httpStatus()).isEqualTo(HttpStatus.CONFLICT);
				});
			assertThat(request.getStatus()).isEqualTo(RequestStatus.WITHDRAWN);
		}

		@Test
		void aDuplicateAllowsNoFurtherStep() {
			DsrRequest request = second();
			request.closeAsDuplicate(original(), STAFF, RECEIVED);
			for (RequestAction action : RequestAction.values()) {
				assertThat(request.allows(action)).as(action.name()).isFalse();
			}
			assertThatThrownBy(() -> request.withdraw(STAFF, RECEIVED)).isInstanceOf(IllegalTransitionException.class);
		}

	}

}
