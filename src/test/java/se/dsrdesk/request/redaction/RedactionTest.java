package se.dsrdesk.request.redaction;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

	@Test
	void eachMaskedPassageBecomesTheMarkerOfTheLanguage() {
		String text = "Hej,\n\nVi har [[Per Perssons anteckning\nom dina skulder]] och [[070-123 45 67]]. Klart.";
		assertThat(Redaction.apply(text, Locale.forLanguageTag("sv")))
			.isEqualTo("Hej,\n\nVi har [maskerat] och [maskerat]. Klart.");
		assertThat(Redaction.apply("A [[b]] c", Locale.ENGLISH)).isEqualTo("A [redacted] c");
		assertThat(Redaction.count(text)).isEqualTo(2);
	}

	@Test
	void textWithoutMasksIsUnchanged() {
		String text = "Hej [inte maskerat] och [[ ofullständigt";
		assertThat(Redaction.apply(text, Locale.forLanguageTag("sv"))).isEqualTo(text);
		assertThat(Redaction.count(text)).isZero();
		assertThat(Redaction.count(null)).isZero();
	}

}
