package se.dsrdesk.request;

import java.time.LocalDate;

/**
 * How many requests are open, and how many of them are overdue, for the inbox's quick
 * views. Declared here and answered by the dashboard module, which keeps these counts per
 * deadline on PostgreSQL: counting them from the requests would read every open request
 * on each inbox page (measured in docs/inbox.md), where the kept counts are a few hundred
 * rows. Both follow {@link RequestStatus}'s sets: open is {@link RequestStatus#OPEN},
 * overdue is open with a deadline before today, paused or not.
 */
public interface OpenRequestCounts {

	/**
	 * How many requests are open.
	 * @return the count
	 */
	long open();

	/**
	 * How many open requests, paused or not, have a deadline before today.
	 * @param today the controller's date
	 * @return the count
	 */
	long overdue(LocalDate today);

}
