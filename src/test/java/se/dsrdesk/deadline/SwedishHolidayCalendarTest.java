package se.dsrdesk.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link SwedishHolidayCalendar}. Every date list below was worked out by hand
 * from the rules of lag (1989:253) and cross-checked against an independent Easter
 * implementation (python-dateutil).
 */
class SwedishHolidayCalendarTest {

	private final SwedishHolidayCalendar statutory = new SwedishHolidayCalendar();

	private final SwedishHolidayCalendar withEves = new SwedishHolidayCalendar(true);

	@Nested
	class Easter {

		@ParameterizedTest(name = "Easter {0} is {1}")
		@CsvSource({
				// the years the product cares about
				"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2028, 2028-04-16",
				"2029, 2029-04-01", "2030, 2030-04-21",
				// well-known checks: earliest (22 Mar) and latest (25 Apr) possible dates
				"1818, 1818-03-22", "2285, 2285-03-22", "2038, 2038-04-25", "2000, 2000-04-23", "2008, 2008-03-23",
				"2011, 2011-04-24", "2019, 2019-04-21", "2100, 2100-03-28" })
		void gregorianComputus(int year, LocalDate easter) {
			assertThat(SwedishHolidayCalendar.easterSunday(year)).isEqualTo(easter);
			assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
		}

		@Test
		void alwaysASundayBetween22MarchAnd25April() {
			for (int year = 1583; year <= 3000; year++) {
				LocalDate easter = SwedishHolidayCalendar.easterSunday(year);
				assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
				assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
			}
		}

		@Test
		void refusesYearsBeforeTheGregorianCalendar() {
			assertThatIllegalArgumentException().isThrownBy(() -> SwedishHolidayCalendar.easterSunday(1582));
		}

	}

	@Nested
	class StatutoryList {

