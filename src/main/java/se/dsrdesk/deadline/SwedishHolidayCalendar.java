package se.dsrdesk.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Swedish public holidays ("allmänna helgdagar", lag (1989:253) om allmänna helgdagar, as
 * in force since 2005 when the National Day replaced Whit Monday).
 *
 * <p>
 * The statutory list is: New Year's Day (1 Jan), Epiphany (6 Jan), Good Friday, Easter
 * Day, Easter Monday, 1 May, Ascension Day (Easter + 39), Whit Sunday (Easter + 49),
 * National Day (6 Jun), Midsummer Day (the Saturday from 20 to 26 Jun), All Saints' Day
 * (the Saturday from 31 Oct to 6 Nov), Christmas Day and Boxing Day. Easter Sunday
 * follows the Gregorian computus.
 *
 * <p>
 * Midsummer Eve, Christmas Eve and New Year's Eve are <em>not</em> public holidays by
 * law. With {@code evesAreNonWorking = true} they are treated as holidays too (many
 * employers close on them); by default they are working days when they fall on a weekday.
 *
 * <p>
 * Instances are immutable and thread-safe; the holidays of each year are computed once
 * and cached.
 */
public final class SwedishHolidayCalendar implements HolidayCalendar {

	static final String NEW_YEARS_DAY = "Nyårsdagen (New Year's Day)";

	static final String EPIPHANY = "Trettondedag jul (Epiphany)";

	static final String GOOD_FRIDAY = "Långfredagen (Good Friday)";

	static final String EASTER_DAY = "Påskdagen (Easter Day)";

	static final String EASTER_MONDAY = "Annandag påsk (Easter Monday)";

	static final String MAY_DAY = "Första maj (1 May)";

	static final String ASCENSION_DAY = "Kristi himmelsfärdsdag (Ascension Day)";

	static final String WHIT_SUNDAY = "Pingstdagen (Whit Sunday)";

	static final String NATIONAL_DAY = "Sveriges nationaldag (National Day)";

	static final String MIDSUMMER_DAY = "Midsommardagen (Midsummer Day)";

	static final String ALL_SAINTS_DAY = "Alla helgons dag (All Saints' Day)";

	static final String CHRISTMAS_DAY = "Juldagen (Christmas Day)";

	static final String BOXING_DAY = "Annandag jul (Boxing Day)";

	static final String MIDSUMMER_EVE = "Midsommarafton (Midsummer Eve)";

	static final String CHRISTMAS_EVE = "Julafton (Christmas Eve)";

	static final String NEW_YEARS_EVE = "Nyårsafton (New Year's Eve)";

	private final boolean evesAreNonWorking;

	private final Map<Integer, SortedMap<LocalDate, String>> publicHolidaysByYear = new ConcurrentHashMap<>();

	private final Map<Integer, SortedMap<LocalDate, String>> nonWorkingByYear = new ConcurrentHashMap<>();

	/**
	 * Creates the statutory calendar: Midsummer Eve, Christmas Eve and New Year's Eve are
	 * working days (when they fall on a weekday).
	 */
	public SwedishHolidayCalendar() {
		this(false);
	}

	/**
	 * Creates the calendar.
	 * @param evesAreNonWorking whether Midsummer Eve, Christmas Eve and New Year's Eve
	 * are treated as non-working days in addition to the statutory holidays
	 */
	public SwedishHolidayCalendar(boolean evesAreNonWorking) {
		this.evesAreNonWorking = evesAreNonWorking;
	}

	/**
	 * Whether this calendar treats the three eves as non-working days.
	 * @return the constructor flag
	 */
	public boolean evesAreNonWorking() {
		return this.evesAreNonWorking;
	}

	/**
	 * Whether {@code date} is a holiday for deadline purposes: a statutory public
	 * holiday, or (only when the eves flag is set) Midsummer Eve, Christmas Eve or New
	 * Year's Eve.
	 */
	@Override
	public boolean isHoliday(LocalDate date) {
		return holidays(date.getYear()).containsKey(date);
	}

