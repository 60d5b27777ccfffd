package se.dsrdesk.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextSearchTest {

	@Test
	void aSearchTextLosesItsControlCharactersAndKeepsTheRest() {
		assertThat(PlainText.withoutControlCharacters("Å\u0000sa\u0007 Ö\tberg")).isEqualTo("Åsa Ö berg");
		assertThat(PlainText.withoutControlCharacters("plain")).isEqualTo("plain");
		assertThat(PlainText.withoutControlCharacters(null)).isNull();
	}

}
