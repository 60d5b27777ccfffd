package se.dsrdesk.account;

import java.util.UUID;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import se.dsrdesk.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The first journey, in Chromium: the bootstrap admin signs in, creates a case handler
 * (making a mistake on the way), signs out; the case handler signs in and sees the staff
 * start page without the admin's menu.
 */
class StaffAccountsBrowserTest extends BrowserTest {

	@Value("${dsr.admin.email}")
	String adminEmail;

	@Value("${dsr.admin.password}")
	String adminPassword;

	@Test
	void adminCreatesACaseHandlerWhoThenSignsIn() {
		String email = "handler-" + UUID.randomUUID() + "@example.com";

		signIn(this.adminEmail, this.adminPassword);
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Welcome, Administrator");

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staff accounts")).click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New account")).click();
		this.page.getByLabel("Email address").fill(email);
		this.page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Hanna Handläggare");
		this.page.getByLabel("Case handler").check();
		this.page.getByLabel("Password").fill("too short");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();

		assertThat(this.page.locator("#password-error")).hasText("The password must have at least 12 characters.");
		assertThat(this.page.getByLabel("Email address")).hasValue(email);
		assertThat(this.page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
			.hasValue("Hanna Handläggare");
		assertThat(this.page.getByLabel("Case handler")).isChecked();
		assertThat(this.page.getByLabel("Password")).hasAttribute("aria-invalid", "true");

		this.page.getByLabel("Password").fill("a long enough password");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("The account has been created.");

		signOut();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("You have signed out.");

		signIn(email, "a long enough password");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Welcome, Hanna Handläggare");
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staff accounts")))
			.hasCount(0);
	}

}
