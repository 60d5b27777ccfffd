package se.dsrdesk.deadline;

import java.time.LocalDate;

/**
 * The deadline rules in force: the calculator, and how far ahead of a deadline the
 * internal target falls.
 *
 * @param calculator counts statutory periods
 * @param internalTargetWorkingDays working days between the internal target and the
 * deadline
 */
public record DeadlinePolicy(DeadlineCalculator calculator, int internalTargetWorkingDays) {

	/**
	 * The internal target for a deadline.
	 * @param effectiveDeadline the deadline
	 * @return the date, {@link #internalTargetWorkingDays} working days before it
	 */
	public LocalDate internalTarget(LocalDate effectiveDeadline) {
		return this.calculator.internalTarget(effectiveDeadline, this.internalTargetWorkingDays);
	}

}
