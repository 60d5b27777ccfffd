package se.dsrdesk.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How statutory deadlines are counted. The time zone is the controller's
 * ({@code dsr.controller.time-zone}).
 *
 * @param calendar whose public holidays count: {@code SE} (Sweden's allmänna helgdagar)
 * or {@code WEEKENDS_ONLY}
 * @param evesAreNonWorking whether Midsummer Eve, Christmas Eve and New Year's Eve count
 * as non-working days (they are not public holidays by law)
 * @param internalTargetWorkingDays how many working days before the deadline the internal
 * target falls
 */
@ConfigurationProperties("dsr.deadline")
public record DeadlineProperties(@DefaultValue("SE") CalendarKind calendar,
		@DefaultValue("false") boolean evesAreNonWorking, @DefaultValue("5") int internalTargetWorkingDays) {

	/** The holiday calendars on offer. */
	public enum CalendarKind {

		/** Sweden: allmänna helgdagar, lag (1989:253). */
		SE,

		/** No public holidays, only Saturdays and Sundays. */
		WEEKENDS_ONLY

	}

	HolidayCalendar holidayCalendar() {
		return switch (this.calendar) {
			case SE -> new SwedishHolidayCalendar(this.evesAreNonWorking);
			case WEEKENDS_ONLY -> HolidayCalendar.weekendsOnly();
		};
	}

}
