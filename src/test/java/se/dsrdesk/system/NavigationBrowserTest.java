package se.dsrdesk.system;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.Axe;
import se.dsrdesk.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff navigation in Swedish (the longest words) for someone with all three roles,
 * at the widths of common laptop and desktop screens: the page never scrolls sideways,
 * every item of the bar, of the Administration menu and of the account menu (including
 * signing out) can be reached, and axe finds nothing with the menus open. Below 1400 px
 * the bar is collapsed behind its menu button.
 */
class NavigationBrowserTest extends BrowserTest {

	/** Every destination of the bar for someone with all roles, by its address. */
	private static final List<String> ITEMS = List.of("/staff", "/staff/requests", "/staff/requests/new",
			"/staff/locations", "/staff/tasks", "/staff/dashboard", "/staff/audit", "/staff/exports",
			"/staff/admin/accounts", "/staff/admin/policy", "/staff/account/password", "/staff/account/tokens",
			"/staff/account/sessions", "/staff/account/sign-in");

	@Autowired
	AccountService accounts;

	@Override
	protected String locale() {
		return "sv-SE";
	}

	@Override
	protected Browser.NewContextOptions contextOptions() {
		// Only to inject axe-core: the application's CSP forbids inline script.
		return super.contextOptions().setBypassCSP(true);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1024, 1280, 1440 })
	void everyItemIsReachableWithoutSidewaysScrolling(int width) {
		this.page.setViewportSize(width, 800);
		String email = TestAccounts.create(this.accounts, Role.ADMIN, Role.CASE_HANDLER, Role.COMPLIANCE_OFFICER);
		signIn(email, TestAccounts.PASSWORD);
		this.page.navigate("/staff?lang=sv");
		assertThat(this.page.locator("html")).hasAttribute("lang", "sv");

		List<String> problems = new ArrayList<>();
		if (pageWidth() > width) {
			problems.add("the page is " + pageWidth() + " px wide at " + width + " px");
		}
		Locator toggler = this.page.locator("header .navbar-toggler");
		if (width < 1400) {
			assertThat(toggler).isVisible();
		}
		else {
			assertThat(toggler).isHidden();
		}
		for (String path : ITEMS) {
			this.page.navigate("/staff");
			Locator link = this.page.locator("header nav a[href='" + path + "']");
			revealInNavigation(link);
			if (pageWidth() > width) {
				problems.add("with " + path + " shown the page is " + pageWidth() + " px wide");
			}
			BoundingBox box = link.boundingBox();
			if (box == null || box.x + box.width > width) {
				problems.add(path + " lies outside the window");
			}
			link.click();
			this.page.waitForURL("**" + path);
			if (path.equals("/staff/admin/policy") || path.equals("/staff/account/sessions")) {
				// With a menu open, as the person sees it.
				Locator item = this.page.locator("header nav a[href='" + ITEMS.get(ITEMS.indexOf(path) - 1) + "']");
				revealInNavigation(item);
				List<String> violations = Axe.violations(this.page);
				if (!violations.isEmpty()) {
					problems.add(path + " with the menu open: " + violations);
				}
			}
		}
		signOut();
		assertThat(this.page).hasURL(Pattern.compile(".*/login.*"));
		assertThat(problems).as("at %d px", width).isEmpty();
	}

	private int pageWidth() {
		return ((Number) this.page.evaluate("() => document.documentElement.scrollWidth")).intValue();
	}

}
