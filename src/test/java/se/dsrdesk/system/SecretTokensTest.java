package se.dsrdesk.system;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one helper for link and token secrets: URL-safe, 256 random bits, stored as a
 * SHA-256 hash and checked against it.
 */
class SecretTokensTest {

	@Test
	void aSecretIsUrlSafeWellFormedAndNewEachTime() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String secret = SecretTokens.generate();
			assertThat(secret).hasSize(SecretTokens.LENGTH).matches("[A-Za-z0-9_-]+");
			assertThat(SecretTokens.isWellFormed(secret)).isTrue();
			assertThat(seen.add(secret)).isTrue();
		}
	}

	@Test
	void textThatCannotBeASecretIsNotWellFormed() {
		assertThat(SecretTokens.isWellFormed(null)).isFalse();
		assertThat(SecretTokens.isWellFormed("")).isFalse();
		assertThat(SecretTokens.isWellFormed("a".repeat(SecretTokens.LENGTH - 1))).isFalse();
		assertThat(SecretTokens.isWellFormed("a".repeat(SecretTokens.LENGTH + 1))).isFalse();
		assertThat(SecretTokens.isWellFormed("+".repeat(SecretTokens.LENGTH))).isFalse();
	}

	@Test
	void theStoredHashIsTheSha256OfTheSecretInHex() {
		// SHA-256("abc"), FIPS 180-2 appendix B.1.
		assertThat(SecretTokens.hash("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void aSecretMatchesOnlyItsOwnHash() {
		String secret = SecretTokens.generate();
		String stored = SecretTokens.hash(secret);
		assertThat(SecretTokens.matches(secret, stored)).isTrue();
		assertThat(SecretTokens.matches(SecretTokens.generate(), stored)).isFalse();
		assertThat(SecretTokens.matches(null, stored)).isFalse();
		assertThat(SecretTokens.matches(secret, null)).isFalse();
	}

}
