package se.dsrdesk.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A pluggable calendar of non-working days used to roll deadlines and to count working
 * days. Saturdays and Sundays are never working days; implementations say which other
 * dates are holidays. Implementations must be immutable and thread-safe.
 */
public interface HolidayCalendar {

	/**
	 * Whether {@code date} is a holiday, i.e. a non-working day other than an ordinary
	 * weekend. A holiday that falls on a weekend may return {@code true} as well.
	 * @param date the date, not null
	 * @return true when the date is a holiday in this calendar
	 */
	boolean isHoliday(LocalDate date);

	/**
	 * Whether {@code date} is a Saturday or a Sunday.
	 * @param date the date, not null
	 * @return true on Saturdays and Sundays
	 */
	static boolean isWeekend(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}

	/**
	 * Whether {@code date} is a working day: neither Saturday, Sunday nor a holiday.
	 * @param date the date, not null
	 * @return true on working days
	 */
	default boolean isWorkingDay(LocalDate date) {
		return !isWeekend(date) && !isHoliday(date);
	}

	/**
	 * The holiday's display name, if {@code date} is a holiday and this calendar knows
	 * names. The default knows none.
	 * @param date the date, not null
	 * @return the name, or empty when the date is not a holiday or has no name
	 */
	default Optional<String> holidayName(LocalDate date) {
		return Optional.empty();
	}

	/**
	 * The holidays of {@code year}, in date order, each with its name (or
	 * {@code "Holiday"} when the calendar has no name for it). The default scans every
	 * day of the year with {@link #isHoliday(LocalDate)}.
	 * @param year the year
	 * @return an unmodifiable sorted map from date to name
	 */
	default SortedMap<LocalDate, String> holidays(int year) {
		SortedMap<LocalDate, String> result = new TreeMap<>();
		LocalDate end = LocalDate.of(year + 1, 1, 1);
		for (LocalDate d = LocalDate.of(year, 1, 1); d.isBefore(end); d = d.plusDays(1)) {
			if (isHoliday(d)) {
				result.put(d, holidayName(d).orElse("Holiday"));
			}
		}
		return Collections.unmodifiableSortedMap(result);
	}

	/**
	 * A calendar with no holidays: only Saturdays and Sundays are non-working days.
	 * @return the weekends-only calendar
	 */
	static HolidayCalendar weekendsOnly() {
		return date -> false;
	}

}
