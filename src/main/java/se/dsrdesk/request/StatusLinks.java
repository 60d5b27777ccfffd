package se.dsrdesk.request;

import java.util.Optional;

/**
 * The person's status link ({@code /request/status/{reference}/{token}}) as a key to
 * their request, for pages under it that other modules serve (the answer's files):
 * checked the same way the status page checks it.
 */
public interface StatusLinks {

	/**
	 * The request a status link opens.
	 * @param reference the request's reference, from the link
	 * @param token the link's secret
	 * @return the request's id, empty when the secret is unknown or belongs to another
	 * reference
	 */
	Optional<Long> requestOf(String reference, String token);

}
