package se.dsrdesk.account;

import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.dsrdesk.system.ControllerIdentity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff password policy, rule by rule, after NIST SP 800-63B section 3.1.1.2 and
 * OWASP ASVS 5.0 V6.2.
 */
class PasswordPolicyTest {

	static final String EMAIL = "anna.berg@example.com";

	final PasswordPolicy policy = new PasswordPolicy(new ControllerIdentity("Clavis Communications AB", null, null,
			null, null, null, null, null, null, null, null, null));

	Optional<String> problem(String password) {
		return this.policy.problem(password, EMAIL).map(PasswordPolicy.Problem::code);
	}

	@Nested
	@DisplayName("Length: at least 12 characters, up to 256 (NIST SP 800-63B 3.1.1.2; ASVS V6.2.1, V6.2.9)")
	class Length {

		@Test
		void elevenCharactersAreTooFewAndTwelveAreEnough() {
			assertThat(problem("kvist lampa")).contains("password.tooShort");
			assertThat(problem("kvist lampor")).isEmpty();
		}

		@Test
		@DisplayName("Characters count, not bytes: twelve Swedish letters with accents are twelve")
		void charactersCountNotBytes() {
			assertThat(problem("åäöåäöåäöåäx")).isEmpty();
		}

		@Test
		@DisplayName("A 100-character Swedish passphrase is accepted (no silent 72-byte limit)")
		void aLongSwedishPassphraseIsAccepted() {
			String passphrase = "Älgen går över ängen vid sjön medan höstlöven faller tyst på den våta stigen mot gårdens röda ladan.";
			assertThat(passphrase.codePointCount(0, passphrase.length())).isEqualTo(100);
			assertThat(passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
			assertThat(problem(passphrase)).isEmpty();
		}

		@Test
		void moreThan256CharactersAreTooMany() {
			assertThat(problem("ord ".repeat(64) + "x")).contains("password.tooLong");
		}

	}

	@Nested
	@DisplayName("Refused values (NIST SP 800-63B 3.1.1.2: blocklist of common, repetitive and context-specific values; ASVS V6.2.4, V6.2.11)")
	class Refused {

		@ParameterizedTest
		@ValueSource(strings = { "aaaaaaaaaaaa", "            ", "111111111111111" })
		void oneCharacterRepeated(String password) {
			assertThat(problem(password)).contains("password.repetitive");
		}

		@ParameterizedTest
		@ValueSource(strings = { "password1234", "qwertyuiop123", "Password1234!", "PASSWORD12345", "iloveyou2026",
				"monkey123456", "dragon123456" })
		void commonAndBreachedPasswords(String password) {
			assertThat(problem(password)).contains("password.common");
		}

		@Test
		void theEmailAddressOrItsLocalPart() {
			assertThat(problem("Anna.Berg@example.com")).contains("password.likeEmail");
			assertThat(PasswordPolicyTest.this.policy.problem("anna.bergstrom", "anna.bergstrom@example.com"))
				.map(PasswordPolicy.Problem::code)
				.contains("password.likeEmail");
		}

		@Test
		void theCompanyName() {
			assertThat(problem("clavis communications ab")).contains("password.likeCompany");
			assertThat(problem("ClavisCommunicationsAB")).contains("password.likeCompany");
		}

	}

	@Nested
	@DisplayName("No composition rules (NIST SP 800-63B 3.1.1.2; ASVS V6.2.5)")
	class NoCompositionRules {

		@ParameterizedTest
		@ValueSource(strings = { "correct horse battery", "alla lowercase ord här", "fjällräv kanelbulle",
				"1887 kvarnar vid ån" })
		void anyCharactersWithoutRequiredClasses(String password) {
			assertThat(problem(password)).isEmpty();
		}

	}

	@Test
	@DisplayName("The bundled list holds the most common passwords and is read only once")
	void theListIsBundled() {
		assertThat(problem("123456789012")).contains("password.common");
		assertThat(problem("trustno1trustno1")).isEmpty();
	}

	@Test
	@DisplayName("The bundled list holds at least the 100,000 most common passwords (SecLists' top 100,000)")
	void theListHoldsAHundredThousandPasswords() {
		assertThat(PasswordPolicy.commonPasswordCount()).isGreaterThanOrEqualTo(100_000);
		// Near the end of SecLists' top 100,000, and long enough to be a password here
		// on their own: only the new list has them.
		for (String password : new String[] { "modificacion", "configuracion", "bankaccount2" }) {
			assertThat(problem(password)).as(password).contains("password.common");
		}
	}

}
