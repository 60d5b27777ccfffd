package se.dsrdesk.location.connector;

import java.util.List;

/**
 * A page of what a connector found.
 *
 * @param hits the hits on this page
 * @param page the page, from 0
 * @param more whether another page follows
 * @param total how many there are in all, or {@code -1} when the system does not say
 */
public record SearchResult(List<Hit> hits, int page, boolean more, long total) {

	public SearchResult {
		hits = List.copyOf(hits);
	}

}
