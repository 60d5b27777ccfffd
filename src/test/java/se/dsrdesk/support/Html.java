package se.dsrdesk.support;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Reads what a test needs from a rendered page: the text of an element with an id, the
 * value of an input, whether a checkbox is ticked.
 */
public final class Html {

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern TAG = Pattern.compile("<[^>]+>");

	private Html() {
	}

	/**
	 * The text of the element with an id, tags removed, entities decoded and whitespace
	 * collapsed.
	 * @param html the page
	 * @param id the element's id
	 * @return the text, or empty when there is no such element
	 */
	public static Optional<String> textOf(String html, String id) {
		Matcher matcher = Pattern
			.compile("<(\\w+)\\b[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
			.matcher(html);
		if (!matcher.find()) {
			return Optional.empty();
		}
		String text = TAG.matcher(matcher.group(2)).replaceAll(" ");
		return Optional.of(HtmlUtils.htmlUnescape(text).replaceAll("\\s+", " ").strip());
	}

	/**
	 * The value of the input with an id.
	 * @param html the page
	 * @param id the input's id
	 * @return the value, or empty when there is no such input or it has no value
	 */
	public static Optional<String> valueOf(String html, String id) {
		Matcher matcher = INPUT.matcher(html);
		while (matcher.find()) {
			String input = matcher.group();
			if (input.contains(" id=\"" + id + "\"")) {
				return attribute(input, "value");
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the checkbox with a name and a value is ticked.
	 * @param html the page
	 * @param name the checkbox's name
	 * @param value the checkbox's value
	 * @return whether it is checked
	 */
	public static boolean isChecked(String html, String name, String value) {
		Matcher matcher = INPUT.matcher(html);
		while (matcher.find()) {
			String input = matcher.group();
			if (input.contains(" name=\"" + name + "\"") && input.contains(" value=\"" + value + "\"")) {
				return input.matches("(?s).*\\schecked(=\"checked\")?[\\s/>].*");
			}
		}
		throw new IllegalArgumentException("No input " + name + "=" + value);
	}

	private static Optional<String> attribute(String tag, String name) {
		Matcher matcher = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
		return matcher.find() ? Optional.of(HtmlUtils.htmlUnescape(matcher.group(1))) : Optional.empty();
	}

}
