package se.dsrdesk.request.letters;

import java.time.Instant;
import java.util.UUID;

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
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MutableClock;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In Chromium: a case handler registers a request that came by letter with only a postal
 * address, the refusal becomes a letter to post, and the handler finds it under "Letters
 * to post" and records it as posted; the request page then says when it was posted.
 */
class PostalLettersBrowserTest extends BrowserTest {

	@Autowired
	AccountService accounts;

	@Autowired
	RequestService requests;

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
				where status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')
				  and data_subject_id in (select id from data_subject where name = ?)""", this.name);
		this.jdbc.update("""
				update correspondence set status = 'POSTED', posted_on = DATE '2026-03-13'
				where status = 'TO_POST' and request_id in (select r.id from dsr_request r
				  join data_subject s on s.id = r.data_subject_id where s.name = ?)""", this.name);
	}

	@Test
	void aCaseHandlerRegistersAPostalRequestAndRecordsItsLetterAsPosted() {
		this.clock.set(Instant.parse("2026-03-13T09:00:00Z"));
		this.name = "Gun Post " + UUID.randomUUID().toString().substring(0, 8);
		signIn(TestAccounts.create(this.accounts, Role.CASE_HANDLER), TestAccounts.PASSWORD);

		navigateTo("Register a request");
		this.page.getByLabel("How it arrived").selectOption("LETTER");
		this.page.getByLabel("Date and time it arrived").fill("2026-03-12T10:00");
		this.page.getByLabel("What the person asks for").selectOption("ERASURE");
		this.page.getByLabel("Language to answer in").selectOption("en");
		this.page.getByLabel("The person's name").fill(this.name);
		this.page.getByLabel("Postal address for letters").fill("Storgatan 1\n223 50 Lund");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register request")).click();
		this.page.waitForURL("**/staff/requests/*");
		assertThat(this.page.locator("#postal-address")).containsText("223 50 Lund");
		long id = Long.parseLong(this.page.url().replaceAll(".*/", ""));
		this.requests.startWork(id, null, Actor.SYSTEM);
		this.requests.reject(id, null, RejectionGround.MANIFESTLY_UNFOUNDED, "We hold nothing about you.",
				Actor.SYSTEM);

		navigateTo("Letters to post");
		assertThat(this.page.locator("h1")).hasText("Letters to post");
		// Two letters: the acknowledgement of the registration (issue 17: every channel
		// is
		// acknowledged) and the refusal.
		Locator rows = this.page.locator("#letters tbody tr")
			.filter(new Locator.FilterOptions().setHasText(this.requests.get(id).getReference()));
		assertThat(rows).hasCount(2);
		for (int left = 2; left > 0; left--) {
			Locator row = rows.first();
			assertThat(row.locator(".letter-status")).hasText("to post");
			assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("PDF to print")))
				.hasAttribute("href", java.util.regex.Pattern.compile("/staff/letters/\\d+/pdf"));
			row.getByLabel("Posted on").fill("2026-03-13");
			row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record as posted")).click();
			assertThat(this.page.locator("#main")).containsText("The letter is recorded as posted.");
			assertThat(rows).hasCount(left - 1);
		}

		this.page.navigate("/staff/requests/" + id);
		assertThat(this.page.locator("#post-letters-panel")).containsText("posted on");
		assertThat(this.page.locator("#timeline")).containsText("Letter by post:");
	}

}
