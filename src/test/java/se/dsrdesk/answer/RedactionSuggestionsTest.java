package se.dsrdesk.answer;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.dsrdesk.answer.RedactionSuggestions.Kind;
import se.dsrdesk.answer.RedactionSuggestions.Suggestion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The passages suggested for masking in the answer package (GDPR Art. 15(4): the copy
 * must not adversely affect the rights and freedoms of others).
 */
class RedactionSuggestionsTest {

	@Nested
	class PersonalIdentityNumbers {

		/**
		 * The check digit is the Luhn (modulus 10) digit over YYMMDDNNN (Skatteverket,
		 * SKV 704, "Personnummer").
		 */
		@Test
		void aNumberWithItsLuhnCheckDigitIsSuggestedInEveryWriting() {
			assertThat(kinds("Anteckning om 811218-9876 i ärendet.")).containsExactly(Kind.PERSONAL_NUMBER);
			assertThat(kinds("Anteckning om 19811218-9876.")).containsExactly(Kind.PERSONAL_NUMBER);
			assertThat(kinds("Anteckning om 198112189876.")).containsExactly(Kind.PERSONAL_NUMBER);
		}

		@Test
		void aWrongCheckDigitOrAnImpossibleDateIsNot() {
			assertThat(kinds("Ordernummer 811218-9875.")).isEmpty();
			assertThat(RedactionSuggestions.isPersonnummer("81", "13", "18", "9876")).isFalse();
		}

		/** A coordination number has the day of birth plus 60 (SKV 707). */
		@Test
		void aCoordinationNumberIsSuggested() {
			assertThat(RedactionSuggestions.isPersonnummer("70", "10", "63", "2391")).isTrue();
			assertThat(RedactionSuggestions.luhn("7010632391")).isTrue();
		}

	}

	@Nested
	class ContactDetails {

		@Test
		void othersEmailAddressesAreSuggestedButNotThePersonsOwn() {
			List<Suggestion> found = RedactionSuggestions.find("From: erik@example.com\nCc: per.persson@example.org\n",
					"Erik@Example.com", null, List.of());
			assertThat(found).extracting(Suggestion::text).containsExactly("per.persson@example.org");
		}

		@Test
		void othersPhoneNumbersAreSuggestedButNotThePersonsOwnInEitherWriting() {
			List<Suggestion> found = RedactionSuggestions.find("Ring mig på 070-123 45 67 eller Per på 08-555 123 45.",
					null, "+46 70 123 45 67", List.of());
			assertThat(found).extracting(Suggestion::text).containsExactly("08-555 123 45");
		}

	}

	@Test
	void theNamesTheHandlerListsAreSuggestedWithoutRegardToCase() {
		List<Suggestion> found = RedactionSuggestions.find("Per Persson wrote about per persson's debts.", null, null,
				List.of("Per Persson"));
		assertThat(found).extracting(Suggestion::kind).containsExactly(Kind.NAME, Kind.NAME);
	}

	@Test
	void aPassageAlreadyMaskedIsNotSuggestedAgain() {
		assertThat(kinds("Note: [[per@example.org]] and 811218-9876")).containsExactly(Kind.PERSONAL_NUMBER);
	}

	@Test
	void maskingEverySuggestionPutsEachBetweenBrackets() {
		String text = "Per Persson, per@example.org, 811218-9876.";
		String masked = RedactionSuggestions.maskAll(text,
				RedactionSuggestions.find(text, null, null, List.of("Per Persson")));
		assertThat(masked).isEqualTo("[[Per Persson]], [[per@example.org]], [[811218-9876]].");
	}

	private static List<Kind> kinds(String text) {
		return RedactionSuggestions.find(text, null, null, List.of()).stream().map(Suggestion::kind).toList();
	}

}
