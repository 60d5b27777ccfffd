package se.dsrdesk.request.reminder;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.dsrdesk.request.reminder.ReminderWindows.Window;
import se.dsrdesk.deadline.DeadlineCalculator;
import se.dsrdesk.deadline.SwedishHolidayCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which deadlines get which reminder on a given day.
 */
class ReminderWindowsTest {

	static final DeadlineCalculator CALCULATOR = new DeadlineCalculator(new SwedishHolidayCalendar(),
			ZoneId.of("Europe/Stockholm"));

	static final List<Integer> THRESHOLDS = List.of(7, 3, 1);

	@Test
	void onAnOrdinaryWednesday() {
		// Wednesday 11 November 2026; no holidays nearby.
		List<Window> windows = ReminderWindows.forDay(CALCULATOR, LocalDate.of(2026, 11, 11), THRESHOLDS);
		assertThat(windows).containsExactly(
				// 1 working day before: deadlines today and tomorrow (Thursday 12).
				new Window(1, LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 12)),
				// 3 working days before: Friday 13 to Monday 16 (Monday's 3rd working day
				// before is today).
				new Window(3, LocalDate.of(2026, 11, 13), LocalDate.of(2026, 11, 16)),
				// 7 working days before: Tuesday 17 to Friday 20.
				new Window(7, LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 20)));
	}

	@Test
	void eachThresholdIsDueExactlyOnTheWorkingDayItNames() {
		LocalDate deadline = LocalDate.of(2026, 4, 7); // Tuesday after Easter Monday
		for (int threshold : THRESHOLDS) {
			LocalDate reminderDay = CALCULATOR.workingDaysBefore(deadline, threshold);
			assertThat(windowOf(deadline, reminderDay)).as("on the reminder day for " + threshold).isEqualTo(threshold);
			assertThat(windowOf(deadline, reminderDay.minusDays(1))).as("the day before the reminder for " + threshold)
				.isNotEqualTo(threshold);
		}
	}

	@Test
	void overEasterTheWindowsSpanTheHolidays() {
		// Thursday 2 April 2026: Good Friday to Easter Monday are not working days, so
		// the next
		// working day is Tuesday 7 April, and deadlines up to then get the 1-day
		// reminder.
		List<Window> windows = ReminderWindows.forDay(CALCULATOR, LocalDate.of(2026, 4, 2), THRESHOLDS);
		assertThat(windows.get(0)).isEqualTo(new Window(1, LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 7)));
	}

	@Test
	void aDeadlineBeyondTheLargestThresholdIsNotDue() {
		LocalDate today = LocalDate.of(2026, 11, 11);
		assertThat(windowOf(LocalDate.of(2026, 11, 23), today)).isZero();
	}

	/** The threshold whose window holds the deadline today; 0 when none does. */
	private static int windowOf(LocalDate deadline, LocalDate today) {
		return ReminderWindows.forDay(CALCULATOR, today, THRESHOLDS)
			.stream()
			.filter((w) -> !deadline.isBefore(w.first()) && !deadline.isAfter(w.last()))
			.map(Window::threshold)
			.findFirst()
			.orElse(0);
	}

}
