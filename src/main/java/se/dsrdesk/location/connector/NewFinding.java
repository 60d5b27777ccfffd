package se.dsrdesk.location.connector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something found for the person, to be stored on the task: either a record of fields or
 * a file.
 *
 * @param kind a record or a file
 * @param title what it is, in a line (an audience's name, a mail's subject)
 * @param source where it came from in the system (for example
 * {@code mailchimp:list/abc123} or {@code imap:support@/INBOX/uid 42}), shown to staff
 * @param fields a record's fields in display order; {@code null} for a file
 * @param fileName a file's name; {@code null} for a record
 * @param contentType a file's media type; {@code null} for a record
 * @param content a file's bytes; {@code null} for a record
 */
public record NewFinding(Finding.Kind kind, String title, String source, Map<String, String> fields, String fileName,
		String contentType, byte[] content) {

	public NewFinding {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(source, "source");
		if (kind == Finding.Kind.RECORD) {
			Objects.requireNonNull(fields, "a record has fields");
			fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		}
		else {
			Objects.requireNonNull(fileName, "a file has a name");
			Objects.requireNonNull(contentType, "a file has a media type");
			Objects.requireNonNull(content, "a file has content");
		}
	}

	/**
	 * A record of fields.
	 * @param title what it is
	 * @param source where it came from
	 * @param fields its fields, in display order
	 * @return the finding
	 */
	public static NewFinding record(String title, String source, Map<String, String> fields) {
		return new NewFinding(Finding.Kind.RECORD, title, source, fields, null, null, null);
	}

	/**
	 * A file.
	 * @param title what it is
	 * @param source where it came from
	 * @param fileName its name
	 * @param contentType its media type
	 * @param content its bytes
	 * @return the finding
	 */
	public static NewFinding file(String title, String source, String fileName, String contentType, byte[] content) {
		return new NewFinding(Finding.Kind.FILE, title, source, null, fileName, contentType, content);
	}

}
