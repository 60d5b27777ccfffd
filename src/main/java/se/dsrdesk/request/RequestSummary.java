package se.dsrdesk.request;

import java.time.LocalDate;

/**
 * A request as other modules list it next to their own records: what identifies it and
 * where it stands.
 *
 * @param id the request's id
 * @param reference its reference, such as {@code DSR-2026-000042}
 * @param type what the person asked for
 * @param status where it stands
 * @param effectiveDeadline the deadline in force
 */
public record RequestSummary(long id, String reference, RequestType type, RequestStatus status,
		LocalDate effectiveDeadline) {

}
