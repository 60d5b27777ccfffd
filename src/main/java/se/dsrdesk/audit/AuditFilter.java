package se.dsrdesk.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.validation.Errors;

/**
 * The audit trail's filters as they arrive in the query string, kept as typed so that the
 * form shows them again. Unlike the inbox, a value that does not parse is refused with a
 * message next to its field: an audit question answered with the wrong rows is worse than
 * no answer.
 */
public class AuditFilter {

	/**
	 * The actor value that means: no staff account (the system, a data subject, unknown).
	 */
	static final String NO_ACCOUNT = "none";

	private static final Pattern REFERENCE = Pattern.compile("(?i)DSR-\\d{4}-\\d{6}");

	private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

	/** Empty for anyone, {@value #NO_ACCOUNT}, or a staff user's id. */
	private String actor;

	/** Empty for any action, or an action code. */
	private String action;

	/** A request reference, such as {@code DSR-2026-000123}. */
	private String reference;

	/** The first day, {@code YYYY-MM-DD}, in the controller's time zone. */
	private String from;

	/** The last day, inclusive. */
	private String to;

	/** The keyset cursor: the time and id of the last row of the previous page. */
	private String after;

	/**
	 * Checks what was typed and records a message code for each field that is wrong.
	 * @param errors where the messages go
	 */
	void validate(Errors errors) {
		if (!isBlank(this.actor) && !NO_ACCOUNT.equals(this.actor.strip()) && staffUserId().isEmpty()) {
			errors.rejectValue("actor", "audit.filter.actor.invalid");
		}
		if (!isBlank(this.action) && !ACTION.matcher(this.action.strip()).matches()) {
			errors.rejectValue("action", "audit.filter.action.invalid");
		}
		if (!isBlank(this.reference) && !REFERENCE.matcher(this.reference.strip()).matches()) {
			errors.rejectValue("reference", "audit.filter.reference.invalid");
		}
		Optional<LocalDate> first = date(this.from, "from", errors);
		Optional<LocalDate> last = date(this.to, "to", errors);
		if (first.isPresent() && last.isPresent() && first.get().isAfter(last.get())) {
			errors.rejectValue("to", "audit.filter.to.beforeFrom");
		}
	}

	private static Optional<LocalDate> date(String text, String field, Errors errors) {
		if (isBlank(text)) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException ex) {
			errors.rejectValue(field, "audit.filter.date.invalid");
			return Optional.empty();
		}
	}

	/**
	 * The staff user chosen.
	 * @return their id, empty for anyone or for no account
	 */
	Optional<Long> staffUserId() {
		if (isBlank(this.actor)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.valueOf(this.actor.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	boolean noAccount() {
		return this.actor != null && NO_ACCOUNT.equals(this.actor.strip());
	}

	Optional<String> chosenAction() {
		return isBlank(this.action) ? Optional.empty() : Optional.of(this.action.strip());
	}

	Optional<String> chosenReference() {
		return isBlank(this.reference) ? Optional.empty()
				: Optional.of(this.reference.strip().toUpperCase(Locale.ROOT));
	}

	/**
	 * The start of the first day.
	 * @param zone the controller's time zone
	 * @return the instant, empty when no first day was given (or it did not parse)
	 */
	Optional<Instant> fromInstant(ZoneId zone) {
		return parsed(this.from).map((day) -> day.atStartOfDay(zone).toInstant());
	}

	/**
	 * The start of the day after the last day: the range is [from, to + 1 day).
	 * @param zone the controller's time zone
	 * @return the instant, empty when no last day was given (or it did not parse)
	 */
	Optional<Instant> untilInstant(ZoneId zone) {
		return parsed(this.to).map((day) -> day.plusDays(1).atStartOfDay(zone).toInstant());
	}

	private static Optional<LocalDate> parsed(String text) {
		if (isBlank(text)) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Where the page starts.
	 * @return the cursor, empty for the first page or a cursor that does not parse
	 */
	Optional<Cursor> cursor() {
		if (isBlank(this.after)) {
			return Optional.empty();
		}
		int comma = this.after.indexOf(',');
		if (comma < 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Cursor(Instant.parse(this.after.substring(0, comma).strip()),
					Long.parseLong(this.after.substring(comma + 1).strip())));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * A position in the trail's order (newest first): after this time and id.
	 *
	 * @param occurredAt the time of the last row shown
	 * @param id the id of the last row shown
	 */
	record Cursor(Instant occurredAt, long id) {

		@Override
		public String toString() {
			return this.occurredAt + "," + this.id;
		}

	}

	public String getActor() {
		return this.actor;
	}

	public void setActor(String actor) {
		this.actor = actor;
	}

	public String getAction() {
		return this.action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public String getReference() {
		return this.reference;
	}

	public void setReference(String reference) {
		this.reference = reference;
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

	public String getAfter() {
		return this.after;
	}

	public void setAfter(String after) {
		this.after = after;
	}

}
