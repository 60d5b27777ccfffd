package se.dsrdesk.answer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passages of a text in the answer package that may concern other people than the person
 * (GDPR Art. 15(4): the copy must not adversely affect the rights of others), suggested
 * to the case handler for masking: Swedish personal identity and coordination numbers
 * that pass the Luhn check (Skatteverket, SKV 704), email addresses and phone numbers
 * other than the person's own, and the names the handler lists. Passages already masked
 * ({@code [[...]]}) are not suggested again. Suggestions only: the handler decides.
 */
final class RedactionSuggestions {

	/** YYMMDD or YYYYMMDD, an optional '-' or '+', four digits. */
	private static final Pattern PERSONNUMMER = Pattern
		.compile("(?<![\\d-])(?:(?:19|20)?(\\d{2}))(\\d{2})(\\d{2})[-+]?(\\d{4})(?![\\d-])");

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

	/**
	 * Swedish and international numbers: +46 70 123 45 67, 070-123 45 67, 08-12 34 56.
	 */
	private static final Pattern PHONE = Pattern
		.compile("(?<![\\w+])(?:\\+\\d{2}[\\s-]?|0)\\d{1,3}(?:[\\s-]?\\d{2,4}){2,4}(?!\\d)");

	private static final Pattern MASKED = Pattern.compile("\\[\\[(.+?)]]", Pattern.DOTALL);

	private RedactionSuggestions() {
	}

	/**
	 * The suggestions in a text, in the order they appear, without overlaps.
	 * @param text the text as reviewed
	 * @param ownEmail the person's email address, not suggested; may be {@code null}
	 * @param ownPhone the person's phone number, not suggested; may be {@code null}
	 * @param names names the handler listed (other people), matched without regard to
	 * case
	 * @return the suggestions
	 */
	static List<Suggestion> find(String text, String ownEmail, String ownPhone, Collection<String> names) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<int[]> masked = new ArrayList<>();
		Matcher m = MASKED.matcher(text);
		while (m.find()) {
			masked.add(new int[] { m.start(), m.end() });
		}
		List<Suggestion> found = new ArrayList<>();
		m = PERSONNUMMER.matcher(text);
		while (m.find()) {
			if (isPersonnummer(m.group(1), m.group(2), m.group(3), m.group(4))) {
				found.add(new Suggestion(Kind.PERSONAL_NUMBER, m.start(), m.end(), m.group()));
			}
		}
		m = EMAIL.matcher(text);
		while (m.find()) {
			if (ownEmail == null || !m.group().equalsIgnoreCase(ownEmail.strip())) {
				found.add(new Suggestion(Kind.EMAIL, m.start(), m.end(), m.group()));
			}
		}
		String own = digits(ownPhone);
		m = PHONE.matcher(text);
		while (m.find()) {
			String digits = digits(m.group());
			if (digits.length() >= 7 && (own.isEmpty() || !samePhone(digits, own))) {
				found.add(new Suggestion(Kind.PHONE, m.start(), m.end(), m.group()));
			}
		}
		String lower = text.toLowerCase(Locale.ROOT);
		for (String name : names) {
			String wanted = name.strip().toLowerCase(Locale.ROOT);
			if (wanted.length() < 2) {
				continue;
			}
			int at = lower.indexOf(wanted);
			while (at >= 0) {
				found
					.add(new Suggestion(Kind.NAME, at, at + wanted.length(), text.substring(at, at + wanted.length())));
				at = lower.indexOf(wanted, at + wanted.length());
			}
		}
		found.sort(Comparator.comparingInt(Suggestion::start).thenComparing((s) -> -s.end()));
		List<Suggestion> result = new ArrayList<>();
		int end = -1;
		for (Suggestion s : found) {
			if (s.start() >= end && masked.stream().noneMatch((r) -> s.start() < r[1] && s.end() > r[0])) {
				result.add(s);
				end = s.end();
			}
		}
		return result;
	}

	/**
	 * The text with every suggestion masked ({@code [[...]]}).
	 * @param text the text
	 * @param suggestions its suggestions, as {@link #find} gave them
	 * @return the text with the suggestions between {@code [[} and {@code ]]}
	 */
	static String maskAll(String text, List<Suggestion> suggestions) {
		StringBuilder out = new StringBuilder(text.length() + suggestions.size() * 4);
		int at = 0;
		for (Suggestion s : suggestions) {
			out.append(text, at, s.start()).append("[[").append(text, s.start(), s.end()).append("]]");
			at = s.end();
		}
		return out.append(text.substring(at)).toString();
	}

	/**
	 * A Swedish personal identity number (or a coordination number, day + 60): a valid
	 * month and day and the Luhn check digit over the ten digits YYMMDDNNNC.
	 */
	static boolean isPersonnummer(String yy, String mm, String dd, String last4) {
		int month = Integer.parseInt(mm);
		int day = Integer.parseInt(dd);
		if (day > 60) {
			day -= 60;
		}
		if (month < 1 || month > 12 || day < 1 || day > 31) {
			return false;
		}
		return luhn(yy + mm + dd + last4);
	}

	static boolean luhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int d = digits.charAt(i) - '0';
			if (i % 2 == 0) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
		}
		return sum % 10 == 0;
	}

	private static String digits(String phone) {
		return (phone != null) ? phone.replaceAll("\\D", "") : "";
	}

	/** The same number, written nationally (070...) or internationally (4670...). */
	private static boolean samePhone(String a, String b) {
		return national(a).equals(national(b));
	}

	private static String national(String digits) {
		if (digits.startsWith("46")) {
			return "0" + digits.substring(2);
		}
		return digits;
	}

	/** What a suggestion looks like. */
	enum Kind {

		PERSONAL_NUMBER, EMAIL, PHONE, NAME

	}

	/**
	 * A passage suggested for masking.
	 *
	 * @param kind what it looks like
	 * @param start where it starts in the text
	 * @param end where it ends (exclusive)
	 * @param text the passage
	 */
	record Suggestion(Kind kind, int start, int end, String text) {
	}

}
