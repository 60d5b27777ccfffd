package se.dsrdesk.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Computes the GDPR Art. 12(3) response deadline of a data-subject request, counted as
 * Regulation (EEC, Euratom) No 1182/71 Art. 3 prescribes and EDPB Guidelines 01/2022
 * describe.
 *
 * <ul>
 * <li>The receipt date is the local date, in the controller's zone, of the instant the
 * request arrived, even on a weekend or holiday.</li>
 * <li>One month ends on the same date of the next month, or on that month's last day when
 * it has no such date ({@link LocalDate#plusMonths(long)}).</li>
 * <li>Closed pauses add their calendar days to that end; only identity pauses (Art.
 * 12(6)) also move the last day to extend, which is otherwise the statutory month's
 * end.</li>
 * <li>An extension of 1 or 2 months counts from that unrolled end.</li>
 * <li>An end falling on a Saturday, Sunday or holiday rolls to the next working day.</li>
 * </ul>
 *
 * <p>
 * Instances are immutable and thread-safe when the calendar is.
 */
public final class DeadlineCalculator {

	/** The default controller time zone. */
	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Stockholm");

	/**
	 * The default number of working days between the internal target and the deadline.
	 */
	public static final int DEFAULT_INTERNAL_TARGET_WORKING_DAYS = 5;

	/** The most months a response period may be extended by (Art. 12(3)). */
	public static final int MAX_EXTENSION_MONTHS = 2;

	/** Guard against a calendar with no working day in sight. */
	private static final int MAX_CONSECUTIVE_NON_WORKING_DAYS = 366;

	private final HolidayCalendar calendar;

	private final ZoneId zone;

	/**
	 * Creates a calculator with the statutory Swedish calendar and {@link #DEFAULT_ZONE}.
	 */
	public DeadlineCalculator() {
		this(new SwedishHolidayCalendar(), DEFAULT_ZONE);
	}

	/**
	 * Creates a calculator.
	 * @param calendar the non-working days, not null
	 * @param zone the controller's time zone, not null
	 */
	public DeadlineCalculator(HolidayCalendar calendar, ZoneId zone) {
		this.calendar = Objects.requireNonNull(calendar, "calendar");
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	/**
	 * The calendar in use.
	 * @return the calendar
	 */
	public HolidayCalendar calendar() {
		return this.calendar;
	}

	/**
	 * The controller's time zone.
	 * @return the zone
	 */
	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * The receipt date of a request that arrived at {@code receivedAt}: its local date in
	 * the controller's zone. Weekends and holidays are not skipped.
	 * @param receivedAt the arrival instant, not null
	 * @return the local date
	 */
	public LocalDate receiptDate(Instant receivedAt) {
		return receivedAt.atZone(this.zone).toLocalDate();
	}

	/**
	 * Today's date in the controller's zone, for
	 * {@link #checkExtensionAllowed(Deadline, int, LocalDate)} and reminders.
	 * @param clock the clock, not null
	 * @return the local date of {@code clock.instant()}
	 */
	public LocalDate today(Clock clock) {
		return receiptDate(clock.instant());
	}

	/**
	 * {@code date} itself when it is a working day, otherwise the next working day.
	 * @param date the date, not null
	 * @return the first working day on or after {@code date}
	 */
	public LocalDate rollToWorkingDay(LocalDate date) {
		LocalDate d = date;
		int skipped = 0;
		while (!this.calendar.isWorkingDay(d)) {
			d = d.plusDays(1);
			if (++skipped > MAX_CONSECUTIVE_NON_WORKING_DAYS) {
				throw new IllegalStateException("No working day within a year after " + date);
			}
		}
		return d;
	}

	/**
	 * Computes the deadline of a request with no pauses and no extension.
	 * @param receiptDate the receipt date, not null
	 * @return the deadline
	 */
	public Deadline compute(LocalDate receiptDate) {
		return compute(receiptDate, List.of(), 0);
	}

	/**
	 * Computes the deadline of a request.
	 * @param receiptDate the receipt date, not null
	 * @param pauses the closed pauses, in any order, not null; none may start before the
	 * receipt date and no two may overlap
	 * @param extensionMonths 0 (not extended), 1 or 2
	 * @return the deadline
	 * @throws IllegalArgumentException if {@code extensionMonths} is outside 0..2, or a
	 * pause starts before the receipt date or overlaps another
	 */
	public Deadline compute(LocalDate receiptDate, List<PausePeriod> pauses, int extensionMonths) {
		Objects.requireNonNull(receiptDate, "receiptDate");
		Objects.requireNonNull(pauses, "pauses");
		if (extensionMonths < 0 || extensionMonths > MAX_EXTENSION_MONTHS) {
			throw new IllegalArgumentException("extensionMonths must be 0..2, got " + extensionMonths);
		}
		long pausedDays = pausedDays(receiptDate, pauses);
		long identityDays = pauses.stream().filter(PausePeriod::identity).mapToLong(PausePeriod::days).sum();
		LocalDate monthEnd = receiptDate.plusMonths(1);
		LocalDate firstMonthEnd = monthEnd.plusDays(pausedDays);
		LocalDate oneMonthDeadline = rollToWorkingDay(firstMonthEnd);
		LocalDate effective = (extensionMonths == 0) ? oneMonthDeadline
				: rollToWorkingDay(firstMonthEnd.plusMonths(extensionMonths));
		return new Deadline(receiptDate, rollToWorkingDay(monthEnd), pausedDays, firstMonthEnd, oneMonthDeadline,
				extensionMonths, effective, rollToWorkingDay(monthEnd.plusDays(identityDays)));
	}

	private static long pausedDays(LocalDate receiptDate, List<PausePeriod> pauses) {
		List<PausePeriod> sorted = new ArrayList<>(pauses);
		sorted.forEach((p) -> Objects.requireNonNull(p, "pause"));
		sorted.sort(Comparator.comparing(PausePeriod::pausedOn).thenComparing(PausePeriod::resumedOn));
		long days = 0;
		PausePeriod previous = null;
		for (PausePeriod pause : sorted) {
			if (pause.pausedOn().isBefore(receiptDate)) {
				throw new IllegalArgumentException("Pause " + pause + " starts before the receipt date " + receiptDate);
			}
			if (previous != null && previous.overlaps(pause)) {
				throw new IllegalArgumentException("Pauses overlap: " + previous + " and " + pause);
			}
			days += pause.days();
			if (previous == null || pause.resumedOn().isAfter(previous.resumedOn())) {
				previous = pause;
			}
		}
		return days;
	}

	/**
	 * Whether a request with deadline {@code current} may still be extended on
	 * {@code today}: it has not been extended and {@code today} is not after its
	 * one-month deadline.
	 * @param current the current deadline, not null
	 * @param today today's date in the controller's zone, not null
	 * @return true when an extension is allowed
	 */
	public boolean isExtensionAllowed(Deadline current, LocalDate today) {
		return !current.extended() && !today.isAfter(current.lastDayToExtend());
	}

	/**
	 * Checks that {@code current} may be extended by {@code months} on {@code today}.
	 * @param current the current deadline, not null
	 * @param months the extension, 1 or 2
	 * @param today today's date in the controller's zone, not null
	 * @throws IllegalArgumentException if {@code months} is outside 1..2
	 * @throws ExtensionNotAllowedException if the period was already extended or the
	 * one-month deadline has passed
	 */
	public void checkExtensionAllowed(Deadline current, int months, LocalDate today) {
		Objects.requireNonNull(current, "current");
		Objects.requireNonNull(today, "today");
		if (months < 1 || months > MAX_EXTENSION_MONTHS) {
			throw new IllegalArgumentException("An extension must be 1 or 2 months, got " + months);
		}
		if (current.extended()) {
			throw new ExtensionNotAllowedException("The response period was already extended by "
					+ current.extensionMonths() + " month(s); only one extension is allowed");
		}
		if (today.isAfter(current.lastDayToExtend())) {
			throw new ExtensionNotAllowedException("The one-month deadline " + current.lastDayToExtend()
					+ " has passed (today is " + today + "); the period can no longer be extended");
		}
	}

	/**
	 * Extends {@code current} by {@code months} after
	 * {@link #checkExtensionAllowed(Deadline, int, LocalDate) checking} that it may be.
	 * @param current the current deadline, not null
	 * @param months the extension, 1 or 2
	 * @param today today's date in the controller's zone, not null
	 * @return the extended deadline
	 * @throws IllegalArgumentException if {@code months} is outside 1..2
	 * @throws ExtensionNotAllowedException if the extension is refused
	 */
	public Deadline extend(Deadline current, int months, LocalDate today) {
		checkExtensionAllowed(current, months, today);
		return new Deadline(current.receiptDate(), current.originalDeadline(), current.pausedDays(),
				current.firstMonthEnd(), current.oneMonthDeadline(), months,
				rollToWorkingDay(current.firstMonthEnd().plusMonths(months)), current.lastDayToExtend());
	}

	/**
	 * The internal target date: {@link #DEFAULT_INTERNAL_TARGET_WORKING_DAYS} working
	 * days before {@code effectiveDeadline}.
	 * @param effectiveDeadline the deadline, not null
	 * @return the target date
	 */
	public LocalDate internalTarget(LocalDate effectiveDeadline) {
		return internalTarget(effectiveDeadline, DEFAULT_INTERNAL_TARGET_WORKING_DAYS);
	}

	/**
	 * The internal target date: {@code workingDaysBefore} working days before
	 * {@code effectiveDeadline} (see {@link #workingDaysBefore(LocalDate, int)}).
	 * @param effectiveDeadline the deadline, not null
	 * @param workingDaysBefore the margin in working days, not negative
	 * @return the target date
	 */
	public LocalDate internalTarget(LocalDate effectiveDeadline, int workingDaysBefore) {
		return workingDaysBefore(effectiveDeadline, workingDaysBefore);
	}

	/**
	 * Counts back {@code n} working days from {@code date}: the days before {@code date}
	 * are visited one by one, and the n-th working day met is returned. {@code date}
	 * itself is never counted; {@code n == 0} returns {@code date} unchanged. For
	 * {@code n > 0} the result is always a working day, and
	 * {@code workingDaysBetween(workingDaysBefore(date, n), date) == n}.
	 * @param date the date to count back from, not null
	 * @param n the number of working days, not negative
	 * @return the date
	 * @throws IllegalArgumentException if {@code n} is negative
	 */
	public LocalDate workingDaysBefore(LocalDate date, int n) {
		Objects.requireNonNull(date, "date");
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative, got " + n);
		}
		LocalDate d = date;
		int found = 0;
		int skipped = 0;
		while (found < n) {
			d = d.minusDays(1);
			if (this.calendar.isWorkingDay(d)) {
				found++;
				skipped = 0;
			}
			else if (++skipped > MAX_CONSECUTIVE_NON_WORKING_DAYS) {
				throw new IllegalStateException("No working day within a year before " + d.plusDays(skipped));
			}
		}
		return d;
	}

	/**
	 * The number of working days in the half-open range {@code [from, to)}: {@code from}
	 * is counted (if it is a working day), {@code to} is not, like
	 * {@code ChronoUnit.DAYS.between}. Returns 0 when the dates are equal, and the
	 * negated count of {@code [to, from)} when {@code to} is before {@code from}.
	 * @param from the first day, inclusive, not null
	 * @param to the end, exclusive, not null
	 * @return the number of working days
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		int count = 0;
		for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
			if (this.calendar.isWorkingDay(d)) {
				count++;
			}
		}
		return count;
	}

	@Override
	public String toString() {
		return "DeadlineCalculator[calendar=" + this.calendar + ", zone=" + this.zone + "]";
	}

}
