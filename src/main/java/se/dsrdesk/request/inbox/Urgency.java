package se.dsrdesk.request.inbox;

import java.util.Locale;

import se.dsrdesk.request.RequestStatus;

/**
 * How close an open request is to its stored deadline, as the inbox and the request page
 * show it (text and colour).
 */
public enum Urgency {

	/** Completed, rejected, withdrawn or expired: no deadline to watch. */
	CLOSED,

	/**
	 * Waiting for the person, and the deadline has not passed: a paused request whose
	 * deadline has passed is {@link #OVERDUE}.
	 */
	PAUSED,

	/** The deadline has passed, paused or not. */
	OVERDUE,

	/** The deadline is today. */
	TODAY,

	/** Due within a week. */
	SOON,

	/** Due later. */
	LATER;

	/**
	 * The urgency of a request.
	 * @param status the request's status
	 * @param daysLeft calendar days from today to the effective deadline, negative when
	 * overdue
	 * @return how urgent it is
	 */
	public static Urgency of(RequestStatus status, long daysLeft) {
		if (!status.isOpen()) {
			return CLOSED;
		}
		if (daysLeft < 0) {
			return OVERDUE;
		}
		if (status == RequestStatus.AWAITING_SUBJECT) {
			return PAUSED;
		}
		if (daysLeft == 0) {
			return TODAY;
		}
		return (daysLeft <= 7) ? SOON : LATER;
	}

	/**
	 * The name templates use, such as {@code overdue}.
	 * @return the lower-case name
	 */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
