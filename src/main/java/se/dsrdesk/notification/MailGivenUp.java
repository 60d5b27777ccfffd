package se.dsrdesk.notification;

/**
 * A queued mail was given up after its last failed attempt: its recipient was not told.
 * Published in the dispatcher's transaction; a module whose step counts only once the
 * person is told (an extension notice, Art. 12(3)) listens after commit.
 *
 * @param correspondenceId the mail
 * @param requestId the request it belongs to, or {@code null}
 */
public record MailGivenUp(long correspondenceId, Long requestId) {
}
