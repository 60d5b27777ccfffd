package se.dsrdesk.request;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The values of a request that counts kept outside the request module are made from (the
 * dashboard's requests received, answered, running per deadline, and overdue without the
 * person told of the delay). Which statuses count for what is not decided here but by
 * {@link RequestStatus}'s sets.
 *
 * @param status the status
 * @param type the type
 * @param receiptDate the day it was received
 * @param effectiveDeadline the deadline in force
 * @param closedAt when it was closed, {@code null} while open
 * @param rejectionGround the ground of a rejection, {@code null} when none was recorded
 * @param toldUntil the day the person was told to expect the answer by, when told of a
 * delay (Art. 12(3)); {@code null} when not told
 */
public record RequestTally(RequestStatus status, RequestType type, LocalDate receiptDate, LocalDate effectiveDeadline,
		Instant closedAt, RejectionGround rejectionGround, LocalDate toldUntil) {

	public static RequestTally of(DsrRequest request) {
		return new RequestTally(request.getStatus(), request.getType(), request.getReceiptDate(),
				request.getEffectiveDeadline(), request.getClosedAt(), request.getRejectionGround(),
				toldUntil(request.getDelayAnnouncedOn(), request.getDelayExpectedOn()));
	}

	/**
	 * The day a person told of a delay was told to expect the answer by: the expected day
	 * of the delay notice while one is announced, as
	 * {@link DsrRequest#isPersonToldOfDelay} reads it.
	 * @param announcedOn the day the delay was announced, {@code null} when not (or the
	 * notice was given up)
	 * @param expectedOn the day the person was told to expect the answer
	 * @return the day, {@code null} when the person is not told
	 */
	public static LocalDate toldUntil(LocalDate announcedOn, LocalDate expectedOn) {
		return (announcedOn != null) ? expectedOn : null;
	}

	/**
	 * The last day on which the request is not overdue with its person untold: its
	 * deadline, or the day the person was told to expect the answer if later. From the
	 * next day on, while the request is in hand ({@link RequestStatus#IN_HAND}), the
	 * person is owed a (new) delay notice (Art. 12(3)).
	 * @return the day
	 */
	public LocalDate coveredUntil() {
		return (this.toldUntil != null && this.toldUntil.isAfter(this.effectiveDeadline)) ? this.toldUntil
				: this.effectiveDeadline;
	}

}