	/**
	 * Whether {@code date} is one of the statutory public holidays of lag (1989:253),
	 * whatever the eves flag says.
	 * @param date the date, not null
	 * @return true on an allmän helgdag
	 */
	public boolean isPublicHoliday(LocalDate date) {
		return publicHolidays(date.getYear()).containsKey(date);
	}

	@Override
	public Optional<String> holidayName(LocalDate date) {
		return Optional.ofNullable(holidays(date.getYear()).get(date));
	}

	/**
	 * The holidays of {@code year} as this calendar applies them (the statutory list,
	 * plus the three eves when the flag is set), with Swedish and English names.
	 */
	@Override
	public SortedMap<LocalDate, String> holidays(int year) {
		if (!this.evesAreNonWorking) {
			return publicHolidays(year);
		}
		return this.nonWorkingByYear.computeIfAbsent(year, (y) -> {
			SortedMap<LocalDate, String> all = new TreeMap<>(publicHolidays(y));
			all.put(midsummerDay(y).minusDays(1), MIDSUMMER_EVE);
			all.put(LocalDate.of(y, 12, 24), CHRISTMAS_EVE);
			all.put(LocalDate.of(y, 12, 31), NEW_YEARS_EVE);
			return Collections.unmodifiableSortedMap(all);
		});
	}

	/**
	 * The 13 statutory public holidays of {@code year}, whatever the eves flag says.
	 * @param year the year
	 * @return an unmodifiable sorted map from date to name
	 */
	public SortedMap<LocalDate, String> publicHolidays(int year) {
		return this.publicHolidaysByYear.computeIfAbsent(year, SwedishHolidayCalendar::computePublicHolidays);
	}

	private static SortedMap<LocalDate, String> computePublicHolidays(int year) {
		LocalDate easter = easterSunday(year);
		SortedMap<LocalDate, String> map = new TreeMap<>();
		map.put(LocalDate.of(year, 1, 1), NEW_YEARS_DAY);
		map.put(LocalDate.of(year, 1, 6), EPIPHANY);
		map.put(easter.minusDays(2), GOOD_FRIDAY);
		map.put(easter, EASTER_DAY);
		map.put(easter.plusDays(1), EASTER_MONDAY);
		map.put(LocalDate.of(year, 5, 1), MAY_DAY);
		map.put(easter.plusDays(39), ASCENSION_DAY);
		map.put(easter.plusDays(49), WHIT_SUNDAY);
		map.put(LocalDate.of(year, 6, 6), NATIONAL_DAY);
		map.put(midsummerDay(year), MIDSUMMER_DAY);
		map.put(LocalDate.of(year, 10, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)), ALL_SAINTS_DAY);
		map.put(LocalDate.of(year, 12, 25), CHRISTMAS_DAY);
		map.put(LocalDate.of(year, 12, 26), BOXING_DAY);
		return Collections.unmodifiableSortedMap(map);
	}

	private static LocalDate midsummerDay(int year) {
		return LocalDate.of(year, 6, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
	}

	/**
	 * Easter Sunday of {@code year} by the anonymous Gregorian algorithm (Meeus/Jones/
	 * Butcher).
	 * @param year a Gregorian year, 1583 or later
	 * @return Easter Sunday
	 */
	public static LocalDate easterSunday(int year) {
		if (year < 1583) {
			throw new IllegalArgumentException("Gregorian Easter is defined from 1583, got " + year);
		}
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}

	@Override
	public boolean equals(Object obj) {
		return (obj instanceof SwedishHolidayCalendar other) && other.evesAreNonWorking == this.evesAreNonWorking;
	}

	@Override
	public int hashCode() {
		return Objects.hash(SwedishHolidayCalendar.class, this.evesAreNonWorking);
	}

	@Override
	public String toString() {
		return "SwedishHolidayCalendar[evesAreNonWorking=" + this.evesAreNonWorking + "]";
	}

}
