package se.dsrdesk.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The references of the requests that audit events are about. The audit trail depends on
 * no other module, while the request module writes to it; so the trail asks through this
 * interface, which the request module implements, instead of reading the request table.
 */
public interface RequestReferences {

	/**
	 * The references of some requests.
	 * @param ids request ids, duplicates and {@code null}s allowed
	 * @return the reference of each request found, by id
	 */
	Map<Long, String> referencesOf(Collection<Long> ids);

	/**
	 * The id of the request with a reference.
	 * @param reference the reference, exactly as stored
	 * @return its id, empty when there is none
	 */
	Optional<Long> idOf(String reference);

}
