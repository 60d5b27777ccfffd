package se.dsrdesk.request.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import se.dsrdesk.deadline.DeadlineCalculator;

/**
 * Which effective deadlines are due for which reminder on a given day. A reminder of N
 * working days is due once today has reached the date N working days before the deadline;
 * each deadline falls in the window of the smallest reminder that is due, so a sweep that
 * missed days sends only the most urgent reminder, never a stale one after it.
 */
final class ReminderWindows {

	/** How far ahead to look for deadlines; well beyond any reminder of a few weeks. */
	private static final int HORIZON_DAYS = 120;

	private ReminderWindows() {
	}

	/**
	 * The windows for today.
	 * @param calculator the deadline calculator
	 * @param today the controller's date
	 * @param thresholds the reminders, in working days before the deadline
	 * @return one window per threshold, smallest threshold first
	 */
	static List<Window> forDay(DeadlineCalculator calculator, LocalDate today, List<Integer> thresholds) {
		List<Window> windows = new ArrayList<>();
		LocalDate previousEnd = today.minusDays(1);
		for (int threshold : new TreeSet<>(thresholds)) {
			LocalDate end = latestDue(calculator, today, threshold);
			if (end.isAfter(previousEnd)) {
				windows.add(new Window(threshold, previousEnd.plusDays(1), end));
				previousEnd = end;
			}
		}
		return windows;
	}

	/**
	 * The latest deadline whose reminder of {@code threshold} working days is due today.
	 */
	private static LocalDate latestDue(DeadlineCalculator calculator, LocalDate today, int threshold) {
		LocalDate latest = today.minusDays(1);
		for (int i = 0; i <= HORIZON_DAYS; i++) {
			LocalDate deadline = today.plusDays(i);
			if (calculator.workingDaysBefore(deadline, threshold).isAfter(today)) {
				break;
			}
			latest = deadline;
		}
		return latest;
	}

	/**
	 * Deadlines from {@code first} to {@code last}, both included, get the reminder of
	 * {@code threshold} working days.
	 *
	 * @param threshold working days before the deadline
	 * @param first the earliest deadline in the window
	 * @param last the latest deadline in the window
	 */
	record Window(int threshold, LocalDate first, LocalDate last) {
	}

}
