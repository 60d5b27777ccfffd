package se.dsrdesk.system;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import se.dsrdesk.support.Axe;
import se.dsrdesk.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: the public pages in the controller's name, logo and colour. A light colour
 * (gold) gets black text, as white would fail WCAG's 4.5:1; axe agrees, in both
 * languages, and on the not-found page a visitor may meet.
 */
@TestPropertySource(properties = { "dsr.controller.name=Acme Nordic AB", "dsr.branding.colour=#ffd700",
		"dsr.branding.logo=classpath:branding/logo.svg" })
class BrandingBrowserTest extends BrowserTest {

	@Override
	protected Browser.NewContextOptions contextOptions() {
		// Only to inject axe-core: the application's CSP forbids inline script.
		return super.contextOptions().setBypassCSP(true);
	}

	@Test
	void thePublicPagesCarryTheControllersNameLogoAndColour() {
		this.page.navigate("/");
		assertThat(this.page).hasTitle(java.util.regex.Pattern.compile(".* · Acme Nordic AB$"));
		assertThat(this.page.locator("#brand-controller")).hasText("Acme Nordic AB");
		assertThat(this.page.locator("#brand-logo")).isVisible();
		Object logoWidth = this.page.locator("#brand-logo").evaluate("img => img.naturalWidth");
		assertThat(((Number) logoWidth).intValue()).isPositive();
		assertThat(this.page.locator("header nav")).hasCSS("background-color", "rgb(255, 215, 0)");
		assertThat(this.page.locator("#brand-controller")).hasCSS("color", "rgb(0, 0, 0)");
		assertThat(this.page.locator("header nav a[hreflang=sv]")).hasCSS("color", "rgb(0, 0, 0)");
		assertThat(this.page.content()).doesNotContain("DSR Desk");
		assertThat(Axe.violations(this.page)).isEmpty();

		this.page.navigate("/request?lang=sv");
		assertThat(this.page).hasTitle(java.util.regex.Pattern.compile(".* · Acme Nordic AB$"));
		assertThat(this.page.locator("header nav")).hasCSS("background-color", "rgb(255, 215, 0)");
		assertThat(Axe.violations(this.page)).isEmpty();

		this.page.navigate("/privacy/versions/999999999");
		assertThat(this.page).hasTitle(java.util.regex.Pattern.compile(".* · Acme Nordic AB$"));
		assertThat(Axe.violations(this.page)).isEmpty();
	}

	@Test
	void theLogoAndColoursAreServedFromTheApplicationToAnyone() {
		APIResponse css = this.page.request().get("/brand/colours.css");
		assertThat(css.status()).isEqualTo(200);
		assertThat(css.headers().get("content-type")).startsWith("text/css");
		assertThat(css.text()).contains("background-color: #ffd700", "color: #000000");
		APIResponse logo = this.page.request().get("/brand/logo");
		assertThat(logo.status()).isEqualTo(200);
		assertThat(logo.headers().get("content-type")).startsWith("image/svg+xml");
	}

	@Test
	void theSignInPageKeepsTheProductsNameUnderTheControllersHeader() {
		this.page.navigate("/login");
		assertThat(this.page).hasTitle(java.util.regex.Pattern.compile(".* · DSR Desk$"));
		// The sign-in page is public too: it shows the controller's header.
		assertThat(this.page.locator("header nav")).hasCSS("background-color", "rgb(255, 215, 0)");
	}

}
