package se.dsrdesk.notification;

import java.time.LocalDate;

/**
 * Staff recorded a letter to post as posted; published in the transaction that records
 * it, so that the owner of its request (a posted extension notice puts the extension in
 * force, Art. 12(3)) changes with it.
 *
 * @param correspondenceId the letter
 * @param requestId its request, or {@code null}
 * @param template the letter's template, such as {@code request-extended}
 * @param postedOn the day it was posted
 * @param staffUserId who recorded it
 * @param staffLabel how the audit trail names them
 */
public record LetterPosted(long correspondenceId, Long requestId, String template, LocalDate postedOn, Long staffUserId,
		String staffLabel) {

}
