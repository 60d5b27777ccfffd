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

	/**
	 * GDPR Art. 15(4): a passage masked in a copy is masked in its heading too (a mail's
	 * subject heads the copy of the mail).
	 */
	@Test
	void aPassageMaskedInTheTextIsMaskedInItsTitleToo() {
		String reviewed = "Ämne: Möte med [[Karin\nLund]] om [[070-123 45 67]]\nText: Hej";
		Locale sv = Locale.forLanguageTag("sv");
		assertThat(Redaction.applyLike("2026-01-05 Möte med karin lund om skulder", reviewed, sv))
			.isEqualTo("2026-01-05 Möte med [maskerat] om skulder");
		assertThat(Redaction.applyLike("Ring 070-123 45 67", reviewed, Locale.ENGLISH)).isEqualTo("Ring [redacted]");
		assertThat(Redaction.applyLike("Nothing masked here", reviewed, sv)).isEqualTo("Nothing masked here");
		assertThat(Redaction.applyLike("Karin Lund", "no masks", sv)).isEqualTo("Karin Lund");
		assertThat(Redaction.applyLike(null, reviewed, sv)).isNull();
		assertThat(Redaction.applyLike("a (b) c", "[[(b)]]", sv)).isEqualTo("a [maskerat] c");
	}

}
