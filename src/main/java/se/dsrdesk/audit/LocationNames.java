package se.dsrdesk.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * The names of data locations that audit events mention by id ({@code location=3}). The
 * location module writes to the trail, so the trail asks through this interface, which
 * that module implements, instead of reading its table.
 */
public interface LocationNames {

	/**
	 * A location's name in a language.
	 * @param id the location's id
	 * @param locale the reader's language
	 * @return its name, empty when there is no such location
	 */
	Optional<String> nameOf(long id, Locale locale);

}
