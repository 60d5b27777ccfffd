package se.dsrdesk.request.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.FilePayload;
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
import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.Axe;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.system.SecretTokens;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium, the person's status page: writing to us with a file (a refused file type
 * first, with the text kept), and, after an access answer, the buttons that download the
 * answer's files. Axe on every state.
 */
class StatusPageBrowserTest extends BrowserTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	RequestService requests;

	@Autowired
	LocationService locations;

	@Autowired
	TaskService tasks;

	@Autowired
	AccountService accounts;

	@Autowired
	AnswerComposer composer;

	@Autowired
	JdbcTemplate jdbc;

	DsrRequest request;

	DataLocation location;

	/**
	 * Axe's script is injected into the page: the test's browser lets it past the CSP.
	 */
	@Override
	protected Browser.NewContextOptions contextOptions() {
		return super.contextOptions().setBypassCSP(true);
	}

	@AfterEach
	void closeWhatWasOpened() {
		if (this.request != null) {
			this.jdbc.update(
					"update dsr_request set status = 'WITHDRAWN', closed_at = created_at"
							+ " where id = ? and status in ('NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT')",
					this.request.getId());
		}
		if (this.location != null) {
			this.jdbc.update("update data_location set active = false where id = ?", this.location.getId());
		}
	}

	@Test
	void thePersonWritesToUsWithAFileAndARefusedFileKeepsTheText() {
		this.request = this.requests.register(new NewRequest("Åsa Öberg", "asa-" + UUID.randomUUID() + "@example.com",
				null, "en", RequestType.ERASURE, Channel.EMAIL, "Please erase me.", null), Actor.SYSTEM);
		this.page.navigate(statusPath(this.request));
		assertThat(this.page.locator("#write-heading")).hasText("Write to us");
		assertThat(Axe.violations(this.page)).isEmpty();

		this.page.getByLabel("Your message").fill("Here is my customer number: 4711.\nRegards, Åsa");
		this.page.getByLabel("A file (optional)")
			.setInputFiles(new FilePayload("program.exe", "application/octet-stream", new byte[] { 'M', 'Z' }));
		this.page.locator("#message-form button[type=submit]").click();
		assertThat(this.page.locator("#file-error")).containsText("This type of file is not accepted.");
		assertThat(this.page.getByLabel("Your message")).hasValue("Here is my customer number: 4711.\nRegards, Åsa");
		assertThat(Axe.violations(this.page)).isEmpty();

		this.page.getByLabel("A file (optional)")
			.setInputFiles(new FilePayload("invoice.pdf", "application/pdf",
					"%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
		this.page.locator("#message-form button[type=submit]").click();
		assertThat(this.page.locator("#message-sent"))
			.hasText("Thank you, we have received your message. It is with your request.");
		assertThat(this.page.locator("#messages")).containsText("Here is my customer number: 4711.");
		assertThat(this.page.locator("#messages")).containsText("File: invoice.pdf");
		assertThat(this.page.locator("#message")).hasValue("");
		assertThat(Axe.violations(this.page)).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from request_attachment where request_id = ?",
				Integer.class, this.request.getId()))
			.isEqualTo(1);
	}

	@Test
	void afterAnAccessAnswerTheStatusPageOffersTheFilesForDownload() throws Exception {
		StaffUser owner = this.accounts.create("owner-" + UUID.randomUUID() + "@example.com", "Olga Owner",
				EnumSet.of(Role.CASE_HANDLER), "en", TestAccounts.PASSWORD, Actor.SYSTEM);
		String id = UUID.randomUUID().toString().substring(0, 8);
		this.location = this.locations.create(new LocationDetails(new LocalizedText("Kundregister " + id, "CRM " + id),
				new LocalizedText(null, null), LocationKind.OTHER, owner, new LocalizedText("Namn", "Name"),
				new LocalizedText("Kundtjänst", "Support"), LegalBasis.CONTRACT, List.of(),
				new LocalizedText("Från dig", "From you"), new LocalizedText("Två år", "Two years"), 24,
				new LocalizedText(null, null), new LocalizedText(null, null), 12, EnumSet.of(RequestType.ACCESS)),
				Actor.SYSTEM);
		DsrRequest access = this.requests
			.register(new NewRequest("Erik Eriksson", "erik-" + UUID.randomUUID() + "@example.com", null, "en",
					RequestType.ACCESS, Channel.EMAIL, null, null), Actor.SYSTEM);
		this.request = this.requests.startWork(access.getId(), null, Actor.SYSTEM);
		this.requests.verifyIdentity(access.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(access.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(this.location.getId()))
			.findFirst()
			.orElseThrow();
		this.tasks.recordOutcome(task.getId(), new OutcomeRecord(TaskOutcome.FOUND, "Looked up.",
				"Your name and two support tickets", null, null, null), Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, access.getId());
		this.requests.answer(access.getId(), null, this.composer.compose(access.getId(), Locale.ENGLISH), Actor.SYSTEM);

		this.page.navigate(statusPath(access));
		assertThat(this.page.locator("#answer-files-heading")).hasText("The files of our answer");
		assertThat(this.page.locator("#write")).hasCount(0);
		assertThat(Axe.violations(this.page)).isEmpty();
		Download pdf = this.page.waitForDownload(() -> this.page.getByText("Your data (PDF)").click());
		byte[] bytes = Files.readAllBytes(pdf.path());
		assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		Download zip = this.page.waitForDownload(() -> this.page.getByText("Everything in one ZIP file").click());
		assertThat(zip.suggestedFilename()).isEqualTo("package.zip");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'ANSWER_DOWNLOADED' and target_id = ?", Integer.class,
				Long.toString(access.getId())))
			.isEqualTo(2);
	}

	/** A status link for a request registered by staff, as confirming would give one. */
	private String statusPath(DsrRequest request) {
		String token = SecretTokens.generate();
		this.jdbc.update(
				"insert into request_token (request_id, purpose, token_hash, created_at) values (?, 'STATUS', ?, ?)",
				request.getId(), SecretTokens.hash(token), Timestamp.from(Instant.now()));
		return "/request/status/" + request.getReference() + "/" + token;
	}

}
