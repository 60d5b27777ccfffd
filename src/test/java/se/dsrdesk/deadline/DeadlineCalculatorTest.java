package se.dsrdesk.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link DeadlineCalculator}. Weekday facts used below: 1 Jan 2025 was a
 * Wednesday, so e.g. 15 Mar 2025 is a Saturday and 17 Mar a Monday; Easter 2025 is 20 Apr
 * (Good Friday 18 Apr, Easter Monday 21 Apr); Christmas Day 2025 is a Thursday. All
 * expected dates were derived by hand and cross-checked with an independent script.
 */
class DeadlineCalculatorTest {

	private final DeadlineCalculator calc = new DeadlineCalculator();

	private final DeadlineCalculator calcWithEves = new DeadlineCalculator(new SwedishHolidayCalendar(true),
			DeadlineCalculator.DEFAULT_ZONE);

	private static PausePeriod pause(String pausedOn, String resumedOn) {
		return new PausePeriod(LocalDate.parse(pausedOn), LocalDate.parse(resumedOn));
	}

	@Nested
	class Defaults {

		@Test
		void swedishCalendarInStockholm() {
			assertThat(DeadlineCalculatorTest.this.calc.zone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
			assertThat(DeadlineCalculatorTest.this.calc.calendar()).isEqualTo(new SwedishHolidayCalendar(false));
		}

	}

	@Nested
	class ReceiptDate {

		@ParameterizedTest(name = "{0} -> {1}")
		@CsvSource({
				// winter time, CET = UTC+1: 23:30 UTC on 31 Jan is 00:30 on 1 Feb
				"2025-01-31T23:30:00Z, 2025-02-01", "2025-01-31T22:59:59Z, 2025-01-31",
				"2025-01-31T23:00:00Z, 2025-02-01",
				// summer time, CEST = UTC+2: 23:30 UTC on 31 Jul is 01:30 on 1 Aug
				"2025-07-31T23:30:00Z, 2025-08-01", "2025-07-31T21:59:59Z, 2025-07-31",
				"2025-07-31T22:00:00Z, 2025-08-01",
				// last day of a year and of a leap February
				"2025-12-31T23:30:00Z, 2026-01-01", "2028-02-29T23:30:00Z, 2028-03-01",
				// the night the clocks go forward (30 Mar 2025, 01:00 UTC)
				"2025-03-29T23:30:00Z, 2025-03-30", "2025-03-30T21:59:59Z, 2025-03-30" })
		void isTheLocalDateInStockholm(Instant receivedAt, LocalDate expected) {
			assertThat(DeadlineCalculatorTest.this.calc.receiptDate(receivedAt)).isEqualTo(expected);
		}

		@Test
		void dependsOnTheConfiguredZone() {
			Instant instant = Instant.parse("2025-01-31T23:30:00Z");
			assertThat(new DeadlineCalculator(new SwedishHolidayCalendar(), ZoneOffset.UTC).receiptDate(instant))
				.isEqualTo(LocalDate.of(2025, 1, 31));
			assertThat(new DeadlineCalculator(new SwedishHolidayCalendar(), ZoneId.of("America/New_York"))
				.receiptDate(Instant.parse("2025-02-01T03:00:00Z"))).isEqualTo(LocalDate.of(2025, 1, 31));
		}

		@Test
		void lateArrivalOnTheLastDayOfJanuaryCountsFromFirstFebruary() {
			// received 1 Feb 2025 (Sat) in Stockholm: one month ends Sat 1 Mar -> Mon 3
			// Mar;
			// had the UTC date (31 Jan) been used, the month would end on Fri 28 Feb
			LocalDate receipt = DeadlineCalculatorTest.this.calc.receiptDate(Instant.parse("2025-01-31T23:30:00Z"));
			Deadline deadline = DeadlineCalculatorTest.this.calc.compute(receipt);
			assertThat(deadline.firstMonthEnd()).isEqualTo(LocalDate.of(2025, 3, 1));
			assertThat(deadline.effectiveDeadline()).isEqualTo(LocalDate.of(2025, 3, 3));
		}

		@Test
		void lateArrivalOnTheLastDayOfJulyCountsFromFirstAugust() {
			// received Fri 1 Aug 2025 in Stockholm: one month ends Mon 1 Sep 2025
			LocalDate receipt = DeadlineCalculatorTest.this.calc.receiptDate(Instant.parse("2025-07-31T23:30:00Z"));
			assertThat(DeadlineCalculatorTest.this.calc.compute(receipt).effectiveDeadline())
				.isEqualTo(LocalDate.of(2025, 9, 1));
		}

