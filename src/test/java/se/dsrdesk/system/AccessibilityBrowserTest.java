package se.dsrdesk.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.ViewportSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import se.dsrdesk.request.PauseGround;
import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.audit.Change;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.RestrictionHolds;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.connector.NewFinding;
import se.dsrdesk.location.connector.TaskFindings;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.Axe;
import se.dsrdesk.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * WCAG 2.1 AA in Chromium. axe-core checks every page as people see it, in English and in
 * Swedish: empty and with errors, as visitor, admin and case handler; each page must also
 * reflow to 320 CSS px without sideways scrolling. A test collects the violations of all
 * its pages and fails with the whole list. The keyboard tests cover what axe cannot: the
 * skip link, signing in without a mouse and a visible focus on every tab stop.
 */
class AccessibilityBrowserTest extends BrowserTest {

	@Value("${dsr.admin.email}")
	String adminEmail;

	@Value("${dsr.admin.password}")
	String adminPassword;

	@Autowired
	AccountService accounts;

	@Autowired
	RequestService requests;

	@Autowired
	AuditLog audit;

	@Autowired
	TaskService tasks;

	@Autowired
	RestrictionHolds restrictions;

	@Autowired
	TaskFindings findings;

	private final Map<String, List<String>> violations = new LinkedHashMap<>();

