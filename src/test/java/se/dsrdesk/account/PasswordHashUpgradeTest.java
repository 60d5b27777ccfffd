package se.dsrdesk.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords hashed with bcrypt before Argon2id became the default still sign in, and are
 * re-hashed with Argon2id at that sign-in; new passwords are Argon2id at once.
 */
@IntegrationTest
class PasswordHashUpgradeTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	String hashOf(String email) {
		return this.jdbc.queryForObject("select password_hash from staff_user where email = ?", String.class, email);
	}

	@Test
	void aNewPasswordIsHashedWithArgon2id() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		assertThat(hashOf(email)).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
	}

	@Test
	void anOldBcryptHashStillSignsInAndIsUpgraded() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		this.jdbc.update("update staff_user set password_hash = ? where email = ?",
				"{bcrypt}" + new BCryptPasswordEncoder().encode(TestAccounts.PASSWORD), email);

		HttpVisitor visitor = new HttpVisitor(this.port, "en");
		assertThat(visitor.signIn(email, TestAccounts.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/staff"));

		assertThat(hashOf(email)).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
		assertThat(
				new HttpVisitor(this.port, "en").signIn(email, TestAccounts.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/staff"));
	}

	@Test
	void aHundredCharacterSwedishPassphraseSignsIn() {
		String passphrase = "Älgen går över ängen vid sjön medan höstlöven faller tyst på den våta stigen mot gårdens röda ladan.";
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		long id = this.jdbc.queryForObject("select id from staff_user where email = ?", Long.class, email);
		this.accounts.resetPassword(id, passphrase, se.dsrdesk.audit.Actor.SYSTEM);
		assertThat(new HttpVisitor(this.port, "en").signIn(email, passphrase).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/staff"));
		assertThat(new HttpVisitor(this.port, "en").signIn(email, passphrase.substring(0, 99))
			.headers()
			.firstValue("Location")).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
	}

}