		@ParameterizedTest(name = "arrived {0} ({2}) -> deadline {1}")
		@CsvSource({ "2025-03-01T10:00:00Z, 2025-04-01, Saturday", "2025-03-02T10:00:00Z, 2025-04-02, Sunday",
				"2025-04-20T10:00:00Z, 2025-05-20, Easter Day" })
		void arrivalOnAWeekendOrHolidayCountsFromThatDay(Instant receivedAt, LocalDate deadline, String day) {
			// counting from the next working day instead (Mon 3 Mar, Mon 3 Mar, Tue 22
			// Apr)
			// would give 3 Apr, 3 Apr and 22 May
			LocalDate receipt = DeadlineCalculatorTest.this.calc.receiptDate(receivedAt);
			assertThat(DeadlineCalculatorTest.this.calc.compute(receipt).effectiveDeadline()).isEqualTo(deadline);
		}

		@Test
		void todayUsesTheZone() {
			Clock clock = Clock.fixed(Instant.parse("2025-07-31T22:30:00Z"), ZoneOffset.UTC);
			assertThat(DeadlineCalculatorTest.this.calc.today(clock)).isEqualTo(LocalDate.of(2025, 8, 1));
		}

	}

	@Nested
	class MonthEnds {

		@ParameterizedTest(name = "{0} + 1 month = {1}")
		@CsvSource({ "2025-01-31, 2025-02-28", // non-leap February has no 29-31
				"2025-01-29, 2025-02-28", "2028-01-31, 2028-02-29", // leap year 2028
				"2028-01-30, 2028-02-29", "2028-01-29, 2028-02-29", "2025-03-31, 2025-04-30", // April
																								// has
																								// 30
				"2025-03-30, 2025-04-30", "2025-05-31, 2025-06-30", "2025-08-31, 2025-09-30", "2025-04-30, 2025-05-30", // 30
																														// Apr
																														// ->
																														// 30
																														// May,
																														// not
																														// 31
																														// May
				"2025-07-31, 2025-08-31", "2028-02-29, 2028-03-29", // 29 Feb -> 29 Mar,
																	// not 31 Mar
				"2025-02-28, 2025-03-28", "2025-12-15, 2026-01-15", // December -> next
																	// year
				"2025-12-31, 2026-01-31" })
		void sameDateNextMonthOrItsLastDay(LocalDate receipt, LocalDate monthEnd) {
			Deadline deadline = DeadlineCalculatorTest.this.calc.compute(receipt);
			assertThat(deadline.firstMonthEnd()).isEqualTo(monthEnd);
			assertThat(deadline.pausedDays()).isZero();
		}

		@ParameterizedTest(name = "{0} -> {1}")
		@CsvSource({ "2025-01-31, 2025-02-28", // Fri
				"2028-01-31, 2028-02-29", // Tue
				"2025-03-31, 2025-04-30", // Wed (Walpurgis Night is a working day)
				"2028-02-29, 2028-03-29", // Wed
				"2025-12-15, 2026-01-15", // Thu
				"2025-05-31, 2025-06-30", // Mon
				"2025-08-31, 2025-09-30", // Tue
				"2025-04-30, 2025-05-30", // Fri after Ascension Day
				"2025-12-31, 2026-02-02", // 31 Jan 2026 is a Saturday -> Mon 2 Feb
				"2025-07-31, 2025-09-01" }) // 31 Aug 2025 is a Sunday -> Mon 1 Sep
		void deadlineWithoutPausesOrExtension(LocalDate receipt, LocalDate expected) {
			Deadline deadline = DeadlineCalculatorTest.this.calc.compute(receipt);
			assertThat(deadline.originalDeadline()).isEqualTo(expected);
			assertThat(deadline.oneMonthDeadline()).isEqualTo(expected);
			assertThat(deadline.effectiveDeadline()).isEqualTo(expected);
			assertThat(deadline.extensionMonths()).isZero();
			assertThat(deadline.extended()).isFalse();
		}

	}

	@Nested
	class Rolls {

