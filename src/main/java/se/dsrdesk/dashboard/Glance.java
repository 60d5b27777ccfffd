package se.dsrdesk.dashboard;

import java.time.LocalDate;
import java.util.List;

import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;

/**
 * What needs attention today, as the compliance officer's dashboard shows it: each list
 * is its full count and its most urgent first items (at most
 * {@link Dashboard#LIST_SIZE}). Every figure is read from the database when asked for;
 * nothing is cached.
 *
 * @param today the controller's date the lists are for
 * @param overdue open requests whose deadline has passed, paused or not, longest overdue
 * first
 * @param dueSoon open requests whose clock runs and whose deadline is today or within
 * {@link Dashboard#DUE_SOON_DAYS} days, earliest first
 * @param lastDayToExtend requests not yet extended whose last day to extend (the
 * one-month deadline) is today or tomorrow, while an extension is still allowed (new or
 * in progress)
 * @param paused requests waiting for the person (clock paused), longest paused first
 * @param extended open requests whose deadline was extended, earliest deadline first
 * @param holdsDue retention holds not yet erased whose date has passed or falls within
 * {@link Dashboard#HOLD_WINDOW_DAYS} days, earliest first
 * @param reviewsDue active data locations whose review is due or falls due within
 * {@link Dashboard#REVIEW_WINDOW_DAYS} days, earliest first
 * @param overdueUntold overdue requests whose person has not been told of the delay, or
 * whose expected date has passed (Art. 12(3)), longest overdue first
 */
public record Glance(LocalDate today, Listing<RequestItem> overdue, Listing<RequestItem> dueSoon,
		Listing<ExtensionItem> lastDayToExtend, Listing<PausedItem> paused, Listing<RequestItem> extended,
		Listing<HoldItem> holdsDue, Listing<ReviewItem> reviewsDue, Listing<RequestItem> overdueUntold) {

	/**
	 * A list on the dashboard: how many there are, and the first of them.
	 *
	 * @param count how many there are in all
	 * @param first the most urgent, at most {@link Dashboard#LIST_SIZE}
	 * @param <T> the kind of item
	 */
	public record Listing<T>(long count, List<T> first) {

		/**
		 * Whether the list shows fewer than there are.
		 * @return {@code true} when more exist than are shown
		 */
		public boolean hasMore() {
			return this.count > this.first.size();
		}

	}

	/**
	 * A request in the overdue, due-soon or extended list.
	 *
	 * @param id the request's id (its page is {@code /staff/requests/{id}})
	 * @param reference its reference
	 * @param type what is asked for
	 * @param status its status
	 * @param deadline the effective deadline
	 * @param daysLeft calendar days from today to the deadline, negative when overdue
	 * @param extensionMonths 0, 1 or 2
	 * @param assignee the assignee's display name, {@code null} when unassigned
	 */
	public record RequestItem(long id, String reference, RequestType type, RequestStatus status, LocalDate deadline,
			long daysLeft, int extensionMonths, String assignee) {

		/**
		 * Days past the deadline.
		 * @return the days overdue, 0 when not overdue
		 */
		public long daysOverdue() {
			return Math.max(0, -this.daysLeft);
		}

	}

	/**
	 * A request whose last day to extend is near.
	 *
	 * @param id the request's id
	 * @param reference its reference
	 * @param type what is asked for
	 * @param lastDayToExtend the one-month deadline, the last day an extension may be
	 * decided
	 * @param today whether that day is today (otherwise it is tomorrow)
	 * @param assignee the assignee's display name, {@code null} when unassigned
	 */
	public record ExtensionItem(long id, String reference, RequestType type, LocalDate lastDayToExtend, boolean today,
			String assignee) {
	}

	/**
	 * A paused request.
	 *
	 * @param id the request's id
	 * @param reference its reference
	 * @param type what is asked for
	 * @param pausedOn the day its open pause began
	 * @param daysPaused calendar days from that day to today
	 * @param assignee the assignee's display name, {@code null} when unassigned
	 */
	public record PausedItem(long id, String reference, RequestType type, LocalDate pausedOn, long daysPaused,
			String assignee) {
	}

	/**
	 * A retention hold that falls due: data kept at a location for a legal reason until a
	 * date, after which it must be erased.
	 *
	 * @param holdId the hold's id
	 * @param requestId the request it came from
	 * @param reference that request's reference
	 * @param locationNameSv the location's name in Swedish
	 * @param locationNameEn the location's name in English
	 * @param retainedUntil the date the data may be kept until
	 * @param daysLeft calendar days from today to that date, negative when passed
	 */
	public record HoldItem(long holdId, long requestId, String reference, String locationNameSv, String locationNameEn,
			LocalDate retainedUntil, long daysLeft) {
	}

	/**
	 * A data location due for review.
	 *
	 * @param locationId the location's id (its page is {@code /staff/locations/{id}})
	 * @param nameSv its name in Swedish
	 * @param nameEn its name in English
	 * @param due the date the review is due
	 * @param daysLeft calendar days from today to that date, negative when passed
	 * @param owner the owner's display name, {@code null} when none is named
	 */
	public record ReviewItem(long locationId, String nameSv, String nameEn, LocalDate due, long daysLeft,
			String owner) {
	}

}
