package se.dsrdesk.answer;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a case handler works an erasure request through its tasks, one location
 * keeping the data on a legal ground, reviews and edits the answer letter and sends it;
 * the person receives it over SMTP with the retained item and its legal ground.
 */
class AnswerLetterBrowserTest extends BrowserTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	LocationService locations;

	@Autowired
	AccountService accounts;

	@Autowired
	RequestService requests;

	@Autowired
	JdbcTemplate jdbc;

	DataLocation ledger;

	DsrRequest request;

	@AfterEach
	void closeWhatWasOpened() {
		if (this.request != null) {
			this.jdbc.update(
					"update dsr_request set status = 'COMPLETED', closed_at = created_at"
							+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')",
					this.request.getId());
		}
		if (this.ledger != null) {
			this.jdbc.update("update data_location set active = false where id = ?", this.ledger.getId());
		}
	}

	@Test
	void aCaseHandlerWorksAnErasureRequestWithOneLocationRetainedAndSendsTheLetter() {
		String handlerEmail = "handler-" + UUID.randomUUID() + "@example.com";
		StaffUser handler = this.accounts.create(handlerEmail, "Hanna Handläggare", EnumSet.of(Role.CASE_HANDLER), "en",
				TestAccounts.PASSWORD, Actor.SYSTEM);
		String name = "Ledger " + UUID.randomUUID().toString().substring(0, 8);
		this.ledger = this.locations.create(new LocationDetails(new LocalizedText("Reskontra", name),
				new LocalizedText(null, null), LocationKind.OTHER, handler, new LocalizedText(null, null),
				new LocalizedText(null, null), LegalBasis.LEGAL_OBLIGATION, List.of(), new LocalizedText(null, null),
				new LocalizedText("Sju år", "Seven years"), 84, new LocalizedText(null, null),
				new LocalizedText(null, null), 12, EnumSet.of(RequestType.ERASURE)), Actor.SYSTEM);
		String personEmail = "person-" + UUID.randomUUID() + "@example.com";
		this.request = this.requests.register(new NewRequest("Erik Eriksson", personEmail, null, "en",
				RequestType.ERASURE, Channel.EMAIL, "Please erase everything about me.", null), Actor.SYSTEM);

		signIn(handlerEmail, TestAccounts.PASSWORD);
		this.page.navigate("/staff/requests/" + this.request.getId());
		button("Take up").click();
		assertThat(this.page.locator("#request-status")).hasText("In progress");

		// The ledger keeps the invoices on the Bookkeeping Act; everywhere else: nothing.
		this.page.locator("#request-checklist a", new Page.LocatorOptions().setHasText(name)).click();
		this.page.getByLabel("Retained on a legal ground").check();
		this.page.getByLabel("Note: what you checked and did").fill("Two invoices to the person.");
		this.page.getByLabel("Legal ground", new Page.GetByLabelOptions().setExact(true))
			.selectOption("BOOKKEEPING_ACT");
		this.page.getByLabel("Kept until").fill("2040-12-31");
		button("Record outcome").click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("The outcome was recorded.");
		this.page.navigate("/staff/requests/" + this.request.getId());
		Locator openTask = this.page.locator("#request-checklist tr", new Page.LocatorOptions().setHasText("Open"))
			.locator("a");
		int guard = 0;
		while (openTask.count() > 0 && guard++ < 50) {
			openTask.first().click();
			this.page.getByLabel("Not found", new Page.GetByLabelOptions().setExact(true)).check();
			this.page.getByLabel("Note: what you checked and did").fill("Searched by email address; nothing.");
			button("Record outcome").click();
			assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("The outcome was recorded.");
			this.page.navigate("/staff/requests/" + this.request.getId());
		}
		assertThat(this.page.locator("#request-checklist")).not().containsText("Open");

		// The letter is composed from the outcomes; the handler adds a line and sends it.
		this.requests.verifyIdentity(this.request.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		button("Complete request").click();
		Locator letter = this.page.getByLabel("The letter to the person");
		assertThat(letter).isVisible();
		assertThat(letter.inputValue()).contains(name
				+ ": the data about you is kept until 31 December 2040. We are required to keep the data by the Swedish Bookkeeping Act");
		letter.fill(letter.inputValue()
			.replace("Kind regards,", "The invoices are kept only for the accounts.\n\nKind regards,"));
		button("Send the letter and complete").click();
		assertThat(this.page.getByRole(AriaRole.STATUS))
			.hasText("The answer letter was queued and the request completed.");
		assertThat(this.page.locator("#request-status")).hasText("Completed");
		assertThat(this.page.locator("#timeline")).containsText(this.request.getReference() + ": our answer");
		assertThat(this.requests.get(this.request.getId()).getStatus()).isEqualTo(RequestStatus.COMPLETED);

		List<MimeMessage> letters = mail.awaitMessagesTo(personEmail, 1, Duration.ofSeconds(10));
		assertThat(letters).hasSize(1);
		assertThat(MailServer.plainText(letters.get(0))).contains(
				name + ": the data about you is kept until 31 December 2040",
				"the Swedish Bookkeeping Act (bokföringslagen, 1999:1078)", "in part a refusal",
				"Integritetsskyddsmyndigheten (IMY)", "court", "The invoices are kept only for the accounts.");
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
