package se.dsrdesk.dashboard;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.CsvDownload;

/**
 * The export of requests for a period, for compliance officers and admins: a small form,
 * and the CSV file it asks for.
 */
@Controller
@PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
class RequestExportController {

	private final RequestExport export;

	private final ControllerIdentity controller;

	private final Clock clock;

	RequestExportController(RequestExport export, ControllerIdentity controller, Clock clock) {
		this.export = export;
		this.controller = controller;
		this.clock = clock;
	}

	@InitBinder("period")
	void allowPeriodFields(WebDataBinder binder) {
		binder.setAllowedFields("from", "to");
	}

	/** The form, with the last twelve months filled in. */
	@GetMapping("/staff/exports")
	String form(@ModelAttribute("period") RequestExportPeriod period, BindingResult result) {
		period.resolve(today(), result);
		if (!result.hasErrors()) {
			period.setFrom(period.first().toString());
			period.setTo(period.last().toString());
		}
		return "exports/requests";
	}

	/**
	 * The requests received from {@code from} to {@code to} (both inclusive) as CSV; with
	 * dates that do not parse, the form with its messages.
	 */
	@GetMapping("/staff/exports/requests.csv")
	String requests(@ModelAttribute("period") RequestExportPeriod period, BindingResult result,
			HttpServletResponse response, Locale locale) throws IOException {
		period.resolve(today(), result);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "exports/requests";
		}
		CsvDownload csv = CsvDownload.start(response, "requests_" + period.first() + "_" + period.last() + ".csv");
		this.export.write(period.first(), period.last(), locale, csv);
		return null;
	}

	private LocalDate today() {
		return this.clock.instant().atZone(this.controller.timeZone()).toLocalDate();
	}

}
