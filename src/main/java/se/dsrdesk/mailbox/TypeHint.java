package se.dsrdesk.mailbox;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import se.dsrdesk.request.RequestType;

/**
 * The type of request a mail's words suggest, in Swedish or English, for the registration
 * form: only a suggestion, which the case handler confirms or changes. The first type
 * whose words appear wins, in an order that puts the clearer wishes first (someone who
 * asks to be erased often also mentions their data). Unsubscribing is an objection to
 * direct marketing (GDPR Art. 21(2) and (3)), which needs no reasons.
 */
final class TypeHint {

	private static final Map<RequestType, List<String>> WORDS = new LinkedHashMap<>();

	static {
		WORDS.put(RequestType.ERASURE, List.of("radera", "radering", "ta bort", "tas bort", "glom", "erase", "erasure",
				"delete", "deletion", "remove my", "forget me", "right to be forgotten"));
		WORDS.put(RequestType.WITHDRAW_CONSENT,
				List.of("aterkalla", "samtycke", "withdraw my consent", "withdraw consent"));
		WORDS.put(RequestType.OBJECTION, List.of("invandning", "invander", "object to", "objection", "direktreklam",
				"direct marketing", "unsubscribe", "avsluta prenumeration", "avregistrera", "nyhetsbrev"));
		WORDS.put(RequestType.RECTIFICATION, List.of("rattelse", "ratta mina", "ratta uppgift", "felaktig", "rectify",
				"rectification", "correct my", "incorrect"));
		WORDS.put(RequestType.RESTRICTION, List.of("begransning", "begransa", "restrict", "restriction"));
		WORDS.put(RequestType.PORTABILITY, List.of("dataportabilitet", "flytta mina", "portability", "port my data"));
		WORDS.put(RequestType.ACCESS, List.of("registerutdrag", "utdrag", "tillgang", "vilka uppgifter", "insyn",
				"access", "subject access", "copy of my data", "what data", "artikel 15", "article 15"));
	}

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

	private static final java.util.Set<String> ENGLISH = java.util.Set.of("the", "my", "please", "i", "you", "your",
			"data", "and", "would", "like", "request", "of");

	private static final java.util.Set<String> SWEDISH = java.util.Set.of("jag", "och", "mina", "min", "att", "vill",
			"ni", "er", "om", "hej", "tack", "uppgifter", "det");

	private TypeHint() {
	}

	/**
	 * Whether a mail reads as English rather than Swedish, for the language the answer is
	 * suggested in.
	 * @param text the mail's subject and text
	 * @return {@code true} when it has more common English words than Swedish ones
	 */
	static boolean looksEnglish(String text) {
		int english = 0;
		int swedish = 0;
		java.util.regex.Matcher words = WORD.matcher((text != null) ? text.toLowerCase(Locale.ROOT) : "");
		while (words.find()) {
			String word = words.group();
			english += ENGLISH.contains(word) ? 1 : 0;
			swedish += SWEDISH.contains(word) ? 1 : 0;
		}
		return english > swedish;
	}

	/**
	 * The suggested type.
	 * @param text the mail's subject and text
	 * @return the type whose words appear first in the order above, or {@code null}
	 */
	static RequestType of(String text) {
		if (text == null) {
			return null;
		}
		String plain = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
			.replaceAll("");
		for (Map.Entry<RequestType, List<String>> entry : WORDS.entrySet()) {
			for (String word : entry.getValue()) {
				if (plain.contains(word)) {
					return entry.getKey();
				}
			}
		}
		return null;
	}

}
