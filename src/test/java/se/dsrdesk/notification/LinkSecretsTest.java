package se.dsrdesk.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Link secrets are kept out of the stored mail, and mail queued before a restart can
 * still be sent: without a configured key, the key is kept in the data directory.
 */
class LinkSecretsTest {

	private static final String SECRET = "s3cr3t-link-token-value";

	@TempDir
	Path data;

	static OutboxProperties properties(String key) {
		return new OutboxProperties(null, "http://localhost:8080",
				new OutboxProperties.Dispatch(Duration.ofSeconds(30), Duration.ofDays(7), Duration.ofHours(1)), 20,
				Duration.ofMinutes(1), Duration.ofMinutes(15), key);
	}

	static LinkSecrets.Masked masked(LinkSecrets secrets) {
		return secrets.mask(Map.of("statusToken", SECRET),
				new MailRenderer.Rendered("Subject", "Open /status/" + SECRET, "<a href=\"/status/" + SECRET + "\">"));
	}

	@Test
	void theStoredMailHoldsNoSecretAndTheSentOneHasIt() {
		LinkSecrets secrets = new LinkSecrets(properties(null), this.data);
		LinkSecrets.Masked stored = masked(secrets);
		assertThat(stored.rendered().text()).doesNotContain(SECRET).contains(LinkSecrets.MASK);
		assertThat(stored.rendered().html()).doesNotContain(SECRET);
		assertThat(stored.secrets()).doesNotContain(SECRET);
		assertThat(secrets.unmask(stored.rendered().text(), stored.secrets())).isEqualTo("Open /status/" + SECRET);
	}

	@Test
	void withoutAConfiguredKeyMailQueuedBeforeARestartCanStillBeSent() throws Exception {
		LinkSecrets.Masked stored = masked(new LinkSecrets(properties(null), this.data));
		Path file = this.data.resolve(LinkSecrets.KEY_FILE);
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.list(this.data)).containsExactly(file);

		LinkSecrets afterRestart = new LinkSecrets(properties(null), this.data);
		assertThat(afterRestart.unmask(stored.rendered().text(), stored.secrets())).isEqualTo("Open /status/" + SECRET);
	}

	@Test
	void aConfiguredKeyIsUsedAndNoFileIsWritten() throws Exception {
		String key = "dGVzdC1vbmx5LWtleS1mb3ItbGluay1zZWNyZXRzISE=";
		LinkSecrets.Masked stored = masked(new LinkSecrets(properties(key), this.data));
		assertThat(Files.list(this.data)).isEmpty();
		LinkSecrets other = new LinkSecrets(properties(null), this.data);
		assertThatIllegalStateException().isThrownBy(() -> other.unmask(stored.rendered().text(), stored.secrets()));
		assertThat(new LinkSecrets(properties(key), this.data).unmask(stored.rendered().text(), stored.secrets()))
			.isEqualTo("Open /status/" + SECRET);
	}

	@Test
	void aKeyOfTheWrongLengthIsRefusedAtStart() {
		assertThatIllegalStateException().isThrownBy(() -> new LinkSecrets(properties("c2hvcnQ="), this.data))
			.withMessageContaining("dsr.mail.secrets-key");
	}

}
