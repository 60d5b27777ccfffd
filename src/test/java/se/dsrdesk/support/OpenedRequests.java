package se.dsrdesk.support;

import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.request.RequestStatus;

/**
 * What a test leaves behind in a shared database: the requests it opened and left open
 * would be counted by the next test's inbox, start page and dashboard.
 */
public final class OpenedRequests {

	private OpenedRequests() {
	}

	/**
	 * Closes, as completed, those of the requests that are still open (the statuses from
	 * {@link RequestStatus#OPEN}, not written here again).
	 * @param jdbc the database
	 * @param ids the requests a test opened
	 */
	public static void close(JdbcTemplate jdbc, Collection<Long> ids) {
		String open = RequestStatus.OPEN.stream()
			.map((status) -> "'" + status.name() + "'")
			.collect(Collectors.joining(", "));
		for (Long id : ids) {
			jdbc.update("update dsr_request set status = '" + RequestStatus.COMPLETED.name()
					+ "', closed_at = created_at where id = ? and status in (" + open + ")", id);
		}
	}

}
