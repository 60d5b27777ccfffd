package se.dsrdesk.account.mfa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The passkey tables of migration V105 on the embedded H2 database (PostgreSQL mode, as
 * the application runs it): Spring Security's JDBC repositories write and read a passkey
 * there. PostgreSQL is covered by {@code PasskeyBrowserTest}.
 */
class PasskeyTablesOnH2Test {

	@Test
	void springSecuritysRepositoriesKeepAPasskeyOnH2() throws IOException {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:passkeys;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"sa", "");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		String migration = new ClassPathResource("db/migration/common/V105__passkeys.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
			if (!statement.isBlank()) {
				jdbc.execute(statement);
			}
		}
		JdbcPublicKeyCredentialUserEntityRepository userEntities = new JdbcPublicKeyCredentialUserEntityRepository(
				jdbc);
		JdbcUserCredentialRepository credentials = new JdbcUserCredentialRepository(jdbc);
		Bytes userId = Bytes.random();
		userEntities.save(ImmutablePublicKeyCredentialUserEntity.builder()
			.id(userId)
			.name("someone@example.com")
			.displayName("Someone")
			.build());
		Bytes credentialId = Bytes.random();
		byte[] publicKey = new byte[77];
		publicKey[0] = 42;
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		credentials.save(ImmutableCredentialRecord.builder()
			.credentialId(credentialId)
			.userEntityUserId(userId)
			.publicKey(new ImmutablePublicKeyCose(publicKey))
			.signatureCount(3)
			.uvInitialized(true)
			.backupEligible(false)
			.backupState(false)
			.transports(Set.of(AuthenticatorTransport.INTERNAL))
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.attestationObject(new Bytes(new byte[] { 1, 2, 3 }))
			.attestationClientDataJSON(new Bytes(new byte[] { 4, 5 }))
			.created(now)
			.lastUsed(now)
			.label("Work laptop")
			.build());

		assertThat(userEntities.findByUsername("someone@example.com").getId()).isEqualTo(userId);
		CredentialRecord read = credentials.findByCredentialId(credentialId);
		assertThat(read.getPublicKey().getBytes()).isEqualTo(publicKey);
		assertThat(read.getLabel()).isEqualTo("Work laptop");
		assertThat(read.getSignatureCount()).isEqualTo(3);
		assertThat(credentials.findByUserId(userId)).hasSize(1);
		credentials.delete(credentialId);
		assertThat(credentials.findByUserId(userId)).isEmpty();
	}

}
