package se.dsrdesk.location;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention rules that propose the date until which retained data is kept.
 */
class RetentionRuleTest {

	@Nested
	@DisplayName("Bokföringslagen (1999:1078) 7 kap. 2 § (as in force since 1 July 2024)")
	class Bookkeeping {

		@Test
		@DisplayName("BFL 7 kap. 2 §: a calendar financial year ending 31 Dec 2026 is kept until 31 Dec 2033")
		void calendarYear() {
			assertThat(RetentionRule.BOOKKEEPING.holdUntil(LocalDate.of(2026, 3, 3), null, 12))
				.contains(LocalDate.of(2033, 12, 31));
			assertThat(RetentionRule.BOOKKEEPING.holdUntil(LocalDate.of(2026, 12, 31), null, 12))
				.contains(LocalDate.of(2033, 12, 31));
			assertThat(RetentionRule.BOOKKEEPING.holdUntil(LocalDate.of(2027, 1, 1), null, 12))
				.contains(LocalDate.of(2034, 12, 31));
		}

		@Test
		@DisplayName("BFL 7 kap. 2 §: a broken financial year counts from the calendar year in which it ends")
		void brokenFinancialYear() {
			// Financial year 1 May 2025 – 30 April 2026: ends in 2026, kept until the end
			// of 2033.
			assertThat(RetentionRule.BOOKKEEPING.holdUntil(LocalDate.of(2026, 3, 3), null, 4))
				.contains(LocalDate.of(2033, 12, 31));
			assertThat(RetentionRule.BOOKKEEPING.holdUntil(LocalDate.of(2026, 4, 30), null, 4))
				.contains(LocalDate.of(2033, 12, 31));
			// Financial year 1 May 2026 – 30 April 2027: ends in 2027.
			assertThat(RetentionRule.BOOKKEEPING.holdUntil(LocalDate.of(2026, 5, 1), null, 4))
				.contains(LocalDate.of(2034, 12, 31));
		}

		@Test
		@DisplayName("BFL 7 kap. 2 §: the ground of a bookkeeping hold is the Bookkeeping Act (Art. 17(3)(b))")
		void ground() {
			assertThat(RetentionRule.BOOKKEEPING.ground()).contains(LegalGround.BOOKKEEPING_ACT);
			assertThat(RetentionRule.MONTHS.ground()).isEmpty();
		}

	}

	@Test
	@DisplayName("A fixed period: today plus the location's retention months; none without months")
	void months() {
		assertThat(RetentionRule.MONTHS.holdUntil(LocalDate.of(2026, 3, 31), 24, 12))
			.contains(LocalDate.of(2028, 3, 31));
		assertThat(RetentionRule.MONTHS.holdUntil(LocalDate.of(2026, 3, 31), null, 12)).isEmpty();
	}

	@Test
	@DisplayName("No rule: the date is typed by hand")
	void none() {
		assertThat(RetentionRule.NONE.holdUntil(LocalDate.of(2026, 3, 3), 24, 12)).isEmpty();
	}

}
