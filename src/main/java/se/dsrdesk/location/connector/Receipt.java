package se.dsrdesk.location.connector;

import java.util.List;

/**
 * What a connector did (or, on a dry run, would do).
 *
 * @param count how many things were changed (or would be)
 * @param evidence one line per change as the system confirmed it (ids, times, answer
 * status), without personal data beyond the request's own
 * @param dryRun whether nothing was changed
 */
public record Receipt(int count, List<String> evidence, boolean dryRun) implements java.io.Serializable {

	public Receipt {
		evidence = List.copyOf(evidence);
	}

}
