package se.dsrdesk.request.rules;

import java.util.Set;

/**
 * The languages requests are handled in.
 */
public final class Languages {

	public static final Set<String> SUPPORTED = Set.of("sv", "en");

	private Languages() {
	}

	public static String check(String language) {
		if (!SUPPORTED.contains(language)) {
			throw new IllegalArgumentException("Unsupported language: " + language);
		}
		return language;
	}

}