		@ParameterizedTest(name = "received {0}: month ends {1} -> {2}")
		@CsvSource({ "2025-02-15, 2025-03-15, 2025-03-17", // Saturday -> Monday
				"2025-02-16, 2025-03-16, 2025-03-17", // Sunday -> Monday
				// Good Friday 18 Apr, Sat 19, Easter Day 20, Easter Monday 21 -> Tue 22
				// Apr
				"2025-03-18, 2025-04-18, 2025-04-22", "2025-03-21, 2025-04-21, 2025-04-22", // Easter
																							// Monday
				"2025-03-17, 2025-04-17, 2025-04-17", // Maundy Thursday is a working day
				// Christmas Day Thu 25, Boxing Day Fri 26, Sat 27, Sun 28 -> Mon 29 Dec
				"2025-11-25, 2025-12-25, 2025-12-29",
				// Christmas Eve (Wed) is a working day by default
				"2025-11-24, 2025-12-24, 2025-12-24", "2025-12-01, 2026-01-01, 2026-01-02", // New
																							// Year's
																							// Day
																							// Thu
																							// ->
																							// Fri
				"2025-12-06, 2026-01-06, 2026-01-07", // Epiphany Tue -> Wed
				"2026-04-01, 2026-05-01, 2026-05-04", // 1 May Fri -> Mon 4 May
				"2025-04-29, 2025-05-29, 2025-05-30", // Ascension Thu -> Fri
				// National Day Fri 6 Jun, Sat 7, Whit Sunday 8 -> Mon 9 (Whit Monday
				// works)
				"2025-05-06, 2025-06-06, 2025-06-09",
				// Midsummer Eve (Fri 20 Jun) is a working day by default
				"2025-05-20, 2025-06-20, 2025-06-20", "2025-10-01, 2025-11-01, 2025-11-03", // All
																							// Saints'
																							// Day
																							// Sat
																							// ->
																							// Mon
				// Christmas Eve 2027 is a Friday, then Christmas Day Sat, Boxing Day Sun
				"2027-11-24, 2027-12-24, 2027-12-24" })
		void statutoryCalendar(LocalDate receipt, LocalDate monthEnd, LocalDate expected) {
			Deadline deadline = DeadlineCalculatorTest.this.calc.compute(receipt);
			assertThat(deadline.firstMonthEnd()).isEqualTo(monthEnd);
			assertThat(deadline.effectiveDeadline()).isEqualTo(expected);
		}

		@ParameterizedTest(name = "received {0}: month ends {1} -> {2}")
		@CsvSource({ "2025-11-24, 2025-12-24, 2025-12-29", // Wed 24 .. Sun 28 Dec off
				"2025-05-20, 2025-06-20, 2025-06-23", // Midsummer Eve Fri, Midsummer Day
														// Sat
				"2027-11-24, 2027-12-24, 2027-12-27", // Fri 24, Sat 25, Sun 26 Dec
				"2025-11-25, 2025-12-25, 2025-12-29" }) // unchanged
		void evesNonWorking(LocalDate receipt, LocalDate monthEnd, LocalDate expected) {
			Deadline deadline = DeadlineCalculatorTest.this.calcWithEves.compute(receipt);
			assertThat(deadline.firstMonthEnd()).isEqualTo(monthEnd);
			assertThat(deadline.effectiveDeadline()).isEqualTo(expected);
		}

		@Test
		void newYearsEve() {
			// Wed 31 Dec 2025 works by default; with the flag Wed 31 and Thu 1 Jan are
			// off
			LocalDate newYearsEve = LocalDate.of(2025, 12, 31);
			assertThat(DeadlineCalculatorTest.this.calc.rollToWorkingDay(newYearsEve)).isEqualTo(newYearsEve);
			assertThat(DeadlineCalculatorTest.this.calcWithEves.rollToWorkingDay(newYearsEve))
				.isEqualTo(LocalDate.of(2026, 1, 2));
		}

		@Test
		void workingDayIsKept() {
			LocalDate monday = LocalDate.of(2025, 3, 17);
			assertThat(DeadlineCalculatorTest.this.calc.rollToWorkingDay(monday)).isEqualTo(monday);
		}

		@Test
		void rolledDeadlineIsAlwaysAWorkingDay() {
			for (LocalDate r = LocalDate.of(2024, 1, 1); r.getYear() <= 2030; r = r.plusDays(1)) {
				Deadline d = DeadlineCalculatorTest.this.calc.compute(r);
				assertThat(DeadlineCalculatorTest.this.calc.calendar().isWorkingDay(d.effectiveDeadline())).isTrue();
				assertThat(d.effectiveDeadline()).isAfterOrEqualTo(d.firstMonthEnd());
				assertThat(d.firstMonthEnd()).isEqualTo(r.plusMonths(1));
			}
		}

		@Test
		void otherCalendarsArePluggable() {
			DeadlineCalculator weekendsOnly = new DeadlineCalculator(HolidayCalendar.weekendsOnly(),
					DeadlineCalculator.DEFAULT_ZONE);
			// Christmas Day 2025 (Thu) is an ordinary working day without holidays
			assertThat(weekendsOnly.compute(LocalDate.of(2025, 11, 25)).effectiveDeadline())
				.isEqualTo(LocalDate.of(2025, 12, 25));
		}

