package se.dsrdesk.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base for tests that drive the running application in real, headless Chromium (Debian's
 * {@code /usr/bin/chromium}, or {@code CHROMIUM_PATH}). One browser per test class, a
 * fresh browser context (cookies, language) per test. As an {@link IntegrationTest} it
 * carries the {@value IntegrationTest#TAG} tag, so browser tests run only in
 * {@code ./mvnw verify}.
 */
@IntegrationTest
public abstract class BrowserTest {

	private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
			"--disable-quic", "--disable-dev-shm-usage");

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	protected int port;

	protected BrowserContext context;

	protected Page page;

	@BeforeAll
	static void launchBrowser() {
		Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
		if (!Files.isExecutable(chromium)) {
			throw new IllegalStateException("Browser tests need Chromium at " + chromium
					+ ": install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH");
		}
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
				.setHeadless(true)
				.setArgs(CHROMIUM_ARGS));
	}

	@AfterAll
	static void closeBrowser() {
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	@BeforeEach
	void openPage() {
		this.context = browser.newContext(contextOptions());
		this.context.setDefaultTimeout(10_000);
		this.page = this.context.newPage();
	}

	@AfterEach
	void closePage() {
		if (this.context != null) {
			this.context.close();
		}
	}

	/**
	 * The options of each test's browser context: {@link #locale()} and the application's
	 * address. Subclasses may add to them.
	 * @return the options
	 */
	protected Browser.NewContextOptions contextOptions() {
		return new Browser.NewContextOptions().setLocale(locale()).setBaseURL(baseUrl());
	}

	/**
	 * The address of the running application.
	 * @return such as {@code http://localhost:12345}
	 */
	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/**
	 * The browser's language, sent as Accept-Language.
	 * @return a language tag such as {@code en-GB} or {@code sv-SE}
	 */
	protected String locale() {
		return "en-GB";
	}

	/**
	 * Signs in on the sign-in page.
	 * @param email the login name
	 * @param password the password
	 */
	protected void signIn(String email, String password) {
		this.page.navigate("/login");
		this.page.locator("#email").fill(email);
		this.page.locator("#password").fill(password);
		this.page.locator("form[action$='/login'] button[type=submit]").click();
	}

	/**
	 * Fetches a file with the page's cookies, as a download link does, and expects 200.
	 * @param path the file's path
	 * @return its bytes
	 */
	protected byte[] fetch(String path) {
		APIResponse response = this.page.request().get(path);
		if (response.status() != 200) {
			throw new AssertionError(path + " answered " + response.status() + ", not 200");
		}
		return response.body();
	}

	/** Signs out with the button in the navigation's account menu. */
	protected void signOut() {
		Locator button = this.page.locator("header form[action$='/logout'] button");
		clickInNavigation(button);
	}

	/**
	 * Follows a link of the navigation bar as a person does: below 1400 px the bar is
	 * collapsed behind its menu button, and some links sit in a drop-down menu
	 * (Administration, My account); these are opened first when the link is hidden.
	 * @param name the link's accessible name (or a part of it)
	 */
	protected void navigateTo(String name) {
		Locator link = this.page.locator("header nav")
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setIncludeHidden(true))
			.first();
		clickInNavigation(link);
	}

	/**
	 * Reveals and clicks an element of the navigation. The page may still be the one
	 * before a navigation that is under way (its bar open, the element visible) when this
	 * starts: when the click finds the element hidden again on the new page, it reveals
	 * it there and clicks again.
	 */
	private void clickInNavigation(Locator element) {
		for (int attempt = 1;; attempt++) {
			this.page.waitForLoadState();
			revealInNavigation(element);
			try {
				element.click(new Locator.ClickOptions().setTimeout(4000));
				return;
			}
			catch (com.microsoft.playwright.TimeoutError ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Makes an element of the navigation visible: opens the collapsed bar and the
	 * drop-down menu that holds it, if needed.
	 * @param element the link or button in the navigation
	 */
	protected void revealInNavigation(Locator element) {
		if (element.isVisible()) {
			return;
		}
		Locator toggler = this.page.locator("header .navbar-toggler");
		if (toggler.isVisible() && !"true".equals(toggler.getAttribute("aria-expanded"))) {
			toggler.click();
			this.page.locator("#main-nav.show").waitFor();
		}
		if (!element.isVisible()) {
			Locator menu = element.locator("xpath=ancestor::li[contains(@class,'dropdown')]");
			if (menu.count() > 0) {
				menu.first().locator(".dropdown-toggle").first().click();
			}
		}
		element.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
	}

}
