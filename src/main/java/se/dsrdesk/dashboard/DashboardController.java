package se.dsrdesk.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.dsrdesk.dashboard.Dashboard.Period;
import se.dsrdesk.location.RestrictionHolds;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.request.RequestRetention;

/**
 * The compliance officer's dashboard ({@code /staff/dashboard}) and the yearly report, as
 * a printable page and as a PDF. Compliance officers and admins only. The figures come
 * from {@link Dashboard}; a period or year that does not parse or makes no sense is
 * refused with a message, the text typed is kept, and the default is shown meanwhile.
 */
@Controller
@PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
class DashboardController {

	/** The earliest year the report offers. */
	static final int FIRST_YEAR = 2000;

	/** How many days ahead the dashboard counts the closed requests to be purged. */
	static final int PURGE_WINDOW_DAYS = 30;

	private final Dashboard dashboard;

	private final YearlyReport report;

	private final RequestRetention retention;

	private final Outbox outbox;

	private final RestrictionHolds restrictions;

	/** How many restrictions in force the dashboard lists. */
	static final int RESTRICTIONS_LISTED = 10;

	DashboardController(Dashboard dashboard, YearlyReport report, RequestRetention retention, Outbox outbox,
			RestrictionHolds restrictions) {
		this.restrictions = restrictions;
		this.outbox = outbox;
		this.dashboard = dashboard;
		this.report = report;
		this.retention = retention;
	}

	@GetMapping("/staff/dashboard")
	String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Model model) {
		Period period = this.dashboard.defaultPeriod();
		String error = null;
		boolean given = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
		if (given) {
			try {
				LocalDate first = (from != null && !from.isBlank()) ? LocalDate.parse(from.strip()) : period.from();
				LocalDate last = (to != null && !to.isBlank()) ? LocalDate.parse(to.strip()) : period.to();
				if (last.isBefore(first)) {
					error = "dashboard.period.error.reversed";
				}
				else if (last.isAfter(first.plusYears(Dashboard.MAX_PERIOD_YEARS))) {
					error = "dashboard.period.error.tooLong";
				}
				else {
					period = new Period(first, last);
				}
			}
			catch (DateTimeParseException ex) {
				error = "dashboard.period.error.date";
			}
		}
		model.addAttribute("glance", this.dashboard.glance());
		model.addAttribute("failedMailCount", this.outbox.failedCount());
		model.addAttribute("restrictions", this.restrictions.active(RESTRICTIONS_LISTED));
		model.addAttribute("authorityUnchecked", this.dashboard.authorityUnchecked());
		model.addAttribute("figures", this.dashboard.figures(period.from(), period.to()));
		model.addAttribute("fromText", (error != null) ? from : period.from().toString());
		model.addAttribute("toText", (error != null) ? to : period.to().toString());
		model.addAttribute("periodError", error);
		model.addAttribute("csvLink", "/staff/exports/requests.csv?from=" + period.from() + "&to=" + period.to());
		model.addAttribute("limits", Limits.INSTANCE);
		model.addAttribute("purgeDueSoon", this.retention.dueWithin(PURGE_WINDOW_DAYS));
		model.addAttribute("retentionYears", this.retention.period().toTotalMonths() / 12.0);
		return "dashboard/dashboard";
	}

	@GetMapping("/staff/dashboard/report")
	String report(@RequestParam(required = false) String year, Model model) {
		int chosen = defaultYear();
		String error = null;
		if (year != null && !year.isBlank()) {
			try {
				int parsed = Integer.parseInt(year.strip());
				if (parsed < FIRST_YEAR || parsed > this.dashboard.today().getYear()) {
					error = "dashboard.report.error.year";
				}
				else {
					chosen = parsed;
				}
			}
			catch (NumberFormatException ex) {
				error = "dashboard.report.error.year";
			}
		}
		model.addAttribute("report", this.report.of(chosen));
		model.addAttribute("yearText", (error != null) ? year : Integer.toString(chosen));
		model.addAttribute("yearError", error);
		model.addAttribute("firstYear", FIRST_YEAR);
		model.addAttribute("thisYear", this.dashboard.today().getYear());
		return "dashboard/report";
	}

	@GetMapping("/staff/dashboard/report.pdf")
	ResponseEntity<byte[]> reportPdf(@RequestParam(required = false) String year, Locale locale) {
		int chosen = defaultYear();
		if (year != null && !year.isBlank()) {
			try {
				int parsed = Integer.parseInt(year.strip());
				if (parsed >= FIRST_YEAR && parsed <= this.dashboard.today().getYear()) {
					chosen = parsed;
				}
			}
			catch (NumberFormatException ex) {
				// A year that does not parse gives the default year's report, as the page
				// does.
			}
		}
		byte[] pdf = this.report.pdf(chosen, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("dsr-report-" + chosen + ".pdf").build().toString())
			.body(pdf);
	}

	/**
	 * The dashboard's fixed windows, for the page's headings and help texts.
	 *
	 * @param dueSoonDays {@link Dashboard#DUE_SOON_DAYS}
	 * @param holdWindowDays {@link Dashboard#HOLD_WINDOW_DAYS}
	 * @param reviewWindowDays {@link Dashboard#REVIEW_WINDOW_DAYS}
	 * @param maxPeriodYears {@link Dashboard#MAX_PERIOD_YEARS}
	 */
	record Limits(int dueSoonDays, int holdWindowDays, int reviewWindowDays, int maxPeriodYears) {

		static final Limits INSTANCE = new Limits(Dashboard.DUE_SOON_DAYS, Dashboard.HOLD_WINDOW_DAYS,
				Dashboard.REVIEW_WINDOW_DAYS, Dashboard.MAX_PERIOD_YEARS);

	}

	/**
	 * The current year, so far: the report opens on what is happening now (a new install
	 * has nothing in the year before); earlier years are a choice away.
	 */
	private int defaultYear() {
		return this.dashboard.today().getYear();
	}

}
