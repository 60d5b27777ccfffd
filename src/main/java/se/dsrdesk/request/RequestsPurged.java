package se.dsrdesk.request;

import java.util.List;

/**
 * The personal data of some closed requests was purged, in the transaction that is still
 * open: modules that keep personal data about those requests erase theirs in it.
 *
 * @param requestIds the requests
 */
public record RequestsPurged(List<Long> requestIds) {

	public RequestsPurged {
		requestIds = List.copyOf(requestIds);
	}

}
