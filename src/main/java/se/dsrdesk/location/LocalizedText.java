package se.dsrdesk.location;

import java.util.Locale;

import jakarta.persistence.Embeddable;

import se.dsrdesk.system.PlainText;

/**
 * A text of the register in Swedish and English. Each is shown in the reader's language,
 * or in the other one when it has not been written in theirs.
 *
 * @param sv the Swedish text, may be {@code null}
 * @param en the English text, may be {@code null}
 */
@Embeddable
public record LocalizedText(String sv, String en) {

	public LocalizedText {
		sv = PlainText.blankToNull(sv);
		en = PlainText.blankToNull(en);
	}

	/**
	 * The text for a reader.
	 * @param locale the reader's locale
	 * @return the text in their language, else in the other, else an empty string
	 */
	public String in(Locale locale) {
		boolean swedish = locale != null && "sv".equals(locale.getLanguage());
		String first = swedish ? this.sv : this.en;
		String second = swedish ? this.en : this.sv;
		return (first != null) ? first : (second != null) ? second : "";
	}

	public boolean isEmpty() {
		return this.sv == null && this.en == null;
	}

}
