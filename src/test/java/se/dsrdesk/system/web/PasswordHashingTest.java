package se.dsrdesk.system.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password hashing: Argon2id for new hashes with no length cut-off (ASVS V6.2.9,
 * V11.4.2), and the older bcrypt hashes still accepted and flagged for re-hashing.
 */
class PasswordHashingTest {

	final PasswordEncoder encoder = new SecurityConfiguration().passwordEncoder();

	static final String PASSPHRASE = "Älgen går över ängen vid sjön medan höstlöven faller tyst på den våta stigen mot gårdens röda ladan.";

	@Test
	@DisplayName("Argon2id hashes the whole of a 100-character passphrase: a change in its last character counts")
	void argon2IdWithoutA72ByteLimit() {
		assertThat(PASSPHRASE.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
		String hash = this.encoder.encode(PASSPHRASE);
		assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
		assertThat(this.encoder.matches(PASSPHRASE, hash)).isTrue();
		assertThat(this.encoder.matches(PASSPHRASE.substring(0, 99) + "x", hash)).isFalse();
		assertThat(this.encoder.upgradeEncoding(hash)).isFalse();
	}

	@Test
	@DisplayName("An older bcrypt hash still signs in and is flagged for re-hashing with Argon2id")
	void bcryptStillAcceptedAndUpgraded() {
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("correct horse battery");
		assertThat(this.encoder.matches("correct horse battery", bcrypt)).isTrue();
		assertThat(this.encoder.matches("correct horse batterx", bcrypt)).isFalse();
		assertThat(this.encoder.upgradeEncoding(bcrypt)).isTrue();
	}

}
