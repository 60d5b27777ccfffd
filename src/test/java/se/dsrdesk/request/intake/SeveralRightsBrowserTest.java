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
 * The public form in Chromium with two rights and a representative (GDPR Art. 12(2), EDPB
 * Guidelines 01/2022): a missing authority is shown next to its field with everything
 * typed kept, then the two requests are made and one confirmation reaches the
 * representative.
 */
class SeveralRightsBrowserTest extends BrowserTest {

	static final Instant SUBMITTED = Instant.parse("2026-03-03T09:00:00Z");

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext applicationContext;

	@Autowired
	JdbcTemplate jdbc;

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
	@DisplayName("Art. 12(2): two rights asked for by a parent for a child, on the public form")
	void twoRightsForAChild() {
		String email = SeveralRightsAndRepresentativesTest.unique() + "@example.se";
		this.page.navigate("/request");
		assertThat(Axe.violations(this.page)).isEmpty();
		this.page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Access").setExact(true)).check();
		this.page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Erasure").setExact(true)).check();
		this.page.getByLabel("I am making this request for someone else").check();
		this.page.getByLabel("The person's name").fill("Elsa Öberg");
		this.page.getByLabel("Your name").fill("Björn Öberg");
		this.page.getByLabel("Your email address").fill(email);
		this.page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Customer").setExact(true)).check();
		this.page.locator("#truthful1").check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

		assertThat(this.page.locator("#authority-error"))
			.hasText("Choose what gives you the authority to act for the person.");
		assertThat(this.page.getByLabel("The person's name")).hasValue("Elsa Öberg");
		assertThat(
				this.page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Erasure").setExact(true)))
			.isChecked();
		assertThat(Axe.violations(this.page)).isEmpty();

		this.page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Parent with custody (vårdnadshavare)"))
			.check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();

		List<Map<String, Object>> made = this.jdbc.queryForList("SELECT type, representative_name, made_with"
				+ " FROM dsr_request WHERE representative_email = ? ORDER BY id", email);
		assertThat(made).extracting((row) -> row.get("type")).containsExactly("ACCESS", "ERASURE");
		assertThat(made).extracting((row) -> row.get("representative_name")).containsOnly("Björn Öberg");
		List<String> mails = IntakeMails.deliveredTo(this.applicationContext, mail, email, 1);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0)).contains("- Access", "- Erasure", "on behalf of another person");
	}

}
