package se.dsrdesk.mailchimp;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.BrowserTest;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static se.dsrdesk.mailchimp.MailchimpApi.CUSTOMERS;
import static se.dsrdesk.mailchimp.MailchimpApi.KEY;
import static se.dsrdesk.mailchimp.MailchimpApi.NEWSLETTER;

/**
 * In Chromium, the erasure journey with the Mailchimp connector (WireMock answering as
 * Mailchimp's API reference documents): the case handler looks for the person, sees both
 * memberships, is refused until they confirm that it cannot be undone, erases, sees the
 * evidence and the task erased, and the draft letter says that the address was deleted
 * for good.
 */
class MailchimpErasureBrowserTest extends BrowserTest {

	static final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		server.start();
		MailchimpApi.warmUp(server);
	}

	@DynamicPropertySource
	static void mailchimp(DynamicPropertyRegistry registry) {
		registry.add("dsr.mailchimp.api-key", () -> KEY);
		registry.add("dsr.mailchimp.base-url", () -> server.baseUrl() + "/3.0");
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@Autowired
	LocationService locations;

	@Autowired
	AccountService accounts;

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	DataLocation location;

	DsrRequest request;

	@AfterEach
	void closeWhatWasOpened() {
		if (this.request != null) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at where id = ?",
					this.request.getId());
		}
		if (this.location != null) {
			this.jdbc.update("update data_location set active = false where id = ?", this.location.getId());
		}
	}

	@Test
	void findConfirmEraseSeeTheEvidenceAndTheLetter() {
		String address = "Asa.Oberg." + UUID.randomUUID().toString().substring(0, 8) + "@Exempel.SE";
		server.resetAll();
		MailchimpApi.memberInTwoAudiences(server, address);
		server.stubFor(
				get(urlPathEqualTo("/3.0/search-members")).atPriority(10).willReturn(okJson(MailchimpApi.search())));
		server.stubFor(MailchimpApi.deleted(post(urlPathMatching("/3.0/lists/.*/actions/delete-permanent"))));
		String handlerEmail = "handler-" + UUID.randomUUID() + "@example.com";
		StaffUser handler = this.accounts.create(handlerEmail, "Hanna Handläggare", EnumSet.of(Role.CASE_HANDLER), "en",
				TestAccounts.PASSWORD, Actor.SYSTEM);
		String name = "Newsletter " + UUID.randomUUID().toString().substring(0, 8);
		this.location = this.locations.create(new LocationDetails(new LocalizedText("Nyhetsbrev", name),
				new LocalizedText(null, null), LocationKind.NEWSLETTER_PLATFORM, handler, new LocalizedText(null, null),
				new LocalizedText(null, null), LegalBasis.CONSENT, List.of(), new LocalizedText(null, null),
				new LocalizedText("Tills avregistrering", "Until unsubscribed"), 24, new LocalizedText(null, null),
				new LocalizedText(null, null), 12, EnumSet.of(RequestType.ERASURE), true), Actor.SYSTEM);
		DsrRequest registered = this.requests.register(
				new NewRequest("Åsa Öberg", address, null, "en", RequestType.ERASURE, Channel.EMAIL, null, null),
				Actor.SYSTEM);
		this.request = this.requests.startWork(registered.getId(), null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(this.request.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(this.location.getId()))
			.findFirst()
			.orElseThrow();

		signIn(handlerEmail, TestAccounts.PASSWORD);
		this.page.navigate("/staff/tasks/" + task.getId());
		assertThat(this.page.locator("#task-connector")).containsText("Connected system: Mailchimp");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Look for the person")).click();
		assertThat(this.page.locator("#task-connector")).containsText("Audience Newsletter: subscribed");
		assertThat(this.page.locator("#task-connector")).containsText("Audience Customers: unsubscribed");
		assertThat(this.page.getByLabel("Audience Newsletter: subscribed")).isChecked();

		// Not without the confirmation.
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase for good")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("Erasing cannot be undone");
		server.verify(0, postRequestedFor(anyUrl()));

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Look for the person")).click();
		this.page.getByLabel("I understand that this cannot be undone", new Page.GetByLabelOptions().setExact(false))
			.check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase for good")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Erased: 2.");
		assertThat(this.page.locator("#task-connector"))
			.containsText("Audience " + NEWSLETTER + ": deleted permanently at");
		assertThat(this.page.locator("#task-connector"))
			.containsText("Audience " + CUSTOMERS + ": deleted permanently at");
		server.verify(2, postRequestedFor(urlPathMatching(".*/actions/delete-permanent")));
		server.verify(0, deleteRequestedFor(anyUrl()));
		assertThat(this.page.locator("main")).not().containsText(KEY);

		this.page.navigate("/staff/requests/" + this.request.getId() + "/answer");
		assertThat(this.page.locator("#answerText")).containsText(name
				+ ": your address and everything linked to it have been permanently deleted from our newsletter list");
	}

}
