package se.dsrdesk.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.ApiController;
import se.dsrdesk.system.InvalidInputException;
import se.dsrdesk.system.RefusedException;

/**
 * The REST API's dashboard: the compliance officer's counts from the same read service as
 * the dashboard page ({@link Dashboard}): what needs attention today, and the figures of
 * a period (by default the last 12 months, as on the page). Compliance officers and
 * admins.
 */
@ApiController
@Tag(name = "Dashboard", description = "The compliance officer's counts")
class DashboardApiController {

	private final Dashboard dashboard;

	DashboardApiController(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/api/v1/dashboard")
	@PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
	@Operation(summary = "The dashboard's counts: today's lists and a period's figures",
			description = "Compliance officers and admins. The period defaults to the last 12 months; at most "
					+ Dashboard.MAX_PERIOD_YEARS + " years.")
	DashboardJson counts(
			@Parameter(description = "First day of the period (ISO date)") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Last day of the period (ISO date)") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Dashboard.Period period = this.dashboard.defaultPeriod();
		LocalDate first = (from != null) ? from : period.from();
		LocalDate last = (to != null) ? to : period.to();
		List<RefusedException.Invalid> errors = new ArrayList<>();
		if (last.isBefore(first)) {
			errors.add(new RefusedException.Invalid("to", "dashboard.period.error.reversed"));
		}
		else if (last.isAfter(first.plusYears(Dashboard.MAX_PERIOD_YEARS))) {
			errors.add(new RefusedException.Invalid("to", "dashboard.period.error.tooLong"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Glance glance = this.dashboard.glance();
		Figures figures = this.dashboard.figures(first, last);
		return new DashboardJson(glance.today(),
				new Today(glance.overdue().count(), glance.dueSoon().count(), glance.lastDayToExtend().count(),
						glance.paused().count(), glance.extended().count(), glance.holdsDue().count(),
						glance.reviewsDue().count()),
				new PeriodFigures(figures.from(), figures.to(), figures.received(), figures.receivedByType(),
						figures.answered(), figures.answeredOnTime(), figures.answeredLate(), figures.days().median(),
						figures.days().p90(), figures.rejectionsByGround(), figures.extendedOneMonth(),
						figures.extendedTwoMonths()));
	}

	/**
	 * The counts.
	 *
	 * @param today the controller's date the counts are for
	 * @param attention what needs attention today
	 * @param period the figures of the period
	 */
	record DashboardJson(LocalDate today, Today attention, PeriodFigures period) {
	}

	/**
	 * What needs attention today, as the dashboard's lists count it.
	 *
	 * @param overdue open requests past their deadline, paused or not
	 * @param dueSoon open requests whose clock runs, due within a week
	 * @param lastDayToExtend requests whose last day to extend is today or tomorrow
	 * @param paused requests waiting for the person
	 * @param extended open requests whose deadline was extended
	 * @param holdsDue retention holds due within 30 days or past
	 * @param reviewsDue data locations whose review is due within 30 days or past
	 */
	record Today(long overdue, long dueSoon, long lastDayToExtend, long paused, long extended, long holdsDue,
			long reviewsDue) {
	}

	/**
	 * A period's figures, defined in docs/dashboard.md.
	 *
	 * @param from the first day
	 * @param to the last day
	 * @param received requests received
	 * @param receivedByType requests received by type
	 * @param answered requests completed or rejected
	 * @param answeredOnTime of those, on or before their deadline
	 * @param answeredLate of those, after their deadline
	 * @param medianDaysToAnswer the median of the calendar days from receipt to answer
	 * @param p90DaysToAnswer the 90th percentile of those days
	 * @param rejectionsByGround rejections by ground
	 * @param extendedOneMonth requests extended by one month
	 * @param extendedTwoMonths requests extended by two months
	 */
	record PeriodFigures(LocalDate from, LocalDate to, long received, Map<RequestType, Long> receivedByType,
			long answered, long answeredOnTime, long answeredLate, Integer medianDaysToAnswer, Integer p90DaysToAnswer,
			Map<RejectionGround, Long> rejectionsByGround, long extendedOneMonth, long extendedTwoMonths) {
	}

}
