package se.dsrdesk.request.redaction;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
	 * Another text about the same passage (a section's title, such as a mail's subject
	 * shown as the heading of its copy) masked like the reviewed text: every passage
	 * masked in the review is replaced by the marker wherever it stands in the other text
	 * too, without regard to case. Art. 15(4): what the case handler masked in a copy
	 * must not go out beside it.
	 * @param other the other text; may be {@code null}
	 * @param reviewed the text as reviewed, masked passages between {@code [[} and
	 * {@code ]]}; may be {@code null}
	 * @param locale the answer's language
	 * @return the other text with the reviewed text's masked passages replaced
	 */
	public static String applyLike(String other, String reviewed, Locale locale) {
		if (other == null || reviewed == null) {
			return other;
		}
		List<String> passages = MASKED.matcher(reviewed)
			.results()
			.map((m) -> m.group(1).strip().replaceAll("\\s+", " "))
			.filter((passage) -> passage.length() >= 2)
			.distinct()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
		String result = other;
		for (String passage : passages) {
			// the words of the passage, any white space between them
			String words = Arrays.stream(passage.split(" ")).map(Pattern::quote).collect(Collectors.joining("\\s+"));
			Pattern exact = Pattern.compile(words, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
			result = exact.matcher(result).replaceAll(Matcher.quoteReplacement(marker(locale)));
		}
		return result;
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
