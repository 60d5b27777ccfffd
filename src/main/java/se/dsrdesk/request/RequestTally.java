package se.dsrdesk.request;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The values of a request that counts kept outside the request module are made from (the
 * dashboard's requests received, answered, and running per deadline). Which statuses
 * count for what is not decided here but by {@link RequestStatus}'s sets.
 *
 * @param status the status
 * @param type the type
 * @param receiptDate the day it was received
 * @param effectiveDeadline the deadline in force
 * @param closedAt when it was closed, {@code null} while open
 * @param rejectionGround the ground of a rejection, {@code null} when none was recorded
 */
public record RequestTally(RequestStatus status, RequestType type, LocalDate receiptDate, LocalDate effectiveDeadline,
		Instant closedAt, RejectionGround rejectionGround) {

	public static RequestTally of(DsrRequest request) {
		return new RequestTally(request.getStatus(), request.getType(), request.getReceiptDate(),
				request.getEffectiveDeadline(), request.getClosedAt(), request.getRejectionGround());
	}

}
