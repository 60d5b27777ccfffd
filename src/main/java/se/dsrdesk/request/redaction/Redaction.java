package se.dsrdesk.request.redaction;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masked passages of an answer: in the review the case handler puts a passage that
 * concerns other people between {@code [[} and {@code ]]}; when the answer is sent, each
 * one is replaced by a visible marker ("[maskerat]" in Swedish, "[redacted]" in English),
 * before the text becomes the approved answer from which the mail and every file are
 * built.
 */
public final class Redaction {

	/**
	 * A masked passage: the shortest text between {@code [[} and {@code ]]}, across
	 * lines.
	 */
	static final Pattern MASKED = Pattern.compile("\\[\\[(.+?)]]", Pattern.DOTALL);

	private Redaction() {
	}

	/**
	 * The marker that replaces a masked passage.
	 * @param locale the answer's language
	 * @return "[maskerat]" in Swedish, "[redacted]" otherwise
	 */
	public static String marker(Locale locale) {
		return "sv".equals(locale.getLanguage()) ? "[maskerat]" : "[redacted]";
	}

	/**
	 * The text with every masked passage replaced by the marker.
	 * @param text the text as reviewed
	 * @param locale the answer's language
	 * @return the text as it is sent
	 */
	public static String apply(String text, Locale locale) {
		return MASKED.matcher(text).replaceAll(Matcher.quoteReplacement(marker(locale)));
	}

	/**
	 * How many passages are masked.
	 * @param text the text as reviewed
	 * @return the number of masked passages
	 */
	public static long count(String text) {
		return (text != null) ? MASKED.matcher(text).results().count() : 0;
	}

}
