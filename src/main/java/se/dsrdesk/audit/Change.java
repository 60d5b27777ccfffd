package se.dsrdesk.audit;

import java.util.List;
import java.util.Objects;

/**
 * One changed value, before and after, as the audit trail keeps it. Values are shown as
 * text; a value that did not exist is {@code null}. Never put a data subject's personal
 * data here: the trail cannot be erased.
 *
 * @param field what changed, a short code such as {@code status} or {@code roles}
 * @param before the value before, may be {@code null}
 * @param after the value after, may be {@code null}
 */
public record Change(String field, String before, String after) {

	public Change {
		Objects.requireNonNull(field, "field");
	}

	/**
	 * A change from one value to another, each shown with {@code toString()}.
	 * @param field what changed
	 * @param before the value before, may be {@code null}
	 * @param after the value after, may be {@code null}
	 * @return the change
	 */
	public static Change of(String field, Object before, Object after) {
		return new Change(field, (before != null) ? before.toString() : null,
				(after != null) ? after.toString() : null);
	}

	/**
	 * Adds a change to a list when the value really changed.
	 * @param changes the list to add to
	 * @param field what may have changed
	 * @param before the value before
	 * @param after the value after
	 */
	public static void addIfChanged(List<Change> changes, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(of(field, before, after));
		}
	}

}
