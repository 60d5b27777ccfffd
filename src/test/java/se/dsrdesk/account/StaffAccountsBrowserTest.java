package se.dsrdesk.account;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;

import se.dsrdesk.support.Axe;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MailServer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first journey, in Chromium with a real SMTP server: the bootstrap admin invites a
 * case handler (making a mistake on the way) and signs out; the invitation arrives by
 * mail; the colleague opens its link, chooses a password (a common one is refused), and
 * signs in to the staff start page without the admin's menu. The link then works no more.
 * The pages on the way pass axe's WCAG 2.1 AA rules.
 */
class StaffAccountsBrowserTest extends BrowserTest {

	private static final Pattern LINK = Pattern.compile("(/login/set-password\\?token=[A-Za-z0-9_-]{43})");

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Value("${dsr.admin.email}")
	String adminEmail;

	@Value("${dsr.admin.password}")
	String adminPassword;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		// Only to inject axe-core: the application's CSP forbids inline script.
		return super.contextOptions().setBypassCSP(true);
	}

	@Test
	void adminInvitesACaseHandlerWhoChoosesAPasswordAndSignsIn() {
		String email = "handler-" + UUID.randomUUID() + "@example.com";

		signIn(this.adminEmail, this.adminPassword);
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Welcome, Administrator");

		navigateTo("Staff accounts");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invite a colleague")).click();
		assertThat(this.page.getByLabel("Password")).hasCount(0);
		assertThat(Axe.violations(this.page)).isEmpty();
		this.page.getByLabel("Email address").fill("not an address");
		this.page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Hanna Handläggare");
		this.page.getByLabel("Case handler").check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
		assertThat(this.page.locator("#email-error")).isVisible();
		assertThat(this.page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
			.hasValue("Hanna Handläggare");
		assertThat(this.page.getByLabel("Case handler")).isChecked();

		this.page.getByLabel("Email address").fill(email);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS).first()).hasText("The invitation has been sent.");
		assertThat(this.page.locator("main, body").first()).containsText("Invitation sent");
		assertThat(Axe.violations(this.page)).isEmpty();

		this.page.navigate("/staff/admin/accounts");
		assertThat(this.page.locator("tr", new Page.LocatorOptions().setHasText(email)))
			.containsText("Invitation sent");

		signOut();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("You have signed out.");

		List<MimeMessage> mails = mail.awaitMessagesTo(email, 1, Duration.ofSeconds(20));
		assertThat(mails).hasSize(1);
		String text = MailServer.plainText(mails.get(0));
		// In the colleague's language, Swedish unless the admin chose otherwise.
		assertThat(text).contains("Hej Hanna Handläggare", "72 timmar");
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).isTrue();

		this.page.navigate(link.group(1));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Welcome: choose your password");
		assertThat(Axe.violations(this.page)).isEmpty();
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("password1234");
		this.page.getByLabel("Repeat the new password").fill("password1234");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my password")).click();
		assertThat(this.page.locator("#newPassword-error")).containsText("most common");
		assertThat(Axe.violations(this.page)).isEmpty();
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
			.fill("a long enough passphrase");
		this.page.getByLabel("Repeat the new password").fill("a long enough passphrase");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my password")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Your password is saved.");

		signIn(email, "a long enough passphrase");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Welcome, Hanna Handläggare");
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staff accounts")))
			.hasCount(0);

		this.page.navigate(link.group(1));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("This link no longer works");
		assertThat(Axe.violations(this.page)).isEmpty();
	}

}
