package se.dsrdesk.request;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a request stands. Only the request itself moves between these, through its named
 * transitions.
 * <p>
 * The sets of statuses that the rules speak of (open, answered, the statutory clock
 * running...) are defined here and nowhere else: SQL gets them as bind parameters
 * ({@link #names(Collection)}), and the database's check constraint and partial indexes
 * are created from them by the migration {@code R__request_status_rules}. Each set has
 * one meaning; two sets with the same members today keep different names when their
 * meanings differ, so that a change of one rule does not silently change the other.
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

	/**
	 * Closed as a duplicate of another request of the same person, which is answered
	 * instead; both are linked.
	 */
	DUPLICATE,

	/** Never confirmed. */
	EXPIRED;

	/**
	 * Open: not yet finished, whatever its stage (unconfirmed, received, worked, paused).
	 * The inbox's default list; a request can still be assigned, withdrawn or given an
	 * attachment.
	 */
	public static final Set<RequestStatus> OPEN = unmodifiable(
			EnumSet.of(UNVERIFIED, NEW, IN_PROGRESS, AWAITING_SUBJECT));

	/**
	 * Closed: finished for good (answered, withdrawn, closed as a duplicate or expired);
	 * the complement of {@link #OPEN}.
	 */
	public static final Set<RequestStatus> CLOSED = unmodifiable(EnumSet.complementOf(EnumSet.copyOf(OPEN)));

	/**
	 * In hand: received and not yet finished (new, being worked, or paused). The requests
	 * that staff owe an answer; a location's review reminder lists those that touch it.
	 */
	public static final Set<RequestStatus> IN_HAND = unmodifiable(EnumSet.of(NEW, IN_PROGRESS, AWAITING_SUBJECT));

	/**
	 * Paused: waiting for the person, for the additional information needed to confirm
	 * their identity (GDPR Art. 12(6)); until it arrives the one-month period does not
	 * run, and the days paused are added to the deadline when the request resumes.
	 */
	public static final Set<RequestStatus> PAUSED = unmodifiable(EnumSet.of(AWAITING_SUBJECT));

	/**
	 * Open and not paused: the deadline shown counts down, so the request can be overdue
	 * or due soon (the inbox's urgency, the dashboard's overdue and due-soon lists).
	 * Unlike {@link #STATUTORY_CLOCK_RUNNING} it includes unconfirmed web requests, whose
	 * provisional deadline is shown as well.
	 */
	public static final Set<RequestStatus> OPEN_UNPAUSED = unmodifiable(EnumSet.of(UNVERIFIED, NEW, IN_PROGRESS));

	/**
	 * The statutory clock runs: the request was received (GDPR Art. 12(3): "without undue
	 * delay and in any event within one month of receipt") and is neither paused nor
	 * answered. The deadline sweep reminds, warns and escalates only these.
	 */
	public static final Set<RequestStatus> STATUTORY_CLOCK_RUNNING = unmodifiable(EnumSet.of(NEW, IN_PROGRESS));

	/**
	 * The period may still be extended by up to two further months (GDPR Art. 12(3)): the
	 * request was received and the clock runs; the person must be told within the first
	 * month, so the extension is also bound to the one-month deadline.
	 */
	public static final Set<RequestStatus> EXTENDABLE = unmodifiable(EnumSet.of(NEW, IN_PROGRESS));

	/**
	 * Answered: the person was told of the action taken (GDPR Art. 12(3)) or of the
	 * reasons for not taking action (Art. 12(4)). The dashboard's "answered", on time or
	 * late.
	 */
	public static final Set<RequestStatus> ANSWERED = unmodifiable(EnumSet.of(COMPLETED, REJECTED));

	/**
	 * Never received: a web request whose address was never confirmed (yet, or before it
	 * expired). Not counted among the requests received.
	 */
	public static final Set<RequestStatus> NOT_RECEIVED = unmodifiable(EnumSet.of(UNVERIFIED, EXPIRED));

	/**
	 * Whether the request is still open.
	 * @return {@code false} once completed, rejected, withdrawn, closed as a duplicate or
	 * expired
	 * @see #OPEN
	 */
	public boolean isOpen() {
		return OPEN.contains(this);
	}

	/**
	 * The names of some statuses, as SQL bind values ({@code status in (:open)}), in
	 * declaration order.
	 * @param statuses the statuses
	 * @return their names
	 */
	public static List<String> names(Collection<RequestStatus> statuses) {
		return EnumSet.copyOf(statuses).stream().map(Enum::name).toList();
	}

	private static Set<RequestStatus> unmodifiable(EnumSet<RequestStatus> statuses) {
		return Collections.unmodifiableSet(statuses);
	}

}
