package se.dsrdesk.answer;

import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.Recipient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a case handler answers an access request; the person's mail has a link
 * through which the extract downloads as PDF and as JSON; once the link has expired it
 * gives a page saying so.
 */
class AccessDownloadBrowserTest extends BrowserTest {

	static final Pattern LINK = Pattern.compile("(/request/download/[A-Za-z0-9_-]{43}/)");

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	LocationService locations;

	@Autowired
	AccountService accounts;

	@Autowired
	RequestService requests;

	@Autowired
	JsonMapper json;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	DataLocation crm;

	DsrRequest request;

	@AfterEach
	void closeWhatWasOpened() {
		this.clock.reset();
		if (this.request != null) {
			this.jdbc.update(
					"update dsr_request set status = 'COMPLETED', closed_at = created_at"
							+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')",
					this.request.getId());
		}
		if (this.crm != null) {
			this.jdbc.update("update data_location set active = false where id = ?", this.crm.getId());
		}
	}

	@Test
	void anAccessRequestYieldsAPdfAndAJsonThroughTheLinkUntilItExpires() throws Exception {
		String handlerEmail = "handler-" + UUID.randomUUID() + "@example.com";
		StaffUser handler = this.accounts.create(handlerEmail, "Hanna Handläggare", EnumSet.of(Role.CASE_HANDLER), "en",
				TestAccounts.PASSWORD, Actor.SYSTEM);
		String name = "CRM " + UUID.randomUUID().toString().substring(0, 8);
		this.crm = this.locations.create(new LocationDetails(new LocalizedText("Kundregister", name),
				new LocalizedText(null, null), LocationKind.OTHER, handler,
				new LocalizedText("Namn och e-post", "Name and email"),
				new LocalizedText("Kundtjänst", "Customer service"), LegalBasis.CONTRACT,
				List.of(new Recipient("Zendesk Inc", Recipient.Role.PROCESSOR, "USA", "Standard contractual clauses")),
				new LocalizedText("Från dig", "From you"), new LocalizedText("Två år", "Two years"), 24,
				new LocalizedText(null, null), new LocalizedText(null, null), 12, EnumSet.of(RequestType.ACCESS)),
				Actor.SYSTEM);
		String personEmail = "person-" + UUID.randomUUID() + "@example.com";
		this.request = this.requests.register(new NewRequest("Erik Eriksson", personEmail, null, "en",
				RequestType.ACCESS, Channel.EMAIL, "What do you hold about me?", null), Actor.SYSTEM);

		signIn(handlerEmail, TestAccounts.PASSWORD);
		this.page.navigate("/staff/requests/" + this.request.getId());
		button("Take up").click();
		assertThat(this.page.locator("#request-status")).hasText("In progress");
		this.page.locator("#request-checklist a", new Page.LocatorOptions().setHasText(name)).click();
		this.page.getByLabel("Found", new Page.GetByLabelOptions().setExact(true)).check();
		this.page.getByLabel("Note: what you checked and did").fill("Looked up by email.");
		this.page.getByLabel("Details: what was found, what was kept, or why")
			.fill("Your name, your email address and two support tickets");
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
		this.requests.verifyIdentity(this.request.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		button("Complete request").click();
		assertThat(this.page.getByLabel("The letter to the person")).isVisible();
		// The handler masks a third person's remark; the page counts the mask as it is
		// typed.
		Locator letter = this.page.getByLabel("The letter to the person");
		assertThat(this.page.locator("#answer-masks")).hasText("Masked passages: 0");
		letter.fill(letter.inputValue()
			.replace("two support tickets", "two support tickets [[and a note by Per Persson about your debts]]"));
		assertThat(this.page.locator("#answer-masks")).hasText("Masked passages: 1");
		button("Send the letter and complete").click();
		assertThat(this.page.getByRole(AriaRole.STATUS))
			.hasText("The answer letter was queued and the request completed.");

		List<MimeMessage> letters = mail.awaitMessagesTo(personEmail, 1, Duration.ofSeconds(10));
		assertThat(letters).hasSize(1);
		assertThat(MailServer.plainText(letters.get(0))).contains("two support tickets [redacted]")
			.doesNotContain("Per Persson");
		Matcher link = LINK.matcher(MailServer.plainText(letters.get(0)));
		assertThat(link.find()).isTrue();
		String base = link.group(1);

		// The person, not signed in, follows the links.
		this.page.context().clearCookies();
		byte[] pdf = download(base + "extract.pdf");
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document).replaceAll("-\\R", "-").replaceAll("\\s+", " "))
				.contains("Extract of your personal data (" + this.request.getReference() + ")")
				.contains(name + ": Your name, your email address and two support tickets [redacted]")
				.doesNotContain("Per Persson")
				.contains(
						"Zendesk Inc, processor, which processes it on our behalf, USA; basis for the transfer: Standard contractual clauses",
						"Integritetsskyddsmyndigheten (IMY)");
		}
		JsonNode root = this.json.readTree(download(base + "extract.json"));
		assertThat(root.path("request").path("reference").asString()).isEqualTo(this.request.getReference());
		// The JSON holds the letter as sent, the mail's text word for word.
		assertThat(root.path("answer").asString()).doesNotContain("Per Persson").contains("[redacted]");
		assertThat(root.path("answer").asString()).contains(
				name + ": Your name, your email address and two support tickets", "Zendesk Inc", "Customer service",
				"Two years");
		assertThat(MailServer.plainText(letters.get(0)).replaceAll("\\s+", " "))
			.contains(root.path("answer").asString().replaceAll("\\s+", " "));
		assertThat(this.page.context().cookies()).noneMatch((c) -> c.name.equals("JSESSIONID"));

		// Thirty-one days later the link no longer works.
		this.clock.set(this.clock.instant().plus(Duration.ofDays(31)));
		Response gone = this.page.navigate(base + "extract.pdf");
		assertThat(gone.status()).isEqualTo(410);
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("This link no longer works");
	}

	private byte[] download(String path) throws Exception {
		Download download = this.page.waitForDownload(() -> {
			try {
				this.page.navigate(path);
			}
			catch (PlaywrightException ex) {
				// Chromium reports a navigation that turns into a download as aborted.
			}
		});
		assertThat(download.suggestedFilename()).isEqualTo(path.substring(path.lastIndexOf('/') + 1));
		return Files.readAllBytes(download.path());
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
