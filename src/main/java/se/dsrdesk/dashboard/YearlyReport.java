package se.dsrdesk.dashboard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.PdfDocuments;

/**
 * The yearly report: the dashboard's period figures for one calendar year, as a printable
 * page and as a PDF (openhtmltopdf, from the well-formed XHTML template
 * {@code dashboard/report-pdf}).
 */
@Component
class YearlyReport {

	private final Dashboard dashboard;

	private final PdfDocuments pdfs;

	private final ControllerIdentity controller;

	YearlyReport(Dashboard dashboard, PdfDocuments pdfs, ControllerIdentity controller) {
		this.dashboard = dashboard;
		this.pdfs = pdfs;
		this.controller = controller;
	}

	/**
	 * The report for a year.
	 * @param year the calendar year
	 * @return the figures from 1 January to 31 December, and the day it was made
	 */
	Report of(int year) {
		return new Report(year, this.dashboard.figures(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)),
				this.dashboard.today());
	}

	/**
	 * The report as a PDF.
	 * @param year the calendar year
	 * @param locale the reader's language
	 * @return the PDF's bytes
	 */
	byte[] pdf(int year, Locale locale) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("report", of(year));
		variables.put("controller", this.controller);
		return this.pdfs.render("dashboard/report-pdf", locale, variables);
	}

	/**
	 * One year's report.
	 *
	 * @param year the calendar year
	 * @param figures its figures
	 * @param generated the day the report was made
	 */
	record Report(int year, Figures figures, LocalDate generated) {

		/**
		 * Whether the year is not over yet, so that its figures are so far.
		 * @return {@code true} when the report was made during the year
		 */
		public boolean partial() {
			return this.generated.getYear() <= this.year;
		}

	}

}
