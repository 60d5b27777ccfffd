package se.dsrdesk.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Dates and times as pages show them: ISO dates, in the controller's time zone. Templates
 * use it as {@code ${@formats.dateTime(instant)}}.
 */
@Component("formats")
public class DisplayFormats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ControllerIdentity controller;

	DisplayFormats(ControllerIdentity controller) {
		this.controller = controller;
	}

	public String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(this.controller.timeZone())) : "";
	}

	public String date(LocalDate date) {
		return (date != null) ? DateTimeFormatter.ISO_LOCAL_DATE.format(date) : "";
	}

}
