package se.dsrdesk.location.connector;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Something a task found, as stored (without a file's bytes: ask
 * {@link TaskFindings#content(long)}).
 *
 * @param id its id
 * @param taskId the task
 * @param requestId the task's request
 * @param kind a record or a file
 * @param title what it is
 * @param source where it came from
 * @param fields a record's fields in display order, empty for a file
 * @param fileName a file's name, {@code null} for a record
 * @param contentType a file's media type, {@code null} for a record
 * @param sizeBytes a file's size, 0 for a record
 * @param included whether it goes into the answer package
 * @param checked for a file the tool cannot mask: whether a case handler checked that it
 * holds no one else's data
 * @param createdAt when it was stored
 */
public record Finding(long id, long taskId, long requestId, Kind kind, String title, String source,
		Map<String, String> fields, String fileName, String contentType, long sizeBytes, boolean included,
		boolean checked, Instant createdAt) {

	/** Media types whose text the review can mask. */
	static final Set<String> MASKABLE_TYPES = Set.of("text/plain", "message/rfc822", "text/csv", "application/json");

	/** A record of fields, or a file. */
	public enum Kind {

		RECORD, FILE

	}

	/**
	 * Whether the review can mask this finding's text (a record, or a text file); a file
	 * that is not needs {@link #checked()} before it is sent.
	 * @return {@code true} when its text can be masked
	 */
	public boolean maskable() {
		if (this.kind == Kind.RECORD) {
			return true;
		}
		String type = this.contentType.toLowerCase(java.util.Locale.ROOT);
		int semicolon = type.indexOf(';');
		return MASKABLE_TYPES.contains((semicolon < 0) ? type.strip() : type.substring(0, semicolon).strip());
	}

	/**
	 * Whether it may go out as it is: included, and maskable or checked.
	 * @return {@code true} when nothing stops it from being sent
	 */
	public boolean readyToSend() {
		return maskable() || this.checked;
	}

}
