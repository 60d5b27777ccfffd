package se.dsrdesk.request;

import se.dsrdesk.audit.Actor;

/**
 * A domain event: something happened to a request. Published when the request is saved,
 * in the same transaction, so that the audit trail and queued mail commit with the
 * change.
 *
 * @param requestId the request
 * @param reference the request's reference
 * @param action what happened
 * @param actor who did it
 * @param details a short description without personal data, may be {@code null}
 */
public record RequestActivity(Long requestId, String reference, RequestAction action, Actor actor, String details) {

}