	private String language;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		// Only to inject axe-core: the application's CSP forbids inline script.
		return super.contextOptions().setBypassCSP(true);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "sv" })
	void publicPages(String language) {
		speak(language);

		visit("/", 200);
		check("front page");

		visit("/login", 200);
		check("sign-in page");

		visit("/privacy", 200);
		check("privacy policy");

		visit("/request", 200);
		check("request form");
		// Several rights at once, for someone else (Art. 12(2)): sent without the
		// authority, the errors are tied to their fields.
		this.page.locator("#type1").check();
		this.page.locator("#type2").check();
		this.page.locator("#forSomeoneElse1").check();
		this.page.locator("#main form button[type=submit]").last().click();
		assertThat(this.page.locator("#authority-error")).isVisible();
		assertThat(this.page.locator("#type2")).isChecked();
		check("request form for someone else with several rights, with errors");

		visit("/login/forgot-password", 200);
		check("forgotten-password page");
		this.page.locator("#main form button[type=submit]").click();
		assertThat(this.page.locator("#email-error")).isVisible();
		check("forgotten-password page with errors");

		visit("/login/set-password?token=not-a-real-link", 404);
		check("link no longer works");

		signIn("nobody-" + UUID.randomUUID() + "@example.com", "not the password");
		assertThat(this.page.getByRole(AriaRole.ALERT)).isVisible();
		check("sign-in page with a wrong password");

		assertNoViolations();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "sv" })
	void adminPages(String language) {
		StaffUser other = this.accounts.create("a11y-" + UUID.randomUUID() + "@example.com", "Ada Tillgänglig",
				EnumSet.of(Role.CASE_HANDLER), "sv", TestAccounts.PASSWORD, Actor.SYSTEM);
		speak(language);
		signIn(this.adminEmail, this.adminPassword);
		assertThat(this.page).hasURL(baseUrl() + "/staff");
		check("staff start page (admin)");

		visit("/staff/admin/accounts", 200);
		check("accounts list");

		visit("/staff/admin/accounts/new", 200);
		assertThat(this.page.locator("#email[aria-describedby]")).hasCount(0);
		check("new account form");
		this.page.locator("#main form button[type=submit]").click();
		assertThat(this.page.locator("#email")).hasAttribute("aria-describedby", "email-error");
		check("new account form with errors");

		visit("/staff/admin/accounts/" + other.getId(), 200);
		check("account edit page");
		this.page.locator("#displayName").fill("");
		this.page.locator("form[action$='/" + other.getId() + "'] button[type=submit]").click();
		assertThat(this.page.locator("#displayName-error")).isVisible();
		check("account edit page with errors");

		visit("/staff/admin/policy", 200);
		check("policy versions");

		visit("/staff/admin/policy/new", 200);
		check("new policy version form");
		this.page.locator("#main form button[type=submit]").click();
		assertThat(this.page.locator("#effectiveOn-error")).isVisible();
		check("new policy version form with errors");

		visit("/staff/account/password", 200);
		check("own password page");
		this.page.locator("#newPassword").fill("short");
		this.page.locator("#main form button[type=submit]").click();
		assertThat(this.page.locator("#currentPassword-error")).isVisible();
		check("own password page with errors");

		visit("/staff/audit", 200);
		assertThat(this.page.locator("#main table tbody tr").first()).isVisible();
		check("audit trail");

		// A change with its values before and after, found by its user and action.
		this.audit.record(new Actor(null, "a11y"), "ACCOUNT_UPDATED", "STAFF_USER", other.getId(), "roles",
				List.of(Change.of("roles", "[CASE_HANDLER]", "[CASE_HANDLER, COMPLIANCE_OFFICER]"),
						Change.of("displayName", null, "Ada Tillgänglig")));
		visit("/staff/audit?actor=none&action=ACCOUNT_UPDATED", 200);
		assertThat(this.page.locator("#main dl.audit-changes").first()).isVisible();
		check("audit trail with changes");

		visit("/staff/audit?reference=DSR-12&from=2026-03-02&to=2026-03-01", 400);
		assertThat(this.page.locator("#reference-error")).isVisible();
		assertThat(this.page.locator("#to")).hasAttribute("aria-describedby", "to-hint to-error");
		check("audit trail with filter errors");

		visit("/staff/exports", 200);
		check("exports");

		visit("/staff/exports/requests.csv?from=2026-03-02&to=2026-03-01", 400);
		assertThat(this.page.locator("#to-error")).isVisible();
		check("exports with errors");

		visit("/staff/admin/accounts/" + Long.MAX_VALUE, 404);
		check("404 page");

		assertNoViolations();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "sv" })
	void caseHandlerPages(String language) {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		speak(language);
		signIn(email, TestAccounts.PASSWORD);
		assertThat(this.page).hasURL(baseUrl() + "/staff");
		check("staff start page (case handler)");

		visit("/staff/requests?status=ALL", 200);
		check("inbox");

		visit("/staff/requests/new", 200);
		check("register a request");
		this.page.locator("#receivedAt").fill("");
		this.page.locator("#main form button[type=submit]").click();
		assertThat(this.page.locator("#type-error")).isVisible();
		assertThat(this.page.locator("#receivedAt")).hasAttribute("aria-describedby",
				"receivedAt-hint receivedAt-error");
		check("register a request with errors");

		visit("/staff/letters", 200);
		check("letters to post");

		// A request's page with its attachments: an empty file is refused with a message
		// tied to the file field, then a file is attached and listed.
		DsrRequest request = this.requests
			.register(new NewRequest("Test Person", "a11y-" + UUID.randomUUID() + "@example.com", null, language,
					RequestType.ACCESS, Channel.EMAIL, "Please.", null), Actor.SYSTEM);
		visit("/staff/requests/" + request.getId() + "/retention", 200);
		check("request retention page");
		visit("/staff/requests/" + request.getId(), 200);
		this.page.locator("#attachment-file").setInputFiles(new FilePayload("empty.txt", "text/plain", new byte[0]));
		this.page.locator("#attachment-form button[type=submit]").click();
		assertThat(this.page.locator("#attachment-file-error")).isVisible();
		assertThat(this.page.locator("#attachment-file")).hasAttribute("aria-describedby",
				"attachment-file-error attachment-file-hint");
		check("request page with a refused attachment");
		this.page.locator("#attachment-file")
			.setInputFiles(new FilePayload("letter.txt", "text/plain", "Hej".getBytes(StandardCharsets.UTF_8)));
		this.page.locator("#attachment-form button[type=submit]").click();
		assertThat(this.page.locator("#attachment-list")).containsText("letter.txt");
		check("request page with an attachment");
		this.requests.withdraw(request.getId(), null, Actor.SYSTEM);

		// A restriction in force (Art. 18(3)): its page, and the letter refused without
		// its reason.
		DsrRequest restriction = this.requests
			.startWork(
					this.requests
						.register(
								new NewRequest("Test Person", "a11y-" + UUID.randomUUID() + "@example.com", null,
										language, RequestType.RESTRICTION, Channel.EMAIL, "Please.", null),
								Actor.SYSTEM)
						.getId(),
					null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(restriction.getId()).get(0);
		this.tasks.recordOutcome(task.getId(),
				OutcomeRecord.restricted("Flagged.", "When the address has been checked.", null), Actor.SYSTEM);
		long holdId = this.restrictions.ofRequest(restriction.getId()).get(0).getId();
		visit("/staff/restrictions/" + holdId, 200);
		check("restriction page");
		this.page.locator("#restriction-tell-form button[type=submit]").first().click();
		assertThat(this.page.locator("#reason-error")).isVisible();
		check("restriction page with errors");
		this.requests.withdraw(restriction.getId(), null, Actor.SYSTEM);

		// The answer package's review: a mail with someone else's address highlighted and
		// an image still to be checked.
		DsrRequest access = this.requests.startWork(this.requests
			.register(new NewRequest("Test Person", "a11y-" + UUID.randomUUID() + "@example.com", null, language,
					RequestType.ACCESS, Channel.EMAIL, "Please.", null), Actor.SYSTEM)
			.getId(), null, Actor.SYSTEM);
		LocationTask found = this.tasks.ofRequest(access.getId()).get(0);
		this.findings.add(
				found.getId(), List.of(
						NewFinding.file("Support mail", "imap:INBOX/1", "mail.eml", "message/rfc822",
								"Subject: Invoice\n\nPer Persson (per@example.org) called.\n"
									.getBytes(StandardCharsets.UTF_8)),
						NewFinding.file("Photo", "upload", "photo.png", "image/png", new byte[] { 1, 2, 3 })),
				Actor.SYSTEM);
		this.tasks.recordOutcome(found.getId(),
				new OutcomeRecord(TaskOutcome.FOUND, "Looked up.", "A mail and a photo", null, null, null),
				Actor.SYSTEM);
		visit("/staff/requests/" + access.getId() + "/package?names=Per%20Persson", 200);
		assertThat(this.page.locator("#package-unchecked")).isVisible();
		assertThat(this.page.locator("mark").first()).isVisible();
		check("answer package review");
		this.requests.withdraw(access.getId(), null, Actor.SYSTEM);

		visit("/staff/account/tokens", 200);
		check("API tokens page");
		this.page.locator("#main form button[type=submit]").first().click();
		assertThat(this.page.locator("#name-error")).isVisible();
		check("API tokens page with errors");
		this.page.locator("#name").fill("Webbplatsen");
		this.page.locator("#main form button[type=submit]").first().click();
		assertThat(this.page.locator("#new-token")).isVisible();
		assertThat(this.page.locator("#token-list")).containsText("Webbplatsen");
		check("API tokens page with a new token");

		visit("/staff/admin/accounts", 403);
		check("403 page");

		assertNoViolations();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "sv" })
	void complianceOfficerPages(String language) {
		// Something in every list that can be reached without the clock: overdue, paused.
		DsrRequest overdue = this.requests.register(new NewRequest("Test Person", null, null, language,
				RequestType.ACCESS, Channel.EMAIL, "Please.", Instant.now().minus(Duration.ofDays(40))), Actor.SYSTEM);
		DsrRequest paused = this.requests.register(new NewRequest("Test Person", null, null, language,
				RequestType.ERASURE, Channel.EMAIL, "Please.", null), Actor.SYSTEM);
		this.requests.pause(paused.getId(), null, PauseGround.IDENTITY, "Which account?", null, Actor.SYSTEM);
		String email = TestAccounts.create(this.accounts, Role.COMPLIANCE_OFFICER);
		speak(language);
		signIn(email, TestAccounts.PASSWORD);
		check("staff start page (compliance officer)");

		visit("/staff/dashboard", 200);
		assertThat(this.page.locator("#overdue-table tbody tr").first()).isVisible();
		check("dashboard");
		visit("/staff/dashboard?from=2026-02-30&to=2026-01-01", 200);
		assertThat(this.page.locator("#period-error")).isVisible();
		check("dashboard with a period that does not parse");

		visit("/staff/dashboard/report", 200);
		check("yearly report");
		visit("/staff/dashboard/report?year=1900", 200);
		assertThat(this.page.locator("#year-error")).isVisible();
		check("yearly report with a wrong year");

		this.requests.withdraw(overdue.getId(), null, Actor.SYSTEM);
		this.requests.withdraw(paused.getId(), null, Actor.SYSTEM);
		assertNoViolations();
	}

	@Test
	void theSkipLinkIsTheFirstTabStopAndMovesFocusToTheMainContent() {
		this.page.navigate("/");
		skipToMain();

		signIn(this.adminEmail, this.adminPassword);
		assertThat(this.page).hasURL(baseUrl() + "/staff");
		skipToMain();
	}

	@Test
	void signingInNeedsOnlyTheKeyboard() {
		this.page.navigate("/login");
		assertThat(this.page.locator("#email")).isFocused();
		this.page.keyboard().type(this.adminEmail);
		this.page.keyboard().press("Tab");
		assertThat(this.page.locator("#password")).isFocused();
		this.page.keyboard().type(this.adminPassword);
		this.page.keyboard().press("Tab");
		assertThat(this.page.locator("#main form button[type=submit]")).isFocused();
		this.page.keyboard().press("Enter");

		assertThat(this.page).hasURL(baseUrl() + "/staff");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Welcome, Administrator");
	}

	@Test
	void everyTabStopShowsAClearFocusOutline() {
		List<String> faint = new ArrayList<>();
		this.page.navigate("/");
		faint.addAll(tabStopsWithoutOutline());
		// From the email field, which has the focus when the page opens.
		this.page.navigate("/login");
		faint.addAll(tabStopsWithoutOutline());
		signIn(this.adminEmail, this.adminPassword);
		this.page.navigate("/staff/admin/accounts/new");
		faint.addAll(tabStopsWithoutOutline());

		assertThat(faint).as("tab stops whose focus is hard to see (outline under 2px)").isEmpty();
	}

	/**
	 * Tab from the top: the skip link comes first, shows, and Enter moves focus to main.
	 */
	private void skipToMain() {
		this.page.keyboard().press("Tab");
		Locator skipLink = this.page.locator("a.skip-link");
		assertThat(skipLink).isFocused();
		assertThat(skipLink).isInViewport();
		assertThat(skipLink.boundingBox().width).isGreaterThan(10);

		this.page.keyboard().press("Enter");
		assertThat(this.page.locator("main#main")).isFocused();
		// The next Tab continues from main, not from the navigation.
		this.page.keyboard().press("Tab");
		Object afterMain = this.page.evaluate(
				"""
						() => { const main = document.getElementById('main'); const el = document.activeElement;
						  return main.contains(el) || !!(main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING); }""");
		assertThat(afterMain).isEqualTo(true);
	}

	/**
	 * Tabs through the page from the top and answers the focused elements whose outline
	 * is missing or thinner than 2px.
	 */
	@SuppressWarnings("unchecked")
	private List<String> tabStopsWithoutOutline() {
		List<String> faint = new ArrayList<>();
		List<Object> seen = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			this.page.keyboard().press("Tab");
			Map<String, Object> focused = (Map<String, Object>) this.page.evaluate("""
					() => { const el = document.activeElement;
					  if (!el || el === document.body) return null;
					  const style = getComputedStyle(el);
					  const text = (el.innerText || el.value || '').trim().slice(0, 30);
					  return { name: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + text + '"',
					    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 }; }""");
			if (focused == null || seen.contains(focused.get("name"))) {
				break;
			}
			seen.add(focused.get("name"));
			if (!Boolean.TRUE.equals(focused.get("outline"))) {
				faint.add(this.page.url() + " " + focused.get("name"));
			}
		}
		assertThat(seen).as("tab stops on %s", this.page.url()).hasSizeGreaterThan(3);
		return faint;
	}

	/** Chooses the language as the switch does, with the language cookie. */
	private void speak(String language) {
		this.language = language;
		this.context.addCookies(List.of(new Cookie("dsr_lang", language).setUrl(baseUrl())));
	}

	private void visit(String path, int status) {
		Response response = this.page.navigate(path);
		assertThat(response.status()).as("status of %s", path).isEqualTo(status);
	}

	private void check(String what) {
		assertThat(this.page.locator("html")).hasAttribute("lang", this.language);
		List<String> found = new ArrayList<>(Axe.violations(this.page));
		int width = widthAt320Pixels();
		if (width > 320) {
			found.add("reflow (WCAG 1.4.10): at 320 CSS px the page is " + width
					+ " px wide and scrolls sideways; let wide content scroll on its own");
		}
		if (!found.isEmpty()) {
			this.violations.put(what + " (" + this.page.url() + ")", found);
		}
	}

	/** The page's width in a 320 CSS px wide window: 1280 px at 400 % zoom. */
	private int widthAt320Pixels() {
		ViewportSize normal = this.page.viewportSize();
		this.page.setViewportSize(320, 640);
		try {
			return ((Number) this.page.evaluate("() => document.documentElement.scrollWidth")).intValue();
		}
		finally {
			this.page.setViewportSize(normal.width, normal.height);
		}
	}

	private void assertNoViolations() {
		if (!this.violations.isEmpty()) {
			List<String> report = new ArrayList<>();
			this.violations.forEach((where, list) -> report.add(where + ":\n  " + String.join("\n  ", list)));
			fail("WCAG 2.1 AA violations in " + this.language + ":\n"
					+ report.stream().collect(Collectors.joining("\n\n")));
		}
	}

}
