package se.dsrdesk.request;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a request stands. Only the request itself moves between these, through its named
 * transitions.
 */
public enum RequestStatus {

	/** Submitted on the web; the email address is not yet confirmed. */
	UNVERIFIED,

	/** Received (confirmed, or registered by staff), not yet worked. */
	NEW,

	/** Being worked. */
	IN_PROGRESS,

	/** Waiting for the person; the clock is paused. */
	AWAITING_SUBJECT,

	/** Answered. */
	COMPLETED,

	/** Refused, with reasons. */
	REJECTED,

	/** Withdrawn by the person. */
	WITHDRAWN,

	/** Never confirmed. */
	EXPIRED;

	/**
	 * The statuses in which the statutory clock runs and the deadline must be watched.
	 */
	public static final Set<RequestStatus> CLOCK_RUNNING = EnumSet.of(NEW, IN_PROGRESS);

	/**
	 * Whether the request is still open.
	 * @return {@code false} once completed, rejected, withdrawn or expired
	 */
	public boolean isOpen() {
		return this == UNVERIFIED || this == NEW || this == IN_PROGRESS || this == AWAITING_SUBJECT;
	}

}
