package se.dsrdesk.location;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A country as the register has it (typed in English or Swedish, or as its ISO code),
 * written in a letter's language: "Sweden", "Sverige" and "SE" are all "Sverige" in a
 * Swedish letter. The names are the JDK's (CLDR) display names; a text that names no
 * country it knows is left as typed.
 */
final class Countries {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	/** Names people write that are not the display names. */
	private static final Map<String, String> ALIASES = Map.of("usa", "US", "u.s.", "US", "u.s.a.", "US",
			"united states of america", "US", "uk", "GB", "great britain", "GB", "england", "GB", "storbritannien",
			"GB", "holland", "NL");

	private static final Map<String, String> CODES = codes();

	private Countries() {
	}

	private static Map<String, String> codes() {
		Map<String, String> codes = new HashMap<>(ALIASES);
		for (String code : Locale.getISOCountries()) {
			Locale region = new Locale.Builder().setRegion(code).build();
			codes.putIfAbsent(code.toLowerCase(Locale.ROOT), code);
			codes.putIfAbsent(region.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
			codes.putIfAbsent(region.getDisplayCountry(SWEDISH).toLowerCase(SWEDISH), code);
		}
		return Map.copyOf(codes);
	}

	/**
	 * The country in a letter's language. English letters keep the text as typed; Swedish
	 * letters have the Swedish name of the country it names.
	 * @param typed the country as the register has it, may be {@code null}
	 * @param locale the letter's language
	 * @return the name to write, or {@code null} for {@code null}
	 */
	static String in(String typed, Locale locale) {
		if (typed == null || locale == null || !"sv".equals(locale.getLanguage())) {
			return typed;
		}
		String code = CODES.get(typed.strip().toLowerCase(SWEDISH));
		if (code == null) {
			code = CODES.get(typed.strip().toLowerCase(Locale.ROOT));
		}
		return (code != null) ? new Locale.Builder().setRegion(code).build().getDisplayCountry(SWEDISH) : typed;
	}

}
