package se.dsrdesk.answer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.location.connector.NewFinding;
import se.dsrdesk.location.connector.TaskFindings;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.AnswerReview;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.PackageFiles;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a case handler masks a colleague's sentence about the person in a mail
 * that the task found, in the review of an access answer's package, and sends the answer;
 * the mail, the PDF (read back as text), the JSON and the ZIP behind the link carry the
 * marker and not the sentence (GDPR Art. 15(4)).
 */
class AnswerPackageRedactionBrowserTest extends BrowserTest {

	static final Pattern LINK = Pattern.compile("(/request/download/[A-Za-z0-9_-]{43}/)");

	static final String REMARK = "Per Persson says the customer has heavy debts and is on sick leave.";

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	LocationService locations;

	@Autowired
	AccountService accounts;

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskFindings findings;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	DataLocation crm;

	DsrRequest request;

	@AfterEach
	void closeWhatWasOpened() {
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
	void aSentenceMaskedInThePackageReviewReachesNoFileOfTheAnswer() throws Exception {
		String handlerEmail = "handler-" + UUID.randomUUID() + "@example.com";
		String personEmail = "erik-" + UUID.randomUUID() + "@example.com";
		Finding supportMail = foundAccessRequest(handlerEmail, personEmail);
		long id = this.request.getId();

		signIn(handlerEmail, TestAccounts.PASSWORD);
		this.page.navigate("/staff/requests/" + id + "/answer");
		this.page.locator("#answer-package-link").click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Answer package for " + this.request.getReference());
		assertThat(this.page.locator("#package-masks")).hasText("Masked passages: 0");
		Locator text = this.page.locator("#text-" + supportMail.id());
		assertThat(text).isVisible();
		assertThat(text.inputValue()).contains(REMARK);
		text.fill(text.inputValue().replace(REMARK, "[[" + REMARK + "]]"));
		this.page.locator("#section-" + supportMail.id())
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true))
			.click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("The text was saved as approved.");
		// Saved: the page counts the mask and shows the approved text.
		assertThat(this.page.locator("#package-masks")).hasText("Masked passages: 1");
		assertThat(this.page.locator("#text-" + supportMail.id()).inputValue()).contains("[[" + REMARK + "]]");

		AnswerReview.sendFromPackageReview(this.page);

		List<MimeMessage> letters = mail.awaitMessagesTo(personEmail, 1, Duration.ofSeconds(20));
		assertThat(letters).hasSize(1);
		String letter = MailServer.plainText(letters.get(0));
		assertThat(letter).doesNotContain("Per Persson", "heavy debts");
		Matcher link = LINK.matcher(letter);
		assertThat(link.find()).isTrue();
		String base = link.group(1);

		// The person, not signed in, fetches the files behind the link.
		this.page.context().clearCookies();
		String pdf = PackageFiles.pdfText(fetch(base + "extract.pdf"));
		assertThat(pdf).contains("Hello, this is about my invoice.", "[redacted]")
			.doesNotContain("Per Persson", "heavy debts");

		JsonNode root = this.json.readTree(fetch(base + "extract.json"));
		String mailSection = root.path("sections").get(0).path("text").asString();
		assertThat(mailSection).contains("Hello, this is about my invoice.", "[redacted]")
			.doesNotContain("Per Persson");
		assertThat(root.toString()).doesNotContain("Per Persson", "heavy debts");

		Map<String, byte[]> entries = PackageFiles.unzip(fetch(base + "package.zip"));
		String mailName = supportMail.id() + "-support.eml";
		assertThat(entries).containsKeys("extract.pdf", "extract.json", mailName);
		assertThat(new String(entries.get(mailName), StandardCharsets.UTF_8)).contains("[redacted]")
			.doesNotContain("Per Persson");
		entries.forEach((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name)
			.doesNotContain("Per Persson", "heavy debts"));
		try (PDDocument document = Loader.loadPDF(entries.get("extract.pdf"))) {
			assertThat(new PDFTextStripper().getText(document)).contains("[redacted]").doesNotContain("Per Persson");
		}
	}

	/**
	 * An English access request whose CRM task found a support mail with a colleague's
	 * remark about the person; identity verified, every task finished, the handler the
	 * CRM's owner.
	 */
	private Finding foundAccessRequest(String handlerEmail, String personEmail) {
		StaffUser handler = this.accounts.create(handlerEmail, "Hanna Handläggare", EnumSet.of(Role.CASE_HANDLER), "en",
				TestAccounts.PASSWORD, Actor.SYSTEM);
		String name = "CRM " + UUID.randomUUID().toString().substring(0, 8);
		this.crm = this.locations
			.create(new LocationDetails(new LocalizedText("Kundregister", name), new LocalizedText(null, null),
					LocationKind.OTHER, handler, new LocalizedText("Namn och e-post", "Name and email"),
					new LocalizedText("Kundtjänst", "Support"), LegalBasis.CONTRACT, List.of(),
					new LocalizedText("Från dig", "From you"), new LocalizedText("Två år", "Two years"), 24,
					new LocalizedText(null, null), new LocalizedText(null, null), 12, EnumSet.of(RequestType.ACCESS)),
					Actor.SYSTEM);
		DsrRequest registered = this.requests.register(new NewRequest("Erik Eriksson", personEmail, null, "en",
				RequestType.ACCESS, Channel.EMAIL, "What do you hold about me?", null), Actor.SYSTEM);
		this.request = this.requests.startWork(registered.getId(), null, Actor.SYSTEM);
		this.requests.verifyIdentity(registered.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(registered.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(this.crm.getId()))
			.findFirst()
			.orElseThrow();
		String body = "From: " + personEmail + "\nSubject: Invoice\n\nHello, this is about my invoice.\n" + REMARK
				+ "\n";
		Finding found = this.findings
			.add(task.getId(), List.of(NewFinding.file("Support mail", "imap:support/INBOX/1", "support.eml",
					"message/rfc822", body.getBytes(StandardCharsets.UTF_8))), Actor.SYSTEM)
			.get(0);
		this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.FOUND, "Looked up.", "One support mail", null, null, null), Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, registered.getId());
		return found;
	}

}
