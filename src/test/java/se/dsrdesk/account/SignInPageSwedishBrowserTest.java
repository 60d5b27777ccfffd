package se.dsrdesk.account;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import se.dsrdesk.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The sign-in page in Chromium for a Swedish-speaking visitor.
 */
class SignInPageSwedishBrowserTest extends BrowserTest {

	@Override
	protected String locale() {
		return "sv-SE";
	}

	@Test
	void aWrongPasswordGetsASwedishMessageAndKeepsTheAddress() {
		signIn("nobody@example.com", "fel lösenord här");
		assertThat(this.page.getByRole(AriaRole.ALERT))
			.hasText("E-postadressen eller lösenordet är fel. Kontrollera dem och försök igen.");
		assertThat(this.page.getByLabel("E-postadress")).hasValue("nobody@example.com");
	}

	@Test
	void theLanguageSwitchChangesTheLanguage() {
		this.page.navigate("/login");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Inloggning för personal");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Staff sign-in");
		assertThat(this.page.locator("html")).hasAttribute("lang", "en");
	}

}
