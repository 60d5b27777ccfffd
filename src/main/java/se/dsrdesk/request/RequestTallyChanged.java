package se.dsrdesk.request;

/**
 * Published whenever a request is written with a change to its {@link RequestTally}: when
 * it is created, when it is deleted, and when an update changes a tallied value. It is
 * published synchronously while the change is flushed, inside its transaction, so that a
 * listener that keeps counts writes them in the same transaction: they commit or roll
 * back with the change. Updates that change nothing tallied (assigning, notes, identity)
 * publish nothing.
 *
 * @param before the values before, {@code null} for a new request
 * @param after the values after, {@code null} for a deleted request
 */
public record RequestTallyChanged(RequestTally before, RequestTally after) {

}
