package se.dsrdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Not a test: writes the README's screenshots (the request page, the inbox and the
 * dashboard, in Swedish and English) to {@code screenshots.dir}, from a little demo data
 * made through the services. Runs only when that property is set, by
 * {@code bench/screenshots.sh}, which gives it a database of its own.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class ScreenshotsBrowserTest extends BrowserTest {

	@Autowired
	RequestService requests;

	@Autowired
	AccountService accounts;

	@Autowired
	StaffUserRepository staff;

	@Autowired
	LocationService locations;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return super.contextOptions().setViewportSize(1280, 1000);
	}

	@Test
	void writeTheScreenshots() throws Exception {
		Path dir = Path.of(System.getProperty("screenshots.dir"));
		Files.createDirectories(dir);
		String email = "eva.berg@example.com";
		if (this.staff.findByEmail(email).isEmpty()) {
			this.accounts.create(email, "Eva Berg", EnumSet.of(Role.ADMIN, Role.CASE_HANDLER, Role.COMPLIANCE_OFFICER),
					"sv", TestAccounts.PASSWORD, Actor.SYSTEM);
		}
		long eva = this.staff.findByEmail(email).orElseThrow().getId();
		location("Kundregistret", "Customer register", LocationKind.OTHER);
		location("Bokföringen", "Accounts", LocationKind.ACCOUNTING);
		DsrRequest shown = demo("Åsa Öberg", RequestType.ACCESS, Channel.EMAIL, 12, eva, true);
		demo("Lars Nilsson", RequestType.ERASURE, Channel.EMAIL, 40, eva, true);
		demo("Karin Lindqvist", RequestType.OBJECTION, Channel.LETTER, 3, null, false);
		demo("Johan Persson", RequestType.RECTIFICATION, Channel.EMAIL, 26, eva, true);
		demo("Emma Berg", RequestType.PORTABILITY, Channel.EMAIL, 1, null, false);
		demo("Olof Svensson", RequestType.RESTRICTION, Channel.PHONE, 35, null, false);
		demo("Ingrid Karlsson", RequestType.ERASURE, Channel.EMAIL, 8, eva, false);

		signIn(email, TestAccounts.PASSWORD);
		for (String language : List.of("sv", "en")) {
			shot("/staff/requests/" + shown.getId() + "?lang=" + language,
					dir.resolve("request-page-" + language + ".png"));
			shot("/staff/requests?lang=" + language, dir.resolve("inbox-" + language + ".png"));
			shot("/staff/dashboard?lang=" + language, dir.resolve("dashboard-" + language + ".png"));
		}
	}

	private void shot(String path, Path file) {
		this.page.navigate(path);
		assertThat(this.page.locator("main h1")).isVisible();
		this.page.screenshot(new Page.ScreenshotOptions().setPath(file));
	}

	private void location(String sv, String en, LocationKind kind) {
		this.locations.create(new LocationDetails(new LocalizedText(sv, en), new LocalizedText(null, null), kind, null,
				new LocalizedText("Namn och e-postadress", "Name and email address"),
				new LocalizedText("Kundrelationen", "The customer relationship"), LegalBasis.CONTRACT, List.of(),
				new LocalizedText("Du själv", "You"), new LocalizedText("Två år", "Two years"), 24,
				new LocalizedText(null, null), new LocalizedText(null, null), 12, EnumSet.allOf(RequestType.class),
				false), Actor.SYSTEM);
	}

	private DsrRequest demo(String name, RequestType type, Channel channel, int daysAgo, Long assignee,
			boolean started) {
		DsrRequest request = this.requests.register(new NewRequest(name,
				name.toLowerCase().replace(' ', '.').replace('å', 'a').replace('ö', 'o') + "@example.com", null, "sv",
				type, channel, "Jag vill veta vilka personuppgifter ni har om mig.",
				Instant.now().minus(Duration.ofDays(daysAgo))), Actor.SYSTEM);
		if (assignee != null) {
			request = this.requests.assign(request.getId(), null, assignee, Actor.SYSTEM);
		}
		if (started) {
			request = this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		}
		return request;
	}

}
