package se.dsrdesk.mailbox;

import org.junit.jupiter.api.Test;

import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The type a mail's words suggest on the registration form, in Swedish and English, and
 * the language guessed for the answer.
 */
class TypeHintTest {

	@Test
	void swedishWordsSuggestTheirRight() {
		assertThat(TypeHint.of("Radera mina uppgifter")).isEqualTo(RequestType.ERASURE);
		assertThat(TypeHint.of("Jag vill ha ett registerutdrag")).isEqualTo(RequestType.ACCESS);
		assertThat(TypeHint.of("Begär utdrag enligt artikel 15")).isEqualTo(RequestType.ACCESS);
		assertThat(TypeHint.of("Återkalla mitt samtycke")).isEqualTo(RequestType.WITHDRAW_CONSENT);
	}

	@Test
	void englishWordsSuggestTheirRight() {
		assertThat(TypeHint.of("Please erase my account")).isEqualTo(RequestType.ERASURE);
		assertThat(TypeHint.of("Please delete everything")).isEqualTo(RequestType.ERASURE);
		assertThat(TypeHint.of("Subject access request")).isEqualTo(RequestType.ACCESS);
	}

	/**
	 * Unsubscribing objects to direct marketing, which needs no reasons (GDPR Art. 21(2),
	 * (3)).
	 */
	@Test
	void unsubscribingIsAnObjectionToDirectMarketing() {
		assertThat(TypeHint.of("Unsubscribe me")).isEqualTo(RequestType.OBJECTION);
	}

	@Test
	void erasureWinsOverAMentionOfAccess() {
		assertThat(TypeHint.of("I have access to my account but please delete my data")).isEqualTo(RequestType.ERASURE);
	}

	@Test
	void otherMailSuggestsNothing() {
		assertThat(TypeHint.of("Fråga om min faktura")).isNull();
		assertThat(TypeHint.of(null)).isNull();
	}

	@Test
	void theLanguageIsGuessedFromCommonWords() {
		assertThat(TypeHint.looksEnglish("Hello, I would like a copy of my data please")).isTrue();
		assertThat(TypeHint.looksEnglish("Hej, jag vill att ni raderar mina uppgifter")).isFalse();
	}

}
