package se.dsrdesk.request.inbox;

import java.util.List;
import java.util.EnumSet;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.message.PersonMessages;
import se.dsrdesk.support.Axe;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.OpenedRequests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a message from the person marks its request in the inbox with text and an
 * icon, not colour alone (WCAG 2.1 AA, 1.4.1 Use of Color), in English and Swedish; the
 * start page's count leads to the filter; opening the request as its assignee shows the
 * message highlighted and clears the mark. Axe on each page.
 */
class NewFromPersonBrowserTest extends BrowserTest {

	@Autowired
	RequestService requests;

	@Autowired
	PersonMessages messages;

	@Autowired
	AccountService accounts;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	DsrRequest request;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		// Only to inject axe-core: the application's CSP forbids inline script.
		return super.contextOptions().setBypassCSP(true);
	}

	@AfterEach
	void closeWhatWasOpened() {
		if (this.request != null) {
			OpenedRequests.close(this.jdbc, List.of(this.request.getId()));
		}
	}

	@Test
	void aMessageIsMarkedInTheInboxAndClearedWhenTheAssigneeOpensTheRequest() {
		String family = "Unread" + UUID.randomUUID().toString().substring(0, 8);
		String email = "handler-" + UUID.randomUUID() + "@example.com";
		StaffUser me = this.accounts.create(email, "Me " + family, EnumSet.of(Role.CASE_HANDLER), "en",
				TestAccounts.PASSWORD, Actor.SYSTEM);
		this.request = this.requests.register(new NewRequest("Ada " + family, null, null, "en", RequestType.ACCESS,
				Channel.EMAIL, "Everything you hold.", null), Actor.SYSTEM);
		this.requests.assign(this.request.getId(), null, me.getId(), Actor.SYSTEM);
		this.transactions.executeWithoutResult((status) -> this.messages.record(this.requests.get(this.request.getId()),
				"I have moved; please write to my new address.", null, new Actor(null, "data subject")));
		String reference = this.request.getReference();

		signIn(email, TestAccounts.PASSWORD);
		this.page.navigate("/staff");
		assertThat(this.page.locator("#new-from-person-link")).containsText("new messages from the person");
		assertThat(Axe.violations(this.page)).isEmpty();
		this.page.locator("#new-from-person-link").click();
		assertThat(this.page).hasURL(java.util.regex.Pattern.compile(".*/staff/requests\\?fromPerson=true$"));
		assertThat(this.page.locator("#view-from-person")).hasAttribute("aria-current", "page");

		this.page.navigate("/staff/requests?fromPerson=true&q=" + family);
		assertThat(this.page.locator("#inbox tbody tr")).hasCount(1);
		assertThat(this.page.locator("tr[data-reference='" + reference + "'] .new-from-person")).isVisible();
		assertThat(this.page.locator("tr[data-reference='" + reference + "'] .new-from-person"))
			.containsText("New message");
		// The icon beside the text, hidden from screen readers (the text says it).
		assertThat(this.page.locator("tr[data-reference='" + reference + "'] .new-from-person [aria-hidden=true]"))
			.hasText("\u2709\uFE0E");
		assertThat(Axe.violations(this.page)).isEmpty();
		this.page.navigate("/staff/requests?fromPerson=true&q=" + family + "&lang=sv");
		assertThat(this.page.locator("tr[data-reference='" + reference + "'] .new-from-person"))
			.containsText("Nytt meddelande");
		assertThat(this.page.getByLabel("Nytt från personen")).isChecked();
		assertThat(Axe.violations(this.page)).isEmpty();

		this.page.navigate("/staff/requests?q=" + family + "&lang=en");
		this.page.locator("tr[data-reference='" + reference + "'] td a").first().click();
		assertThat(this.page.locator("#new-from-person-notice"))
			.containsText("1 new message from the person since the case was last opened");
		assertThat(this.page.locator(".timeline-entry.timeline-new")).hasCount(1);
		assertThat(this.page.locator(".timeline-entry.timeline-new"))
			.containsText("I have moved; please write to my new address.");
		assertThat(this.page.locator(".timeline-new-badge")).containsText("New since last opened");
		assertThat(Axe.violations(this.page)).isEmpty();

		this.page.navigate("/staff/requests?q=" + family);
		assertThat(this.page.locator("#inbox tbody tr")).hasCount(1);
		assertThat(this.page.locator("tr[data-reference='" + reference + "'] .new-from-person")).hasCount(0);
		this.page.navigate("/staff/requests?fromPerson=true&q=" + family);
		assertThat(this.page.locator("#no-requests")).isVisible();
	}

}
