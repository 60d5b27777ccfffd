package se.dsrdesk.system;

import java.time.ZoneId;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The data controller this installation serves: named on every public page and in every
 * letter.
 *
 * @param name the company name
 * @param organisationNumber the company's registration number
 * @param streetAddress the street address
 * @param postalCode the postal code
 * @param city the city
 * @param country the country, in English
 * @param countrySv the country, in Swedish (letters and pages in Swedish)
 * @param privacyEmail where people reach the controller about personal data
 * @param supervisoryAuthority the supervisory authority a person may complain to
 * @param supervisoryAuthorityUrl the supervisory authority's web address
 * @param supervisoryAuthorityAddress the supervisory authority's postal address, without
 * the country, which letters in English add
 * @param timeZone the controller's time zone, which decides receipt dates and deadlines
 */
@ConfigurationProperties("dsr.controller")
public record ControllerIdentity(@DefaultValue("Clavis Communications AB") String name,
		@DefaultValue("556476-4826") String organisationNumber, @DefaultValue("Norra Vallgatan 4") String streetAddress,
		@DefaultValue("223 62") String postalCode, @DefaultValue("Lund") String city,
		@DefaultValue("Sweden") String country, @DefaultValue("Sverige") String countrySv,
		@DefaultValue("marcus@clavis.com") String privacyEmail,
		@DefaultValue("Integritetsskyddsmyndigheten (IMY)") String supervisoryAuthority,
		@DefaultValue("https://www.imy.se") String supervisoryAuthorityUrl,
		@DefaultValue("Box 8114, 104 20 Stockholm") String supervisoryAuthorityAddress,
		@DefaultValue("Europe/Stockholm") ZoneId timeZone) {

	/**
	 * The postal address on one line, in English.
	 * @return street, postal code, city and country
	 */
	public String addressLine() {
		return addressLine(Locale.ENGLISH);
	}

	/**
	 * The postal address on one line, the country named in the reader's language.
	 * @param locale the reader's language: Swedish, or English for anything else
	 * @return street, postal code, city and country
	 */
	public String addressLine(Locale locale) {
		return this.streetAddress + ", " + this.postalCode + " " + this.city + ", " + country(locale);
	}

	/**
	 * The controller's country in the reader's language.
	 * @param locale the reader's language: Swedish, or English for anything else
	 * @return {@link #countrySv()} for Swedish, otherwise {@link #country()}
	 */
	public String country(Locale locale) {
		return (locale != null && "sv".equals(locale.getLanguage())) ? this.countrySv : this.country;
	}

	/**
	 * The supervisory authority's postal address as a letter gives it: in Swedish as set,
	 * in English with the controller's country after it (the authority is the one where
	 * the controller is established).
	 * @param locale the reader's language
	 * @return the postal address on one line
	 */
	public String supervisoryAuthorityAddress(Locale locale) {
		return (locale != null && "sv".equals(locale.getLanguage())) ? this.supervisoryAuthorityAddress
				: this.supervisoryAuthorityAddress + ", " + this.country;
	}

}
