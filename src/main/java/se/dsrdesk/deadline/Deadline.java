package se.dsrdesk.deadline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The computed response deadlines of one data-subject request.
 *
 * @param receiptDate the local date the request was received (day 0)
 * @param originalDeadline receipt date plus one month, rolled to a working day, ignoring
 * pauses
 * @param pausedDays the calendar days added by pauses
 * @param firstMonthEnd receipt date plus one month plus {@code pausedDays}, not rolled;
 * the base from which extension months are counted
 * @param oneMonthDeadline {@code firstMonthEnd} rolled to a working day: the one-month
 * deadline, and the last day on which the period may be extended
 * @param extensionMonths 0 (not extended), 1 or 2
 * @param effectiveDeadline the date by which the controller must answer:
 * {@code oneMonthDeadline} when not extended, otherwise {@code firstMonthEnd} plus
 * {@code extensionMonths} months, rolled
 * @param lastDayToExtend the statutory month plus the days of identity pauses only (Art.
 * 12(3), 12(6)), rolled to a working day: the last day on which the period may be
 * extended; equal to {@code oneMonthDeadline} unless a scope clarification stopped the
 * clock
 */
public record Deadline(LocalDate receiptDate, LocalDate originalDeadline, long pausedDays, LocalDate firstMonthEnd,
		LocalDate oneMonthDeadline, int extensionMonths, LocalDate effectiveDeadline, LocalDate lastDayToExtend) {

	/**
	 * A deadline whose pauses were all for identity: the period may be extended until the
	 * one-month deadline.
	 */
	public Deadline(LocalDate receiptDate, LocalDate originalDeadline, long pausedDays, LocalDate firstMonthEnd,
			LocalDate oneMonthDeadline, int extensionMonths, LocalDate effectiveDeadline) {
		this(receiptDate, originalDeadline, pausedDays, firstMonthEnd, oneMonthDeadline, extensionMonths,
				effectiveDeadline, oneMonthDeadline);
	}

	/**
	 * Validates the record.
	 * @throws NullPointerException if a date is null
	 * @throws IllegalArgumentException if {@code pausedDays} is negative or
	 * {@code extensionMonths} is outside 0..2
	 */
	public Deadline {
		Objects.requireNonNull(receiptDate, "receiptDate");
		Objects.requireNonNull(originalDeadline, "originalDeadline");
		Objects.requireNonNull(firstMonthEnd, "firstMonthEnd");
		Objects.requireNonNull(oneMonthDeadline, "oneMonthDeadline");
		Objects.requireNonNull(effectiveDeadline, "effectiveDeadline");
		Objects.requireNonNull(lastDayToExtend, "lastDayToExtend");
		if (pausedDays < 0) {
			throw new IllegalArgumentException("pausedDays must not be negative, got " + pausedDays);
		}
		if (extensionMonths < 0 || extensionMonths > DeadlineCalculator.MAX_EXTENSION_MONTHS) {
			throw new IllegalArgumentException("extensionMonths must be 0..2, got " + extensionMonths);
		}
	}

	/**
	 * Whether the period has been extended.
	 * @return true when {@code extensionMonths > 0}
	 */
	public boolean extended() {
		return this.extensionMonths > 0;
	}

}
