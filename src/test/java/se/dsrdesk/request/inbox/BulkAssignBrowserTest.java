package se.dsrdesk.request.inbox;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.Axe;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.OpenedRequests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a case handler assigns several requests of the inbox at once, with and
 * without JavaScript; a request changed by someone else meanwhile is left alone and
 * counted; the quick views show their counts. Axe on each state.
 */
class BulkAssignBrowserTest extends BrowserTest {

	@Autowired
	RequestService requests;

	@Autowired
	AccountService accounts;

	@Autowired
	StaffUserRepository staff;

	@Autowired
	JdbcTemplate jdbc;

	final List<Long> opened = new ArrayList<>();

	@Override
	protected Browser.NewContextOptions contextOptions() {
		// Only to inject axe-core: the application's CSP forbids inline script.
		return super.contextOptions().setBypassCSP(true);
	}

	@AfterEach
	void closeWhatWasOpened() {
		OpenedRequests.close(this.jdbc, this.opened);
	}

	@Test
	void twoTickedRequestsAreAssignedAndAuditedAndAChangedOneIsCounted() {
		String family = "Bulk" + UUID.randomUUID().toString().substring(0, 8);
		DsrRequest first = registered("Ada " + family);
		DsrRequest second = registered("Bo " + family);
		DsrRequest third = registered("Cy " + family);
		String me = handler("Me " + family);
		StaffUser colleague = colleague("Colleague " + family);

		signIn(me, TestAccounts.PASSWORD);
		this.page.navigate("/staff/requests?q=" + family);
		assertThat(this.page.locator("#inbox tbody tr")).hasCount(3);
		assertThat(this.page.locator("#view-open .count")).not().hasText("0");
		assertThat(this.page.locator("#view-mine .count")).hasText("0");
		assertThat(Axe.violations(this.page)).isEmpty();

		// Nothing ticked, no one chosen: the page again with both errors, axe clean.
		button("Assign").click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("Tick at least one request in the table.");
		assertThat(this.page.locator("#bulk-assignee-error"))
			.hasText("Choose the case handler to assign the requests to.");
		assertThat(Axe.violations(this.page)).isEmpty();

		// Two ticked; the third is changed by someone else after the page was read.
		this.page.getByLabel("Select " + first.getReference()).check();
		this.page.getByLabel("Select " + second.getReference()).check();
		this.page.getByLabel("Select " + third.getReference()).check();
		this.requests.assign(third.getId(), null, colleague.getId(), Actor.SYSTEM);
		this.page.getByLabel("Assign the ticked requests to").selectOption(new SelectOption().setLabel("Me " + family));
		button("Assign").click();
		assertThat(this.page.getByRole(AriaRole.STATUS))
			.hasText("2 requests were assigned to Me " + family + "; 1 had changed meanwhile.");
		assertThat(this.page).hasURL(java.util.regex.Pattern.compile(".*/staff/requests\\?q=" + family + "$"));
		long meId = this.staff.findByEmail(me).orElseThrow().getId();
		assertThat(assignee(first)).isEqualTo(meId);
		assertThat(assignee(second)).isEqualTo(meId);
		assertThat(assignee(third)).isEqualTo(colleague.getId());
		assertThat(audited(first)).isEqualTo(1);
		assertThat(audited(second)).isEqualTo(1);
		assertThat(this.page.locator("#view-mine .count")).hasText("2");
		assertThat(Axe.violations(this.page)).isEmpty();
	}

	@Test
	void withoutJavaScriptTheBoxInTheHeaderAssignsTheWholePage() {
		String family = "Plain" + UUID.randomUUID().toString().substring(0, 8);
		DsrRequest first = registered("Ada " + family);
		DsrRequest second = registered("Bo " + family);
		String me = handler("Nils " + family);
		signIn(me, TestAccounts.PASSWORD);
		BrowserContext noScript = this.context.browser()
			.newContext(contextOptions().setJavaScriptEnabled(false).setStorageState(this.context.storageState()));
		try {
			Page plain = noScript.newPage();
			plain.navigate("/staff/requests?q=" + family + "&lang=sv");
			plain.getByLabel("Markera alla ärenden på den här sidan").check();
			plain.getByLabel("Tilldela de markerade ärendena till")
				.selectOption(new SelectOption().setLabel("Nils " + family));
			plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilldela").setExact(true)).click();
			assertThat(plain.getByRole(AriaRole.STATUS))
				.hasText("2 ärenden tilldelades Nils " + family + "; inget hade ändrats under tiden.");
		}
		finally {
			noScript.close();
		}
		// The same Swedish page with JavaScript, where axe can run.
		this.page.navigate("/staff/requests?q=" + family + "&lang=sv");
		assertThat(this.page.locator("#view-mine .count")).hasText("2");
		assertThat(Axe.violations(this.page)).isEmpty();
		long meId = this.staff.findByEmail(me).orElseThrow().getId();
		assertThat(assignee(first)).isEqualTo(meId);
		assertThat(assignee(second)).isEqualTo(meId);
	}

	private DsrRequest registered(String name) {
		DsrRequest request = this.requests.register(
				new NewRequest(name, null, null, "en", RequestType.ACCESS, Channel.EMAIL, "Everything you hold.", null),
				Actor.SYSTEM);
		this.opened.add(request.getId());
		return request;
	}

	private String handler(String displayName) {
		String email = "handler-" + UUID.randomUUID() + "@example.com";
		this.accounts.create(email, displayName, EnumSet.of(Role.CASE_HANDLER), "en", TestAccounts.PASSWORD,
				Actor.SYSTEM);
		return email;
	}

	private StaffUser colleague(String displayName) {
		return this.staff.findByEmail(handler(displayName)).orElseThrow();
	}

	private Long assignee(DsrRequest request) {
		return this.jdbc.queryForObject("select assignee_id from dsr_request where id = ?", Long.class,
				request.getId());
	}

	private Integer audited(DsrRequest request) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'REQUEST_ASSIGNED'"
						+ " and target_type = 'REQUEST' and target_id = ? and actor_id is not null",
				Integer.class, String.valueOf(request.getId()));
	}

	private com.microsoft.playwright.Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
