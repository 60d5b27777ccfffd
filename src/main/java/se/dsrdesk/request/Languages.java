package se.dsrdesk.request;

import java.util.Set;

/**
 * The languages requests are handled in.
 */
final class Languages {

	static final Set<String> SUPPORTED = Set.of("sv", "en");

	private Languages() {
	}

	static String check(String language) {
		if (!SUPPORTED.contains(language)) {
			throw new IllegalArgumentException("Unsupported language: " + language);
		}
		return language;
	}

}
