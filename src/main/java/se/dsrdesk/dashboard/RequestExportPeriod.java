package se.dsrdesk.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.validation.Errors;

/**
 * The period of a request export, as typed: receipt dates from and to, both inclusive.
 * Either may be left out; the default is the last twelve months up to today, as the
 * dashboard counts them ({@link Dashboard#lastTwelveMonths}).
 */
public class RequestExportPeriod {

	private String from;

	private String to;

	private LocalDate first;

	private LocalDate last;

	/**
	 * Checks the dates and works out the period; a message code goes to each field that
	 * is wrong.
	 * @param today today in the controller's time zone, for the defaults
	 * @param errors where the messages go
	 */
	void resolve(LocalDate today, Errors errors) {
		this.last = parse(this.to, "to", errors, today);
		this.first = parse(this.from, "from", errors,
				Dashboard.lastTwelveMonths((this.last != null) ? this.last : today).from());
		if (this.first != null && this.last != null && this.first.isAfter(this.last)) {
			errors.rejectValue("to", "exports.to.beforeFrom");
		}
	}

	private static LocalDate parse(String text, String field, Errors errors, LocalDate otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.rejectValue(field, "exports.date.invalid");
			return null;
		}
	}

	/** The first receipt date, after {@link #resolve}. */
	LocalDate first() {
		return this.first;
	}

	/** The last receipt date, inclusive, after {@link #resolve}. */
	LocalDate last() {
		return this.last;
	}

	public String getFrom() {
		return this.from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public String getTo() {
		return this.to;
	}

	public void setTo(String to) {
		this.to = to;
	}

}
