package se.dsrdesk.request.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.support.Axe;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public form in Swedish, in Chromium, with two rights and a representative (GDPR
 * Art. 12(2), EDPB Guidelines 01/2022): a browser that asks for Swedish gets the form,
 * its error and the confirmation mail in Swedish, and the requests are answered in
 * Swedish.
 */
class SeveralRightsSwedishBrowserTest extends BrowserTest {

	static final Instant SUBMITTED = Instant.parse("2026-03-03T09:00:00Z");

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext applicationContext;

	@Autowired
	JdbcTemplate jdbc;

	@Override
	protected String locale() {
		return "sv-SE";
	}

	/** Axe is injected into the page, which the application's CSP forbids. */
	@Override
	protected Browser.NewContextOptions contextOptions() {
		return super.contextOptions().setBypassCSP(true);
	}

	@BeforeEach
	void fixTheClock() {
		this.clock.set(SUBMITTED);
	}

	@AfterEach
	void resetTheClock() {
		this.clock.reset();
	}

	@Test
	@DisplayName("Art. 12(2): en förälder begär två rättigheter för sitt barn på det svenska formuläret")
	void twoRightsForAChildInSwedish() {
		String email = SeveralRightsAndRepresentativesTest.unique() + "@exempel.se";
		// The first page of a cold application on a loaded machine may take longer than
		// the default 10 s.
		this.page.navigate("/request", new Page.NavigateOptions().setTimeout(60_000));
		assertThat(this.page.locator("html")).hasAttribute("lang", "sv");
		assertThat(Axe.violations(this.page)).isEmpty();
		this.page
			.getByRole(AriaRole.CHECKBOX,
					new Page.GetByRoleOptions().setName("Tillgång (registerutdrag)").setExact(true))
			.check();
		this.page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Radering").setExact(true)).check();
		this.page.getByLabel("Jag gör begäran för någon annan").check();
		this.page.getByLabel("Personens namn").fill("Elsa Öberg");
		this.page.getByLabel("Ditt namn").fill("Björn Öberg");
		this.page.getByLabel("Din e-postadress").fill(email);
		this.page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Kund").setExact(true)).check();
		this.page.locator("#truthful1").check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka begäran")).click();

		assertThat(this.page.locator("#authority-error"))
			.hasText("Välj vad som ger dig behörighet att företräda personen.");
		assertThat(this.page.getByLabel("Personens namn")).hasValue("Elsa Öberg");
		assertThat(
				this.page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Radering").setExact(true)))
			.isChecked();
		assertThat(Axe.violations(this.page)).isEmpty();

		this.page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Vårdnadshavare").setExact(true))
			.check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka begäran")).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
		assertThat(Axe.violations(this.page)).isEmpty();

		List<Map<String, Object>> made = this.jdbc.queryForList("SELECT type, language, representative_name"
				+ " FROM dsr_request WHERE representative_email = ? ORDER BY id", email);
		assertThat(made).extracting((row) -> row.get("type")).containsExactly("ACCESS", "ERASURE");
		assertThat(made).extracting((row) -> row.get("language")).containsOnly("sv");
		assertThat(made).extracting((row) -> row.get("representative_name")).containsOnly("Björn Öberg");
		List<String> mails = IntakeMails.deliveredTo(this.applicationContext, mail, email, 1);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0)).contains("- Tillgång (registerutdrag)", "- Radering", "för någon annans räkning");
	}

}
