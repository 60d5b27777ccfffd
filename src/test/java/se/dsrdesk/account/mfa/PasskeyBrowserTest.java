package se.dsrdesk.account.mfa;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MailServer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in real Chromium, with its virtual authenticator (DevTools
 * {@code WebAuthn.addVirtualAuthenticator}) standing in for a device's screen lock: an
 * administrator finishes a first sign-in with a code by email, adds a passkey on the
 * sign-in security page, and at the next sign-in uses the passkey as the second factor.
 * The passkey is then removed.
 */
class PasskeyBrowserTest extends BrowserTest {

	/**
	 * Passkeys are bound to the origin, so the application listens on a port known up
	 * front.
	 */
	private static final int PORT = freePort();

	private static final Pattern CODE = Pattern.compile("\\b([A-Z2-9]{4}-[A-Z2-9]{4})\\b");

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	AccountService accounts;

	@Autowired
	StaffUserRepository users;

	@Autowired
	JdbcTemplate jdbc;

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void passkeyOrigin(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("dsr.mail.base-url", () -> "http://localhost:" + PORT);
		registry.add("dsr.security.mfa.required", () -> "ADMINS");
	}

	@Test
	void anAdministratorAddsAPasskeyAndSignsInWithItAsTheSecondFactor() {
		CDPSession devTools = this.context.newCDPSession(this.page);
		devTools.send("WebAuthn.enable");
		JsonObject options = new JsonObject();
		options.addProperty("protocol", "ctap2");
		options.addProperty("transport", "internal");
		options.addProperty("hasResidentKey", true);
		options.addProperty("hasUserVerification", true);
		options.addProperty("isUserVerified", true);
		options.addProperty("automaticPresenceSimulation", true);
		JsonObject authenticator = new JsonObject();
		authenticator.add("options", options);
		devTools.send("WebAuthn.addVirtualAuthenticator", authenticator);

		String admin = TestAccounts.create(this.accounts, Role.ADMIN);
		long id = this.users.findByEmail(admin).orElseThrow().getId();

		// First sign-in: the password, then a code by email.
		signIn(admin, TestAccounts.PASSWORD);
		assertThat(this.page.locator("h1")).hasText("Finish signing in");
		this.page.locator("#send-code").click();
		assertThat(this.page.locator("#code-sent")).isVisible();
		this.page.locator("#token").fill(sentCode(admin));
		this.page.locator("#check-code").click();

		// Add a passkey.
		this.page.navigate("/staff/account/sign-in");
		assertThat(this.page.locator("h1")).hasText("Sign-in security");
		assertThat(this.page.locator("#no-passkeys")).isVisible();
		this.page.locator("#passkey-label").fill("Test laptop");
		this.page.locator("#passkey-register").click();
		assertThat(this.page.locator("#passkey-list")).containsText("Test laptop");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id where u.name = ?",
				Integer.class, admin))
			.isEqualTo(1);
		signOut();

		// Next sign-in: the password, then the passkey.
		signIn(admin, TestAccounts.PASSWORD);
		assertThat(this.page.locator("h1")).hasText("Finish signing in");
		this.page.locator("#passkey-sign-in").click();
		this.page.waitForURL((url) -> !url.contains("/sign-in/second-factor"));
		this.page.navigate("/staff/admin/accounts");
		assertThat(this.page.locator("h1")).not().hasText("Finish signing in");
		assertThat(this.page.url()).endsWith("/staff/admin/accounts");

		// Remove it again.
		this.page.navigate("/staff/account/sign-in");
		this.page.locator("#passkey-list button").click();
		assertThat(this.page.locator("#no-passkeys")).isVisible();

		assertThat(this.jdbc.queryForList(
				"select action from audit_event where target_id = cast(? as varchar) and action like 'MFA_%' order by id",
				String.class, id))
			.containsSubsequence("MFA_EMAIL_CODE_USED", "MFA_PASSKEY_REGISTERED", "MFA_PASSKEY_USED",
					"MFA_PASSKEY_REMOVED");
	}

	private static String sentCode(String email) {
		long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<MimeMessage> codeMails = List.of();
		while (codeMails.isEmpty() && System.nanoTime() < end) {
			try {
				Thread.sleep(50);
				codeMails = mail.messagesTo(email)
					.stream()
					.filter((message) -> MailServer.plainText(message).contains("finish signing in"))
					.toList();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		assertThat(codeMails).hasSize(1);
		Matcher matcher = CODE.matcher(MailServer.plainText(codeMails.get(0)));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
