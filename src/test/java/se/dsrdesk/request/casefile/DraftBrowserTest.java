package se.dsrdesk.request.casefile;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.Axe;
import se.dsrdesk.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edited answer letter survives the end of the session: the text is saved as a draft
 * on the server while the case handler types; when they send it after the session has
 * ended (here: the session cookie is gone, as after a time-out) they sign in again and
 * come back to the answer page with their text and a message.
 */
class DraftBrowserTest extends BrowserTest {

	@Autowired
	RequestService requests;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	DsrRequest request;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		// Only to inject axe-core: the application's CSP forbids inline script.
		return super.contextOptions().setBypassCSP(true);
	}

	@AfterEach
	void closeIt() {
		if (this.request != null) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at where id = ?"
					+ " and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", this.request.getId());
		}
	}

	@Test
	void theAnswerLetterSurvivesASessionTimeOut() {
		String handler = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		this.request = this.requests.register(new NewRequest("Di Person", "di-" + System.nanoTime() + "@example.com",
				null, "en", RequestType.ACCESS, Channel.EMAIL, "Copy please.", null), Actor.SYSTEM);
		this.requests.startWork(this.request.getId(), null, Actor.SYSTEM);
		String answerPage = "/staff/requests/" + this.request.getId() + "/answer";

		signIn(handler, TestAccounts.PASSWORD);
		this.page.navigate(answerPage);
		String edited = this.page.locator("#answerText").inputValue() + "\nP.S. A sentence I wrote myself.";
		this.page.locator("#answerText").fill(edited);
		assertThat(this.page.locator("#answer-form .draft-status")).containsText("Draft saved");
		Integer saved = this.jdbc.queryForObject("select count(*) from text_draft where page_path = ?", Integer.class,
				answerPage);
		assertThat(saved).isEqualTo(1);

		// The session ends (time-out); the handler sends the letter.
		this.context.clearCookies();
		this.page
			.getByRole(AriaRole.BUTTON,
					new com.microsoft.playwright.Page.GetByRoleOptions().setName("Send the letter and complete"))
			.click();
		this.page.waitForURL(Pattern.compile(".*/login.*"));
		this.page.locator("#email").fill(handler);
		this.page.locator("#password").fill(TestAccounts.PASSWORD);
		this.page.locator("form[action$='/login'] button[type=submit]").click();

		// Back on the answer page with the text, and a message that says so.
		this.page.waitForURL("**" + answerPage);
		assertThat(this.page.locator(".draft-restored")).containsText("has been put back");
		assertThat(this.page.locator("#answerText")).hasValue(edited);
		assertThat(this.requests.get(this.request.getId()).getStatus().name()).isEqualTo("IN_PROGRESS");
		assertThat(Axe.violations(this.page)).isEmpty();
	}

}
