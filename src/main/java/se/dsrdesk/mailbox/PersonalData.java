package se.dsrdesk.mailbox;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The personal data the yearly review recognises in a mail's text: email addresses,
 * Swedish personal identity numbers (personnummer and samordningsnummer, with their check
 * digit) and phone numbers.
 */
final class PersonalData {

	/** What was recognised. */
	enum Kind {

		EMAIL, PERSONNUMMER, PHONE

	}

	private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[\\p{L}]{2,}");

	/** YYMMDD or YYYYMMDD, an optional - or +, four digits. */
	private static final Pattern IDENTITY = Pattern.compile("(?<!\\d)(?:\\d{2})?(\\d{6})[-+]?(\\d{4})(?!\\d)");

	/** +46, 0046 or 0, then 7 to 10 digits with spaces or dashes. */
	private static final Pattern PHONE = Pattern
		.compile("(?<![\\d+])(?:\\+46|0046|0)[ -]?\\(?0?\\)?[1-9](?:[ -]?\\d){6,9}(?!\\d)");

	private PersonalData() {
	}

	/**
	 * What a text mentions.
	 * @param text a mail's subject and body
	 * @return the kinds of personal data found, empty when none
	 */
	static Set<Kind> in(String text) {
		Set<Kind> kinds = EnumSet.noneOf(Kind.class);
		if (text == null || text.isEmpty()) {
			return kinds;
		}
		if (EMAIL.matcher(text).find()) {
			kinds.add(Kind.EMAIL);
		}
		Matcher identity = IDENTITY.matcher(text);
		while (identity.find()) {
			if (isPersonalIdentityNumber(identity.group(1) + identity.group(2))) {
				kinds.add(Kind.PERSONNUMMER);
				break;
			}
		}
		if (PHONE.matcher(text).find()) {
			kinds.add(Kind.PHONE);
		}
		return kinds;
	}

	/**
	 * Whether ten digits are a Swedish personal identity number (Folkbokföringslagen 18
	 * §) or coordination number (18 a §: the day plus 60): a possible month and day, and
	 * the last digit the Luhn check digit of the other nine (Skatteverket, SKV 704).
	 * @param digits ten digits, YYMMDDNNNC
	 * @return {@code true} when it is one
	 */
	static boolean isPersonalIdentityNumber(String digits) {
		if (digits.length() != 10 || !digits.chars().allMatch(Character::isDigit)) {
			return false;
		}
		int month = Integer.parseInt(digits.substring(2, 4));
		int day = Integer.parseInt(digits.substring(4, 6));
		if (day > 60) {
			day -= 60;
		}
		if (month < 1 || month > 12 || day < 1 || day > 31) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 10; i++) {
			int digit = digits.charAt(i) - '0';
			if (i % 2 == 0) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	/**
	 * The email addresses in a text, lower-cased.
	 * @param text any text
	 * @return the addresses
	 */
	static Set<String> emails(String text) {
		Set<String> found = new java.util.HashSet<>();
		if (text != null) {
			Matcher matcher = EMAIL.matcher(text);
			while (matcher.find()) {
				found.add(matcher.group().toLowerCase(Locale.ROOT));
			}
		}
		return found;
	}

}
