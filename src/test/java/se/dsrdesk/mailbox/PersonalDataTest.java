package se.dsrdesk.mailbox;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.dsrdesk.mailbox.PersonalData.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/** What the yearly mailbox review recognises as personal data in a mail's text. */
class PersonalDataTest {

	@Nested
	@DisplayName("Personal identity numbers: Folkbokföringslagen 18 § and 18 a §, Luhn check digit (SKV 704)")
	class IdentityNumbers {

		@Test
		void acceptsAValidNumberInEveryUsualWriting() {
			assertThat(PersonalData.isPersonalIdentityNumber("8112189876")).isTrue();
			assertThat(PersonalData.in("pnr 811218-9876")).contains(Kind.PERSONNUMMER);
			assertThat(PersonalData.in("pnr 19811218-9876")).contains(Kind.PERSONNUMMER);
			assertThat(PersonalData.in("pnr 8112189876")).contains(Kind.PERSONNUMMER);
			assertThat(PersonalData.in("född 121212+1212, över hundra")).contains(Kind.PERSONNUMMER);
		}

		@Test
		void acceptsACoordinationNumberWithTheDayPlusSixty() {
			assertThat(PersonalData.isPersonalIdentityNumber("7010632391")).isTrue();
		}

		@Test
		void refusesAWrongCheckDigitOrAnImpossibleDate() {
			assertThat(PersonalData.isPersonalIdentityNumber("8112189875")).isFalse();
			assertThat(PersonalData.isPersonalIdentityNumber("8113189876")).isFalse();
			assertThat(PersonalData.in("order 811218-9875")).doesNotContain(Kind.PERSONNUMMER);
			assertThat(PersonalData.in("invoice 1234567890123")).doesNotContain(Kind.PERSONNUMMER);
		}

	}

	@Test
	void recognisesEmailAddressesInAnyCase() {
		assertThat(PersonalData.in("skriv till Asa.Oberg@Example.SE")).containsExactly(Kind.EMAIL);
		assertThat(PersonalData.emails("A@B.se och c@d.com")).containsExactlyInAnyOrder("a@b.se", "c@d.com");
	}

	@Test
	void recognisesSwedishPhoneNumbers() {
		assertThat(PersonalData.in("ring 070-123 45 67")).containsExactly(Kind.PHONE);
		assertThat(PersonalData.in("ring +46 70 123 45 67")).containsExactly(Kind.PHONE);
		assertThat(PersonalData.in("ring 08-123 456 78")).containsExactly(Kind.PHONE);
	}

	@Test
	void findsNothingInPlainText() {
		assertThat(PersonalData.in("Tack för mötet i går, vi ses 2026-05-04 kl. 10.")).isEmpty();
		assertThat(PersonalData.in(null)).isEmpty();
	}

}
