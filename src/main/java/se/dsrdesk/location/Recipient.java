package se.dsrdesk.location;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import se.dsrdesk.system.PlainText;

/**
 * Someone the data is disclosed to: a processor working for the company, or another
 * recipient. A country outside the EU/EEA needs a transfer safeguard.
 */
@Embeddable
public class Recipient {

	/** Whether a recipient processes the data for the company or receives it. */
	public enum Role {

		PROCESSOR, RECIPIENT

	}

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(nullable = false)
	private String country;

	private String safeguard;

	@Column(name = "safeguard_sv")
	private String safeguardSv;

	protected Recipient() {
	}

	public Recipient(String name, Role role, String country, String safeguard) {
		this(name, role, country, safeguard, null);
	}

	/**
	 * A recipient with the basis of the transfer in English and in Swedish.
	 * @param name who it is
	 * @param role processor or recipient
	 * @param country where it is
	 * @param safeguard the basis of a transfer outside the EU/EEA, in English, or
	 * {@code null}
	 * @param safeguardSv the same in Swedish, or {@code null}
	 */
	public Recipient(String name, Role role, String country, String safeguard, String safeguardSv) {
		this.name = name.strip();
		this.role = role;
		this.country = country.strip();
		this.safeguard = PlainText.blankToNull(safeguard);
		this.safeguardSv = PlainText.blankToNull(safeguardSv);
	}

	public String getName() {
		return this.name;
	}

	public Role getRole() {
		return this.role;
	}

	public String getCountry() {
		return this.country;
	}

	public String getSafeguard() {
		return this.safeguard;
	}

	public String getSafeguardSv() {
		return this.safeguardSv;
	}

	/**
	 * The country in a letter's language: in a Swedish letter its Swedish name
	 * ("Sverige", "USA", "Irland"), whether the register has it in English, in Swedish or
	 * as its ISO code; in an English letter as the register has it.
	 * @param locale the letter's language
	 * @return the country's name
	 */
	public String country(Locale locale) {
		return Countries.in(this.country, locale);
	}

	/**
	 * The basis of the transfer in a letter's language: the Swedish text in Swedish where
	 * there is one, otherwise the English.
	 * @param locale the letter's language
	 * @return the text, or {@code null} where none is recorded
	 */
	public String safeguard(Locale locale) {
		boolean swedish = locale != null && "sv".equals(locale.getLanguage());
		return (swedish && this.safeguardSv != null) ? this.safeguardSv
				: (this.safeguard != null) ? this.safeguard : this.safeguardSv;
	}

}