		@Test
		void calendarWithoutWorkingDaysFailsClearly() {
			DeadlineCalculator broken = new DeadlineCalculator((d) -> true, ZoneOffset.UTC);
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> broken.rollToWorkingDay(LocalDate.of(2025, 1, 1)));
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> broken.workingDaysBefore(LocalDate.of(2025, 1, 1), 1));
		}

	}

	@Nested
	class Pauses {

		// receipt Mon 10 Mar 2025: one month ends Thu 10 Apr 2025

		private final LocalDate receipt = LocalDate.of(2025, 3, 10);

		@Test
		void none() {
			Deadline d = DeadlineCalculatorTest.this.calc.compute(this.receipt, List.of(), 0);
			assertThat(d.firstMonthEnd()).isEqualTo(LocalDate.of(2025, 4, 10));
			assertThat(d.effectiveDeadline()).isEqualTo(LocalDate.of(2025, 4, 10));
		}

		@Test
		@DisplayName("Art. 12(3), 12(6): a scope pause moves the deadline but not the last day to extend")
		void aScopePauseLeavesTheExtensionWindowAtTheStatutoryMonth() {
			Deadline d = DeadlineCalculatorTest.this.calc.compute(this.receipt,
					List.of(new PausePeriod(LocalDate.parse("2025-03-12"), LocalDate.parse("2025-03-19"), false)), 0);
			assertThat(d.oneMonthDeadline()).isEqualTo(LocalDate.of(2025, 4, 17));
			assertThat(d.lastDayToExtend()).isEqualTo(LocalDate.of(2025, 4, 10));
			assertThat(DeadlineCalculatorTest.this.calc.isExtensionAllowed(d, LocalDate.of(2025, 4, 11))).isFalse();
			assertThatThrownBy(() -> DeadlineCalculatorTest.this.calc.extend(d, 1, LocalDate.of(2025, 4, 11)))
				.isInstanceOf(ExtensionNotAllowedException.class);
			// The extension counts from the end of the first month, pauses included.
			assertThat(DeadlineCalculatorTest.this.calc.extend(d, 1, LocalDate.of(2025, 4, 10)).effectiveDeadline())
				.isEqualTo(LocalDate.of(2025, 5, 19));
		}

		@Test
		@DisplayName("Art. 12(6): an identity pause moves the last day to extend with the deadline")
		void anIdentityPauseMovesTheExtensionWindow() {
			Deadline d = DeadlineCalculatorTest.this.calc
				.compute(this.receipt,
						List.of(pause("2025-03-12", "2025-03-19"),
								new PausePeriod(LocalDate.parse("2025-03-20"), LocalDate.parse("2025-03-22"), false)),
						0);
			assertThat(d.pausedDays()).isEqualTo(9);
			assertThat(d.lastDayToExtend()).isEqualTo(LocalDate.of(2025, 4, 17));
		}

		@Test
		void onePause() {
			// 12 -> 19 Mar = 7 days: 10 Apr + 7 = Thu 17 Apr (Maundy Thursday, a working
			// day)
			Deadline d = DeadlineCalculatorTest.this.calc.compute(this.receipt,
					List.of(pause("2025-03-12", "2025-03-19")), 0);
			assertThat(d.pausedDays()).isEqualTo(7);
			assertThat(d.originalDeadline()).isEqualTo(LocalDate.of(2025, 4, 10));
			assertThat(d.firstMonthEnd()).isEqualTo(LocalDate.of(2025, 4, 17));
			assertThat(d.oneMonthDeadline()).isEqualTo(LocalDate.of(2025, 4, 17));
			assertThat(d.effectiveDeadline()).isEqualTo(LocalDate.of(2025, 4, 17));
		}

		@Test
		void twoPausesInAnyOrder() {
			// 3 days + 4 days = 7 days -> Thu 17 Apr
			List<PausePeriod> pauses = List.of(pause("2025-03-20", "2025-03-24"), pause("2025-03-12", "2025-03-15"));
			Deadline d = DeadlineCalculatorTest.this.calc.compute(this.receipt, pauses, 0);
			assertThat(d.pausedDays()).isEqualTo(7);
			assertThat(d.effectiveDeadline()).isEqualTo(LocalDate.of(2025, 4, 17));
		}

		@Test
		void zeroDayPause() {
			PausePeriod sameDay = pause("2025-03-12", "2025-03-12");
			assertThat(sameDay.days()).isZero();
			Deadline d = DeadlineCalculatorTest.this.calc.compute(this.receipt, List.of(sameDay), 0);
			assertThat(d.pausedDays()).isZero();
			assertThat(d.effectiveDeadline()).isEqualTo(LocalDate.of(2025, 4, 10));
		}

		@Test
		void pauseThenRoll() {
			// 12 -> 20 Mar = 8 days: 10 Apr + 8 = Good Friday 18 Apr -> Tue 22 Apr
			Deadline d = DeadlineCalculatorTest.this.calc.compute(this.receipt,
					List.of(pause("2025-03-12", "2025-03-20")), 0);
			assertThat(d.firstMonthEnd()).isEqualTo(LocalDate.of(2025, 4, 18));
			assertThat(d.oneMonthDeadline()).isEqualTo(LocalDate.of(2025, 4, 22));
		}

		@Test
		void pauseIsAddedBeforeTheRollNotAfter() {
			// receipt Sat 15 Feb 2025: month ends Sat 15 Mar (rolled: Mon 17 Mar).
			// A 2-day pause gives 15 + 2 = Mon 17 Mar, not rolled Mon 17 + 2 = Wed 19
			// Mar.
			Deadline d = DeadlineCalculatorTest.this.calc.compute(LocalDate.of(2025, 2, 15),
					List.of(pause("2025-02-20", "2025-02-22")), 0);
			assertThat(d.oneMonthDeadline()).isEqualTo(LocalDate.of(2025, 3, 17));
		}

		@Test
		void pausesMayTouchAndMayStartOnTheReceiptDate() {
			// 10 -> 12 and 12 -> 15 Mar: 2 + 3 = 5 days -> Tue 15 Apr
			Deadline d = DeadlineCalculatorTest.this.calc.compute(this.receipt,
					List.of(pause("2025-03-10", "2025-03-12"), pause("2025-03-12", "2025-03-15")), 0);
			assertThat(d.pausedDays()).isEqualTo(5);
			assertThat(d.effectiveDeadline()).isEqualTo(LocalDate.of(2025, 4, 15));
		}

		@Test
		void zeroDayPauseInsideAnotherIsHarmless() {
			Deadline d = DeadlineCalculatorTest.this.calc.compute(this.receipt,
					List.of(pause("2025-03-12", "2025-03-19"), pause("2025-03-15", "2025-03-15")), 0);
			assertThat(d.pausedDays()).isEqualTo(7);
		}

		@Test
		void overlappingPausesAreRefused() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> DeadlineCalculatorTest.this.calc.compute(this.receipt,
						List.of(pause("2025-03-12", "2025-03-19"), pause("2025-03-18", "2025-03-25")), 0))
				.withMessageContaining("overlap");
			assertThatIllegalArgumentException().isThrownBy(() -> DeadlineCalculatorTest.this.calc.compute(this.receipt,
					List.of(pause("2025-03-12", "2025-03-30"), pause("2025-03-14", "2025-03-16"),
							pause("2025-03-20", "2025-03-22")),
					0))
				.withMessageContaining("overlap");
		}

		@Test
		void pauseBeforeReceiptIsRefused() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> DeadlineCalculatorTest.this.calc.compute(this.receipt,
						List.of(pause("2025-03-09", "2025-03-12")), 0))
				.withMessageContaining("before the receipt date");
		}

		@Test
		void resumedBeforePausedIsRefused() {
			assertThatIllegalArgumentException().isThrownBy(() -> pause("2025-03-12", "2025-03-11"));
		}

	}

	@Nested
	class Extensions {

		@ParameterizedTest(name = "received {0}, +{1} month(s) -> {2}")
		@CsvSource({
				// 31 Jan 2025: first month ends Fri 28 Feb; +1 = Fri 28 Mar; +2 = Mon 28
				// Apr,
				// NOT 30 Apr (which 31 Jan + 3 months would give)
				"2025-01-31, 1, 2025-03-28", "2025-01-31, 2, 2025-04-28",
				// Sat 15 Feb 2025: first month ends Sat 15 Mar (rolled Mon 17 Mar); the
				// extension counts from the unrolled 15 Mar: Tue 15 Apr, Thu 15 May
				"2025-02-15, 1, 2025-04-15", "2025-02-15, 2, 2025-05-15",
				// 18 Feb 2025: first month ends Tue 18 Mar; +1 = Good Friday 18 Apr ->
				// Tue 22 Apr
				"2025-02-18, 1, 2025-04-22",
				// 29 Feb 2028 (leap): Wed 29 Mar, then Sat 29 Apr -> Tue 2 May (1 May is
				// a holiday)
				"2028-02-29, 1, 2028-05-02" })
		void countedFromTheUnrolledEndOfTheFirstMonth(LocalDate receipt, int months, LocalDate expected) {
			Deadline d = DeadlineCalculatorTest.this.calc.compute(receipt, List.of(), months);
			assertThat(d.extensionMonths()).isEqualTo(months);
			assertThat(d.extended()).isTrue();
			assertThat(d.effectiveDeadline()).isEqualTo(expected);
		}

		@Test
		void thirtyFirstJanuaryDetail() {
			Deadline d = DeadlineCalculatorTest.this.calc.compute(LocalDate.of(2025, 1, 31), List.of(), 2);
			assertThat(d.firstMonthEnd()).isEqualTo(LocalDate.of(2025, 2, 28));
			assertThat(d.oneMonthDeadline()).isEqualTo(LocalDate.of(2025, 2, 28));
			assertThat(d.effectiveDeadline()).isEqualTo(LocalDate.of(2025, 4, 28))
				.isNotEqualTo(LocalDate.of(2025, 4, 30));
		}

		@ParameterizedTest(name = "pause {0} days, +{1} -> {2}")
		@CsvSource({
				// receipt Mon 10 Mar 2025, 7-day pause: first month ends Thu 17 Apr;
				// +1 = Sat 17 May -> Mon 19 May; +2 = Tue 17 Jun
				"2025-03-19, 1, 2025-05-19", "2025-03-19, 2, 2025-06-17",
				// 8-day pause: first month ends Good Friday 18 Apr (one-month deadline
				// Tue 22
				// Apr); +1 = Sun 18 May -> Mon 19 May; +2 = Wed 18 Jun
				"2025-03-20, 1, 2025-05-19", "2025-03-20, 2, 2025-06-18" })
		void pausesAndExtensionTogether(LocalDate resumedOn, int months, LocalDate expected) {
			Deadline d = DeadlineCalculatorTest.this.calc.compute(LocalDate.of(2025, 3, 10),
					List.of(new PausePeriod(LocalDate.of(2025, 3, 12), resumedOn)), months);
			assertThat(d.effectiveDeadline()).isEqualTo(expected);
		}

		@Test
		void extendEqualsComputeWithExtension() {
			LocalDate receipt = LocalDate.of(2025, 3, 10);
			List<PausePeriod> pauses = List.of(pause("2025-03-12", "2025-03-20"));
			Deadline current = DeadlineCalculatorTest.this.calc.compute(receipt, pauses, 0);
			for (int months = 1; months <= 2; months++) {
				assertThat(DeadlineCalculatorTest.this.calc.extend(current, months, LocalDate.of(2025, 4, 22)))
					.isEqualTo(DeadlineCalculatorTest.this.calc.compute(receipt, pauses, months));
			}
		}

		@Nested
		class WhenAllowed {

			// receipt Sat 15 Feb 2025: first month ends Sat 15 Mar; one-month deadline
			// Mon 17
			// Mar 2025

			private final Deadline current = DeadlineCalculatorTest.this.calc.compute(LocalDate.of(2025, 2, 15));

			@ParameterizedTest(name = "allowed on {0}")
			@ValueSource(strings = { "2025-02-15", "2025-03-14", "2025-03-15", "2025-03-16", "2025-03-17" })
			void onOrBeforeTheOneMonthDeadline(LocalDate today) {
				assertThat(DeadlineCalculatorTest.this.calc.isExtensionAllowed(this.current, today)).isTrue();
				assertThatNoException()
					.isThrownBy(() -> DeadlineCalculatorTest.this.calc.checkExtensionAllowed(this.current, 2, today));
				assertThat(DeadlineCalculatorTest.this.calc.extend(this.current, 1, today).effectiveDeadline())
					.isEqualTo(LocalDate.of(2025, 4, 15));
			}

			@ParameterizedTest(name = "refused on {0}")
			@ValueSource(strings = { "2025-03-18", "2025-04-01" })
			void afterTheOneMonthDeadline(LocalDate today) {
				assertThat(DeadlineCalculatorTest.this.calc.isExtensionAllowed(this.current, today)).isFalse();
				assertThatExceptionOfType(ExtensionNotAllowedException.class)
					.isThrownBy(() -> DeadlineCalculatorTest.this.calc.checkExtensionAllowed(this.current, 1, today))
					.withMessageContaining("2025-03-17")
					.withMessageContaining("has passed");
				assertThatExceptionOfType(ExtensionNotAllowedException.class)
					.isThrownBy(() -> DeadlineCalculatorTest.this.calc.extend(this.current, 1, today));
			}

			@Test
			void theLimitIsThePausedOneMonthDeadline() {
				// receipt Mon 10 Mar 2025, 8-day pause: one-month deadline Tue 22 Apr
				// (the
				// unpaused deadline was Thu 10 Apr)
				Deadline paused = DeadlineCalculatorTest.this.calc.compute(LocalDate.of(2025, 3, 10),
						List.of(pause("2025-03-12", "2025-03-20")), 0);
				assertThat(DeadlineCalculatorTest.this.calc.isExtensionAllowed(paused, LocalDate.of(2025, 4, 22)))
					.isTrue();
				assertThat(DeadlineCalculatorTest.this.calc.isExtensionAllowed(paused, LocalDate.of(2025, 4, 23)))
					.isFalse();
			}

			@Test
			void onlyOnce() {
				Deadline extended = DeadlineCalculatorTest.this.calc.extend(this.current, 1, LocalDate.of(2025, 3, 1));
				assertThat(DeadlineCalculatorTest.this.calc.isExtensionAllowed(extended, LocalDate.of(2025, 3, 1)))
					.isFalse();
				assertThatExceptionOfType(ExtensionNotAllowedException.class)
					.isThrownBy(() -> DeadlineCalculatorTest.this.calc.checkExtensionAllowed(extended, 1,
							LocalDate.of(2025, 3, 1)))
					.withMessageContaining("already extended");
			}

			@ParameterizedTest(name = "{0} month(s) refused")
			@ValueSource(ints = { -1, 0, 3, 12 })
			void monthsOutsideOneToTwo(int months) {
				assertThatIllegalArgumentException()
					.isThrownBy(() -> DeadlineCalculatorTest.this.calc.checkExtensionAllowed(this.current, months,
							LocalDate.of(2025, 3, 1)))
					.withMessageContaining("1 or 2");
				assertThatIllegalArgumentException().isThrownBy(
						() -> DeadlineCalculatorTest.this.calc.extend(this.current, months, LocalDate.of(2025, 3, 1)));
			}

		}

		@ParameterizedTest(name = "compute with {0} extension months refused")
		@ValueSource(ints = { -1, 3 })
		void computeRefusesMonthsOutsideZeroToTwo(int months) {
			assertThatIllegalArgumentException().isThrownBy(
					() -> DeadlineCalculatorTest.this.calc.compute(LocalDate.of(2025, 1, 1), List.of(), months));
		}

		@Test
		void neverLaterThanRolledReceiptPlusThreeMonths() {
			DeadlineCalculator c = DeadlineCalculatorTest.this.calc;
			for (LocalDate r = LocalDate.of(2024, 1, 1); r.getYear() <= 2030; r = r.plusDays(1)) {
				Deadline one = c.compute(r, List.of(), 1);
				Deadline two = c.compute(r, List.of(), 2);
				assertThat(one.effectiveDeadline()).as("%s +1", r)
					.isAfter(one.oneMonthDeadline())
					.isBeforeOrEqualTo(c.rollToWorkingDay(r.plusMonths(2)));
				assertThat(two.effectiveDeadline()).as("%s +2", r)
					.isAfter(one.effectiveDeadline())
					.isBeforeOrEqualTo(c.rollToWorkingDay(r.plusMonths(3)));
				assertThat(c.calendar().isWorkingDay(two.effectiveDeadline())).isTrue();
			}
		}

	}

	@Nested
	class InternalTarget {

		@ParameterizedTest(name = "{0} - 5 working days = {1}")
		@CsvSource({ "2025-03-03, 2025-02-24", // Mon -> previous Mon
				"2025-02-28, 2025-02-21", // Fri -> previous Fri
				// Tue 22 Apr 2025: Easter Mon 21, Sun 20, Sat 19, Good Fri 18 skipped;
				// Thu 17 (1), Wed 16 (2), Tue 15 (3), Mon 14 (4), Fri 11 (5)
				"2025-04-22, 2025-04-11",
				// Mon 29 Dec 2025: Sun 28, Sat 27, Boxing Day 26, Christmas Day 25
				// skipped;
				// Wed 24 (1), Tue 23 (2), Mon 22 (3), Fri 19 (4), Thu 18 (5)
				"2025-12-29, 2025-12-18" })
		void defaultFiveWorkingDays(LocalDate deadline, LocalDate target) {
			assertThat(DeadlineCalculatorTest.this.calc.internalTarget(deadline)).isEqualTo(target);
			assertThat(DeadlineCalculatorTest.this.calc.internalTarget(deadline, 5)).isEqualTo(target);
			assertThat(DeadlineCalculatorTest.this.calc.workingDaysBetween(target, deadline)).isEqualTo(5);
		}

		@Test
		void evesShiftTheTarget() {
			// with Christmas Eve off: Tue 23 (1), Mon 22 (2), Fri 19 (3), Thu 18 (4), Wed
			// 17
			assertThat(DeadlineCalculatorTest.this.calcWithEves.internalTarget(LocalDate.of(2025, 12, 29)))
				.isEqualTo(LocalDate.of(2025, 12, 17));
		}

		@Test
		void configurableMargin() {
			LocalDate deadline = LocalDate.of(2025, 4, 22);
			assertThat(DeadlineCalculatorTest.this.calc.internalTarget(deadline, 0)).isEqualTo(deadline);
			assertThat(DeadlineCalculatorTest.this.calc.internalTarget(deadline, 1))
				.isEqualTo(LocalDate.of(2025, 4, 17));
			assertThat(DeadlineCalculatorTest.this.calc.internalTarget(deadline, 10))
				.isEqualTo(LocalDate.of(2025, 4, 4)); // Fri 11 (5), Thu 10 .. Mon 7 (9),
														// Fri 4
		}

		@Test
		void ofAComputedDeadline() {
			// received Tue 18 Mar 2025 -> deadline Tue 22 Apr -> target Fri 11 Apr
			Deadline d = DeadlineCalculatorTest.this.calc.compute(LocalDate.of(2025, 3, 18));
			assertThat(DeadlineCalculatorTest.this.calc.internalTarget(d.effectiveDeadline()))
				.isEqualTo(LocalDate.of(2025, 4, 11));
		}

	}

	@Nested
	class WorkingDays {

		@ParameterizedTest(name = "{0} - {1} working day(s) = {2}")
		@CsvSource({ "2025-06-09, 1, 2025-06-05", // Whit Sun 8, Sat 7, National Day Fri 6
													// skipped
				"2026-01-07, 2, 2026-01-02", // Epiphany Tue 6 skipped, Mon 5 (1), Fri 2
												// (2)
				"2025-03-17, 1, 2025-03-14", // Mon -> Fri
				"2025-03-16, 1, 2025-03-14", // from a Sunday: Sat skipped, Fri (1)
				"2025-03-14, 0, 2025-03-14", "2026-01-07, 0, 2026-01-07",
				// across New Year: Fri 2 Jan 2026 (1), New Year's Day skipped, Wed 31 Dec
				// (2)
				"2026-01-05, 2, 2025-12-31" })
		void workingDaysBefore(LocalDate date, int n, LocalDate expected) {
			assertThat(DeadlineCalculatorTest.this.calc.workingDaysBefore(date, n)).isEqualTo(expected);
		}

		@Test
		void negativeCountIsRefused() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> DeadlineCalculatorTest.this.calc.workingDaysBefore(LocalDate.of(2025, 1, 1), -1));
		}

		@ParameterizedTest(name = "[{0}, {1}) has {2} working days")
		@CsvSource({ "2025-02-24, 2025-03-03, 5", // Mon..Sun, the end Monday excluded
				"2025-02-24, 2025-02-24, 0", "2025-02-24, 2025-02-25, 1", // start counted
				"2025-03-03, 2025-02-24, -5", // reversed: negated
				"2025-04-17, 2025-04-22, 1", // only Maundy Thursday; Easter weekend off
				// Mon 22, Tue 23, Wed 24, Mon 29, Tue 30, Wed 31 Dec, Fri 2 Jan
				"2025-12-22, 2026-01-05, 7", "2025-01-01, 2026-01-01, 252" })
		void workingDaysBetween(LocalDate from, LocalDate to, int expected) {
			assertThat(DeadlineCalculatorTest.this.calc.workingDaysBetween(from, to)).isEqualTo(expected);
		}

		@Test
		void workingDaysBetweenWithEves() {
			// without Wed 24 and Wed 31 Dec
			assertThat(DeadlineCalculatorTest.this.calcWithEves.workingDaysBetween(LocalDate.of(2025, 12, 22),
					LocalDate.of(2026, 1, 5)))
				.isEqualTo(5);
			// 2025: 365 days - 104 weekend days - 9 weekday holidays - 3 weekday eves
			assertThat(DeadlineCalculatorTest.this.calcWithEves.workingDaysBetween(LocalDate.of(2025, 1, 1),
					LocalDate.of(2026, 1, 1)))
				.isEqualTo(249);
		}

		@Test
		void beforeAndBetweenAgree() {
			DeadlineCalculator c = DeadlineCalculatorTest.this.calc;
			for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() == 2025; d = d.plusDays(1)) {
				for (int n = 0; n <= 12; n++) {
					LocalDate before = c.workingDaysBefore(d, n);
					assertThat(c.workingDaysBetween(before, d)).as("%s - %d", d, n).isEqualTo(n);
					if (n > 0) {
						assertThat(c.calendar().isWorkingDay(before)).isTrue();
					}
				}
			}
		}

	}

	@Nested
	class Records {

		@Test
		void deadlineValidatesExtensionMonths() {
			LocalDate d = LocalDate.of(2025, 1, 1);
			assertThatIllegalArgumentException().isThrownBy(() -> new Deadline(d, d, 0, d, d, 3, d));
			assertThatIllegalArgumentException().isThrownBy(() -> new Deadline(d, d, -1, d, d, 0, d));
		}

		@Test
		void pauseDaysAreCalendarDays() {
			// 20 Dec 2025 -> 7 Jan 2026 spans Christmas and New Year: still 18 calendar
			// days
			assertThat(pause("2025-12-20", "2026-01-07").days()).isEqualTo(18);
		}

	}

}
