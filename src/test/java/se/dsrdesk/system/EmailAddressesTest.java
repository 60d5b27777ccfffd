package se.dsrdesk.system;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email addresses compare equal however they were typed: surrounding spaces, upper case
 * and compatibility characters such as full-width letters do not matter.
 */
class EmailAddressesTest {

	@Nested
	class Normalise {

		@Test
		void trimsSurroundingWhitespace() {
			assertThat(EmailAddresses.normalise("  anna@example.com\t\n")).isEqualTo("anna@example.com");
		}

		@Test
		void trimsUnicodeWhitespaceToo() {
			assertThat(EmailAddresses.normalise("\u2003anna@example.com\u3000")).isEqualTo("anna@example.com");
		}

		@Test
		void lowerCasesIndependentlyOfTheDefaultLocale() {
			assertThat(EmailAddresses.normalise("Anna.Svensson@Example.COM")).isEqualTo("anna.svensson@example.com");
			assertThat(EmailAddresses.normalise("INGRID@EXAMPLE.COM")).isEqualTo("ingrid@example.com");
		}

		@Test
		void foldsFullWidthAndOtherCompatibilityCharacters() {
			assertThat(EmailAddresses.normalise("\uFF21\uFF4E\uFF4E\uFF41\uFF20example.com"))
				.isEqualTo("anna@example.com");
			assertThat(EmailAddresses.normalise("\uFB00@example.com")).isEqualTo("ff@example.com");
		}

		@Test
		void composesCombiningAccents() {
			assertThat(EmailAddresses.normalise("go\u0308ran@example.se")).isEqualTo("g\u00f6ran@example.se");
		}

		@Test
		void turnsNullIntoAnEmptyString() {
			assertThat(EmailAddresses.normalise(null)).isEmpty();
		}

	}

	@Nested
	class Digest {

		/** {@code printf 'anna@example.com' | sha256sum} */
		static final String SHA_256_OF_ANNA = "f7d54c22dda5b1780276601cd005909b70543fc4a6ba72d735b4cb9bbb611f01";

		@Test
		void isSixtyFourHexadecimalCharacters() {
			assertThat(EmailAddresses.digest("anna@example.com")).hasSize(64).matches("[0-9a-f]{64}");
		}

		@Test
		void isTheSha256OfTheNormalisedAddress() {
			// A change of algorithm would silently unlock every locked login name.
			assertThat(EmailAddresses.digest("anna@example.com")).isEqualTo(SHA_256_OF_ANNA);
			assertThat(EmailAddresses.digest("anna@example.com")).isEqualTo(EmailAddresses.digest("anna@example.com"));
		}

		@Test
		void isTheSameHoweverTheAddressWasTyped() {
			assertThat(EmailAddresses.digest(" ANNA@example.com "))
				.isEqualTo(EmailAddresses.digest("anna@example.com"));
			assertThat(EmailAddresses.digest("\uFF41nna@example.com"))
				.isEqualTo(EmailAddresses.digest("anna@example.com"));
		}

		@Test
		void differsForDifferentAddresses() {
			assertThat(EmailAddresses.digest("anna@example.com"))
				.isNotEqualTo(EmailAddresses.digest("anne@example.com"));
		}

		@Test
		void keepsTheAddressOutOfTheKey() {
			assertThat(EmailAddresses.digest("anna@example.com")).doesNotContain("anna");
		}

	}

}
