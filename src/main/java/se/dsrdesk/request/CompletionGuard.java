package se.dsrdesk.request;

/**
 * Something that must be finished before a request can be completed, such as the
 * per-location tasks. Other packages implement it, so that the request workflow does not
 * depend on them.
 */
public interface CompletionGuard {

	/**
	 * How many things still stand in the way of completing a request.
	 * @param requestId the request
	 * @return the number of open items, {@code 0} when it may be completed
	 */
	long openItems(long requestId);

}