		/**
		 * The 13 allmänna helgdagar of each year, in date order: New Year's Day,
		 * Epiphany, Good Friday (E-2), Easter Day (E), Easter Monday (E+1), 1 May,
		 * Ascension (E+39, Thursday), Whit Sunday (E+49), National Day, Midsummer Day
		 * (Sat 20-26 Jun), All Saints' Day (Sat 31 Oct-6 Nov), Christmas Day, Boxing Day.
		 * Where Whit Sunday falls before 6 June (2028: 4 Jun) the order changes.
		 */
		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', value = {
				"2024 | 2024-01-01 2024-01-06 2024-03-29 2024-03-31 2024-04-01 2024-05-01 2024-05-09 2024-05-19 2024-06-06 2024-06-22 2024-11-02 2024-12-25 2024-12-26",
				"2025 | 2025-01-01 2025-01-06 2025-04-18 2025-04-20 2025-04-21 2025-05-01 2025-05-29 2025-06-06 2025-06-08 2025-06-21 2025-11-01 2025-12-25 2025-12-26",
				"2026 | 2026-01-01 2026-01-06 2026-04-03 2026-04-05 2026-04-06 2026-05-01 2026-05-14 2026-05-24 2026-06-06 2026-06-20 2026-10-31 2026-12-25 2026-12-26",
				"2027 | 2027-01-01 2027-01-06 2027-03-26 2027-03-28 2027-03-29 2027-05-01 2027-05-06 2027-05-16 2027-06-06 2027-06-26 2027-11-06 2027-12-25 2027-12-26",
				"2028 | 2028-01-01 2028-01-06 2028-04-14 2028-04-16 2028-04-17 2028-05-01 2028-05-25 2028-06-04 2028-06-06 2028-06-24 2028-11-04 2028-12-25 2028-12-26",
				"2029 | 2029-01-01 2029-01-06 2029-03-30 2029-04-01 2029-04-02 2029-05-01 2029-05-10 2029-05-20 2029-06-06 2029-06-23 2029-11-03 2029-12-25 2029-12-26",
				"2030 | 2030-01-01 2030-01-06 2030-04-19 2030-04-21 2030-04-22 2030-05-01 2030-05-30 2030-06-06 2030-06-09 2030-06-22 2030-11-02 2030-12-25 2030-12-26" })
		void exactlyTheThirteenPublicHolidays(int year, String dates) {
			List<LocalDate> expected = Arrays.stream(dates.split(" ")).map(LocalDate::parse).toList();
			assertThat(SwedishHolidayCalendarTest.this.statutory.holidays(year).keySet())
				.containsExactlyElementsOf(expected);
			assertThat(SwedishHolidayCalendarTest.this.statutory.publicHolidays(year).keySet())
				.containsExactlyElementsOf(expected);
			for (LocalDate d : expected) {
				assertThat(SwedishHolidayCalendarTest.this.statutory.isHoliday(d)).as("%s", d).isTrue();
				assertThat(SwedishHolidayCalendarTest.this.statutory.isPublicHoliday(d)).as("%s", d).isTrue();
				assertThat(SwedishHolidayCalendarTest.this.statutory.isWorkingDay(d)).as("%s", d).isFalse();
				assertThat(SwedishHolidayCalendarTest.this.statutory.holidayName(d)).as("%s", d).isPresent();
			}
		}

		@Test
		void onlyThoseDatesAreHolidaysInTheYear() {
			for (int year = 2024; year <= 2030; year++) {
				SortedMap<LocalDate, String> holidays = SwedishHolidayCalendarTest.this.statutory.holidays(year);
				int count = 0;
				for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
					if (SwedishHolidayCalendarTest.this.statutory.isHoliday(d)) {
						count++;
						assertThat(holidays).containsKey(d);
					}
				}
				assertThat(count).isEqualTo(13);
			}
		}

		@ParameterizedTest(name = "{0} is {1}")
		@CsvSource({ "2025-01-01, Nyårsdagen", "2025-01-06, Trettondedag jul", "2025-04-18, Långfredagen",
				"2025-04-20, Påskdagen", "2025-04-21, Annandag påsk", "2025-05-01, Första maj",
				"2025-05-29, Kristi himmelsfärdsdag", "2025-06-08, Pingstdagen", "2025-06-06, Sveriges nationaldag",
				"2025-06-21, Midsommardagen", "2025-11-01, Alla helgons dag", "2025-12-25, Juldagen",
				"2025-12-26, Annandag jul" })
		void names(LocalDate date, String swedishName) {
			assertThat(SwedishHolidayCalendarTest.this.statutory.holidayName(date))
				.hasValueSatisfying((name) -> assertThat(name).startsWith(swedishName + " ("));
		}

		@Test
		void ascensionIsAThursdayAndWhitSundayASunday() {
			for (int year = 2024; year <= 2030; year++) {
				LocalDate easter = SwedishHolidayCalendar.easterSunday(year);
				assertThat(easter.plusDays(39).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
				assertThat(SwedishHolidayCalendarTest.this.statutory.holidayName(easter.plusDays(39)))
					.hasValue(SwedishHolidayCalendar.ASCENSION_DAY);
				assertThat(SwedishHolidayCalendarTest.this.statutory.holidayName(easter.plusDays(49)))
					.hasValue(SwedishHolidayCalendar.WHIT_SUNDAY);
			}
		}

		@Test
		void midsummerDayAndAllSaintsDayAreSaturdaysInTheirWindows() {
			for (int y = 2000; y <= 2100; y++) {
				int year = y;
				List<LocalDate> midsummer = SwedishHolidayCalendarTest.this.statutory.holidays(year)
					.entrySet()
					.stream()
					.filter((e) -> e.getValue().equals(SwedishHolidayCalendar.MIDSUMMER_DAY))
					.map(java.util.Map.Entry::getKey)
					.toList();
				List<LocalDate> allSaints = SwedishHolidayCalendarTest.this.statutory.holidays(year)
					.entrySet()
					.stream()
					.filter((e) -> e.getValue().equals(SwedishHolidayCalendar.ALL_SAINTS_DAY))
					.map(java.util.Map.Entry::getKey)
					.toList();
				assertThat(midsummer).singleElement().satisfies((d) -> {
					assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
					assertThat(d).isBetween(LocalDate.of(year, 6, 20), LocalDate.of(year, 6, 26));
				});
				assertThat(allSaints).singleElement().satisfies((d) -> {
					assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
					assertThat(d).isBetween(LocalDate.of(year, 10, 31), LocalDate.of(year, 11, 6));
				});
			}
		}

		@ParameterizedTest(name = "{0} ({1}) is a working day")
		@CsvSource({ "2025-06-09, Whit Monday: not a holiday since 2005", "2025-04-17, Maundy Thursday (skärtorsdagen)",
				"2025-04-30, Walpurgis Night (valborgsmässoafton)", "2026-01-05, Twelfth Night (trettondagsafton)",
				"2025-10-31, All Saints' Eve (Friday)", "2025-06-05, day before National Day",
				"2025-05-30, Friday after Ascension Day (klämdag)" })
		void commonlyMistakenDaysAreWorkingDays(LocalDate date, String why) {
			assertThat(SwedishHolidayCalendarTest.this.statutory.isWorkingDay(date)).isTrue();
			assertThat(SwedishHolidayCalendarTest.this.withEves.isWorkingDay(date)).isTrue();
		}

		@Test
		void weekendsAreNotWorkingDaysButNotHolidaysEither() {
			LocalDate saturday = LocalDate.of(2025, 3, 15);
			LocalDate sunday = LocalDate.of(2025, 3, 16);
			assertThat(SwedishHolidayCalendarTest.this.statutory.isHoliday(saturday)).isFalse();
			assertThat(SwedishHolidayCalendarTest.this.statutory.isWorkingDay(saturday)).isFalse();
			assertThat(SwedishHolidayCalendarTest.this.statutory.isWorkingDay(sunday)).isFalse();
			assertThat(SwedishHolidayCalendarTest.this.statutory.holidayName(saturday)).isEmpty();
		}

		@Test
		void holidayMapsAreUnmodifiable() {
			SortedMap<LocalDate, String> holidays = SwedishHolidayCalendarTest.this.statutory.holidays(2025);
			assertThatThrownBy(() -> holidays.put(LocalDate.of(2025, 7, 1), "x"))
				.isInstanceOf(UnsupportedOperationException.class);
		}

	}

	@Nested
	class Eves {

		/**
		 * Midsummer Eve is always a Friday (the day before the Saturday Midsummer Day).
		 * Christmas Eve and New Year's Eve fall on the same weekday as each other.
		 */
		@ParameterizedTest(name = "{0}: midsummer eve {1}, christmas eve {2}, new year's eve {3}")
		@CsvSource({ "2024, 2024-06-21, 2024-12-24, 2024-12-31", "2025, 2025-06-20, 2025-12-24, 2025-12-31",
				"2026, 2026-06-19, 2026-12-24, 2026-12-31", "2027, 2027-06-25, 2027-12-24, 2027-12-31",
				"2028, 2028-06-23, 2028-12-24, 2028-12-31", "2029, 2029-06-22, 2029-12-24, 2029-12-31",
				"2030, 2030-06-21, 2030-12-24, 2030-12-31" })
		void evesAreNotPublicHolidaysButOptionallyNonWorking(int year, LocalDate midsummerEve, LocalDate christmasEve,
				LocalDate newYearsEve) {
			assertThat(midsummerEve.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
			for (LocalDate eve : List.of(midsummerEve, christmasEve, newYearsEve)) {
				boolean weekday = !HolidayCalendar.isWeekend(eve);
				assertThat(SwedishHolidayCalendarTest.this.statutory.isHoliday(eve)).as("%s", eve).isFalse();
				assertThat(SwedishHolidayCalendarTest.this.statutory.isWorkingDay(eve)).as("%s", eve)
					.isEqualTo(weekday);
				assertThat(SwedishHolidayCalendarTest.this.withEves.isHoliday(eve)).as("%s", eve).isTrue();
				assertThat(SwedishHolidayCalendarTest.this.withEves.isWorkingDay(eve)).as("%s", eve).isFalse();
				assertThat(SwedishHolidayCalendarTest.this.withEves.isPublicHoliday(eve)).as("%s", eve).isFalse();
			}
			assertThat(SwedishHolidayCalendarTest.this.statutory.holidays(year)).hasSize(13);
			assertThat(SwedishHolidayCalendarTest.this.withEves.holidays(year)).hasSize(16)
				.containsEntry(midsummerEve, SwedishHolidayCalendar.MIDSUMMER_EVE)
				.containsEntry(christmasEve, SwedishHolidayCalendar.CHRISTMAS_EVE)
				.containsEntry(newYearsEve, SwedishHolidayCalendar.NEW_YEARS_EVE);
			assertThat(SwedishHolidayCalendarTest.this.withEves.publicHolidays(year)).hasSize(13);
		}

		@Test
		void evesOnAWeekdayIn2025AreWorkingDaysByDefault() {
			// 2025: Midsummer Eve Fri 20 Jun, Christmas Eve Wed 24 Dec, New Year's Eve
			// Wed 31 Dec
			assertThat(SwedishHolidayCalendarTest.this.statutory.isWorkingDay(LocalDate.of(2025, 6, 20))).isTrue();
			assertThat(SwedishHolidayCalendarTest.this.statutory.isWorkingDay(LocalDate.of(2025, 12, 24))).isTrue();
			assertThat(SwedishHolidayCalendarTest.this.statutory.isWorkingDay(LocalDate.of(2025, 12, 31))).isTrue();
			assertThat(SwedishHolidayCalendarTest.this.statutory.holidayName(LocalDate.of(2025, 12, 24))).isEmpty();
			assertThat(SwedishHolidayCalendarTest.this.withEves.holidayName(LocalDate.of(2025, 12, 24)))
				.hasValue(SwedishHolidayCalendar.CHRISTMAS_EVE);
		}

		@ParameterizedTest
		@ValueSource(booleans = { true, false })
		void flagIsExposedAndPartOfEquality(boolean flag) {
			assertThat(new SwedishHolidayCalendar(flag).evesAreNonWorking()).isEqualTo(flag);
			assertThat(new SwedishHolidayCalendar(flag)).isEqualTo(new SwedishHolidayCalendar(flag))
				.hasSameHashCodeAs(new SwedishHolidayCalendar(flag))
				.isNotEqualTo(new SwedishHolidayCalendar(!flag));
		}

	}

	@Nested
	class Pluggable {

		@Test
		void defaultHolidaysScanUsesIsHoliday() {
			LocalDate independenceDay = LocalDate.of(2025, 7, 4);
			HolidayCalendar custom = independenceDay::equals;
			assertThat(custom.holidays(2025)).containsExactly(java.util.Map.entry(independenceDay, "Holiday"));
			assertThat(custom.holidayName(independenceDay)).isEmpty();
			assertThat(custom.isWorkingDay(independenceDay)).isFalse();
			assertThat(custom.isWorkingDay(LocalDate.of(2025, 7, 3))).isTrue();
		}

		@Test
		void weekendsOnlyCalendarHasNoHolidays() {
			HolidayCalendar calendar = HolidayCalendar.weekendsOnly();
			assertThat(calendar.holidays(2025)).isEmpty();
			assertThat(calendar.isWorkingDay(LocalDate.of(2025, 12, 25))).isTrue();
			assertThat(calendar.isWorkingDay(LocalDate.of(2025, 12, 27))).isFalse();
		}

	}

}
