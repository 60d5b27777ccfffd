package se.dsrdesk.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit trail in the reader's words: who ("data subject", "system"), the details
 * ({@code ground=EXCESSIVE; location=3}) and changed values (an assignee's id) as labels,
 * location names and staff names in the reader's language, instead of the codes stored.
 * What is stored stays as it is (the trail is append-only and its export keeps the
 * codes); a code without a label is shown as stored. Templates call it as
 * {@code @auditWords}.
 */
@Component("auditWords")
public class AuditWords {

	/** Parts of a details text: {@code a=b; c=d} and, in older rows, {@code a=b, c=d}. */
	private static final Pattern PARTS = Pattern.compile(";\\s*|,\\s+(?=[a-zA-Z]+=)");

	/** Where the label of a value of each detail is looked up, in order. */
	private static final List<String[]> VALUE_KEYS = List.of(
			new String[] { "ground", "requestPage.pause.ground.", "requestPage.ground.", "task.ground." },
			new String[] { "method", "requestPage.identity.method." }, new String[] { "type", "request.type." },
			new String[] { "channel", "requestPage.channel." }, new String[] { "outcome", "task.outcome." },
			new String[] { "result", "recipients.result." }, new String[] { "authority", "representative.authority." },
			new String[] { "stopsClock", "audit.value.boolean." }, new String[] { "status", "inbox.status." });

	private final MessageSource messages;

	private final AuditQuery query;

	private final ObjectProvider<LocationNames> locations;

	AuditWords(MessageSource messages, AuditQuery query, ObjectProvider<LocationNames> locations) {
		this.messages = messages;
		this.query = query;
		this.locations = locations;
	}

	/**
	 * Who did it, in the reader's language: "the person" for the data subject, "the
	 * system"; a staff member's name as recorded.
	 * @param label the actor's label as stored
	 * @return the label to show
	 */
	public String actor(String label) {
		if (label == null) {
			return "";
		}
		if (label.startsWith("staff-user:")) {
			return staffName(label.substring("staff-user:".length())).orElse(label);
		}
		String key = "audit.actor." + label.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		return message(key.replaceAll("-$", "")).orElse(label);
	}

	/**
	 * An event's details with their codes as labels: {@code ground=EXCESSIVE; late}
	 * becomes "Ground: Excessive (Art. 12(5)); late".
	 * @param details the details as stored, or {@code null}
	 * @return the details to show, or {@code null}
	 */
	public String details(String details) {
		if (details == null || details.isBlank()) {
			return details;
		}
		List<String> shown = new ArrayList<>();
		for (String part : PARTS.split(details.strip())) {
			int equals = part.indexOf('=');
			if (equals <= 0) {
				shown.add(part);
				continue;
			}
			String name = part.substring(0, equals).strip();
			String value = part.substring(equals + 1).strip();
			shown.add(message("audit.detail." + name).orElse(name) + ": " + value(name, value));
		}
		return String.join("; ", shown);
	}

	/**
	 * A changed value with its code as a label: a status, a staff member's name for an
	 * assignee.
	 * @param field the changed field
	 * @param value the value as stored, or {@code null}
	 * @return the value to show, or {@code null}
	 */
	public String change(String field, String value) {
		return (value != null) ? value(field, value) : null;
	}

	private String value(String name, String value) {
		if (name.equals("assignee")) {
			return staffName(value).orElse(value);
		}
		if (name.equals("location")) {
			return locationName(value).orElse(value);
		}
		// "until 2034-12-31" and the like: the code is the first word.
		String code = value.split(" ", 2)[0];
		String rest = value.substring(code.length());
		for (String[] keys : VALUE_KEYS) {
			if (keys[0].equals(name)) {
				for (int i = 1; i < keys.length; i++) {
					Optional<String> label = message(keys[i] + code);
					if (label.isPresent()) {
						return label.get() + rest;
					}
				}
			}
		}
		return value;
	}

	private Optional<String> staffName(String id) {
		if (!id.matches("\\d{1,18}")) {
			return Optional.empty();
		}
		return this.query.staffName(Long.parseLong(id));
	}

	private Optional<String> locationName(String id) {
		LocationNames names = this.locations.getIfAvailable();
		if (names == null || !id.matches("\\d{1,18}")) {
			return Optional.empty();
		}
		return names.nameOf(Long.parseLong(id), LocaleContextHolder.getLocale());
	}

	private Optional<String> message(String key) {
		return Optional.ofNullable(this.messages.getMessage(key, null, null, LocaleContextHolder.getLocale()));
	}

}
