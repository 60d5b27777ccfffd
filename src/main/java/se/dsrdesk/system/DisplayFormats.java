package se.dsrdesk.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Dates and times as pages show them: ISO dates, in the controller's time zone. Templates
 * use it as {@code ${@formats.dateTime(instant)}}.
 */
@Component("formats")
public class DisplayFormats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter LONG_DATE_SV = DateTimeFormatter.ofPattern("d MMMM yyyy",
			Locale.forLanguageTag("sv"));

	private static final DateTimeFormatter LONG_DATE_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

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

	/**
	 * A date as letters write it in running text: in long form in the letter's language,
	 * "1 mars 2027" in Swedish, "1 March 2027" in English (day, month name, year:
	 * unambiguous in both, and what reads naturally after "senast den" or "by").
	 * @param date the date
	 * @param language the letter's language: Swedish, or English for anything else
	 * @return the date in words
	 */
	public static String longDate(LocalDate date, Locale language) {
		return ((language != null && "sv".equals(language.getLanguage())) ? LONG_DATE_SV : LONG_DATE_EN).format(date);
	}

}
