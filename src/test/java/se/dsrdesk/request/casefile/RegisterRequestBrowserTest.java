package se.dsrdesk.request.casefile;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MutableClock;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In Chromium: a case handler registers a request that arrived by letter ten days ago,
 * then finds it in the inbox with the deadline counted from the letter's arrival.
 */
class RegisterRequestBrowserTest extends BrowserTest {

	@Autowired
	AccountService accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	String name;

	@AfterEach
	void closeTheRequest() {
		this.clock.reset();
		this.jdbc.update("""
				update dsr_request set status = 'WITHDRAWN', closed_at = created_at
				where data_subject_id in (select id from data_subject where name = ?)""", this.name);
	}

	@Test
	void aCaseHandlerRegistersALetterFromTenDaysAgoAndFindsItInTheInbox() {
		// Friday 13 March 2026, 10:00 in Stockholm.
		this.clock.set(Instant.parse("2026-03-13T09:00:00Z"));
		this.name = "Britt-Marie Öst " + UUID.randomUUID().toString().substring(0, 8);
		signIn(TestAccounts.create(this.accounts, Role.CASE_HANDLER), TestAccounts.PASSWORD);

		navigateTo("Register a request");
		assertThat(this.page.locator("h1")).hasText("Register a request");
		this.page.getByLabel("How it arrived").selectOption("LETTER");
		// The letter arrived ten days ago, Tuesday 3 March 2026 at 10:00.
		this.page.getByLabel("Date and time it arrived").fill("2026-03-03T10:00");
		this.page.getByLabel("What the person asks for").selectOption("ERASURE");
		this.page.getByLabel("Language to answer in").selectOption("sv");
		this.page.getByLabel("The person's name").fill(this.name);
		this.page.getByLabel("What the request says").fill("Radera mig ur nyhetsbrevet, tack.");
		// No email address: the letters go by post.
		this.page.getByLabel("Postal address for letters").fill("Storgatan 1\n223 50 Lund");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register request")).click();
		this.page.waitForURL("**/staff/requests/*");

		this.page.navigate("/staff/requests");
		this.page.getByLabel("Search").fill(this.name);
		this.page.getByLabel("Status").selectOption("NEW");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
		Locator rows = this.page.locator("#inbox tbody tr");
		assertThat(rows).hasCount(1);
		Locator row = rows.first();
		assertThat(row).containsText(this.name);
		assertThat(row).containsText("Erasure");
		assertThat(row).containsText("New");
		// 3 March + one month = Friday 3 April, Good Friday; Easter Monday is 6 April, so
		// the deadline moves to Tuesday 7 April: 25 days after 13 March.
		assertThat(row).containsText("2026-04-07");
		assertThat(row.locator(".days-left")).hasText("25 days left");
		assertThat(row).containsText("Unassigned");
		assertThat(row.getByRole(AriaRole.LINK)).hasAttribute("href", Pattern.compile("/staff/requests/\\d+"));
	}

}
