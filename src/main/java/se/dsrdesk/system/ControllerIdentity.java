package se.dsrdesk.system;

import java.time.ZoneId;

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
 * @param country the country
 * @param privacyEmail where people reach the controller about personal data
 * @param supervisoryAuthority the supervisory authority a person may complain to
 * @param supervisoryAuthorityUrl the supervisory authority's web address
 * @param timeZone the controller's time zone, which decides receipt dates and deadlines
 */
@ConfigurationProperties("dsr.controller")
public record ControllerIdentity(@DefaultValue("Clavis Communications AB") String name,
		@DefaultValue("556476-4826") String organisationNumber, @DefaultValue("Norra Vallgatan 4") String streetAddress,
		@DefaultValue("223 62") String postalCode, @DefaultValue("Lund") String city,
		@DefaultValue("Sweden") String country, @DefaultValue("marcus@clavis.com") String privacyEmail,
		@DefaultValue("Integritetsskyddsmyndigheten (IMY)") String supervisoryAuthority,
		@DefaultValue("https://www.imy.se") String supervisoryAuthorityUrl,
		@DefaultValue("Europe/Stockholm") ZoneId timeZone) {

	/**
	 * The postal address on one line.
	 * @return street, postal code, city and country
	 */
	public String addressLine() {
		return this.streetAddress + ", " + this.postalCode + " " + this.city + ", " + this.country;
	}

}
