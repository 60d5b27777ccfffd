package se.dsrdesk.request;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day until which a request is covered, after which the person is owed a delay notice
 * (GDPR Art. 12(3): the person is told of a delay and its reasons; once the day they were
 * told to expect the answer has passed they are owed a new one). The dashboard's kept
 * "overdue, person not told" count is made from it.
 */
class RequestTallyTest {

	private static final LocalDate DEADLINE = LocalDate.of(2026, 4, 7);

	@Test
	@DisplayName("Art. 12(3): not told of a delay, a request is covered until its deadline")
	void untoldIsCoveredUntilTheDeadline() {
		assertThat(tally(null, null).coveredUntil()).isEqualTo(DEADLINE);
		assertThat(tally(null, null).toldUntil()).isNull();
	}

	@Test
	@DisplayName("Art. 12(3): told of a delay, a request is covered until the day the person was told to expect "
			+ "the answer")
	void toldIsCoveredUntilTheExpectedDay() {
		RequestTally told = tally(LocalDate.of(2026, 4, 8), LocalDate.of(2026, 4, 20));
		assertThat(told.toldUntil()).isEqualTo(LocalDate.of(2026, 4, 20));
		assertThat(told.coveredUntil()).isEqualTo(LocalDate.of(2026, 4, 20));
	}

	@Test
	@DisplayName("Art. 12(3): a delay announced before the deadline with an earlier expected day does not shorten "
			+ "the deadline's cover")
	void anEarlierExpectedDayLeavesTheDeadline() {
		assertThat(tally(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 30)).coveredUntil()).isEqualTo(DEADLINE);
	}

	@Test
	@DisplayName("A delay notice given up (no announcement left) tells the person nothing")
	void aGivenUpNoticeTellsNothing() {
		assertThat(RequestTally.toldUntil(null, LocalDate.of(2026, 4, 20))).isNull();
		assertThat(tally(null, LocalDate.of(2026, 4, 20)).coveredUntil()).isEqualTo(DEADLINE);
	}

	private static RequestTally tally(LocalDate announcedOn, LocalDate expectedOn) {
		return new RequestTally(RequestStatus.IN_PROGRESS, RequestType.ACCESS, LocalDate.of(2026, 3, 3), DEADLINE, null,
				null, RequestTally.toldUntil(announcedOn, expectedOn));
	}

}
