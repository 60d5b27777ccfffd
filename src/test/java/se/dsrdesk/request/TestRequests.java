package se.dsrdesk.request;

import se.dsrdesk.audit.Actor;

/**
 * Closes requests for tests in other packages that need a completed or refused request
 * and do not test the letter. The workflow's own steps ({@link RequestService#answer} and
 * the refusal with a ground) send the letter; these do not, so they are not public in
 * {@link RequestService}.
 */
public final class TestRequests {

	private TestRequests() {
	}

	/**
	 * Completes the request without a letter.
	 * @param requests the service
	 * @param id the request
	 * @param actor who completes it
	 * @return the request
	 */
	public static DsrRequest complete(RequestService requests, long id, Actor actor) {
		return requests.complete(id, null, actor);
	}

	/**
	 * Refuses the request without a ground and without a letter.
	 * @param requests the service
	 * @param id the request
	 * @param reason the reason recorded
	 * @param actor who refuses it
	 * @return the request
	 */
	public static DsrRequest reject(RequestService requests, long id, String reason, Actor actor) {
		return requests.reject(id, null, reason, actor);
	}

}
