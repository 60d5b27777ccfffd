package se.dsrdesk.system;

import java.text.Normalizer;

/**
 * Text as the public form accepts it: Unicode NFC, so that "Å" typed as one character or
 * as "A" plus a ring compares and stores the same, and free of control characters (NUL
 * and the like), which have no place in a name or an address.
 */
public final class PlainText {

	private PlainText() {
	}

	/**
	 * The NFC form of a text, {@code null} kept.
	 * @param text what was typed
	 * @return the normalised text
	 */
	public static String nfc(String text) {
		return (text != null) ? Normalizer.normalize(text, Normalizer.Form.NFC) : null;
	}

	/**
	 * The NFC form of a text of several lines, each line break a single {@code \n} as it
	 * is stored; {@code null} kept.
	 * @param text what was typed
	 * @return the normalised text
	 */
	public static String nfcLines(String text) {
		return (text != null) ? nfc(text).replace("\r\n", "\n") : null;
	}

	/**
	 * An optional text as it is stored: stripped, or {@code null} when nothing but blanks
	 * was given.
	 * @param text the text, may be {@code null}
	 * @return the stripped text, or {@code null}
	 */
	public static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * Whether a text holds a control character: the C0 and C1 controls and DEL, except
	 * line breaks and tabs where those are allowed.
	 * @param text the text, may be {@code null}
	 * @param lineBreaksAllowed whether CR, LF and tab are allowed
	 * @return {@code true} when the text should be refused
	 */
	public static boolean hasControlCharacters(String text, boolean lineBreaksAllowed) {
		if (text == null) {
			return false;
		}
		return text.codePoints()
			.anyMatch((c) -> Character.getType(c) == Character.CONTROL
					&& !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t')));
	}

	/**
	 * A text without its control characters (CR, LF and tab become spaces), for a value
	 * that is only searched for, never stored, such as a search box's.
	 * @param text the text, may be {@code null}
	 * @return the text without them, {@code null} kept
	 */
	public static String withoutControlCharacters(String text) {
		if (text == null || !hasControlCharacters(text, false)) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			if (c == '\n' || c == '\r' || c == '\t') {
				kept.append(' ');
			}
			else if (Character.getType(c) != Character.CONTROL) {
				kept.appendCodePoint(c);
			}
		});
		return kept.toString();
	}

}
