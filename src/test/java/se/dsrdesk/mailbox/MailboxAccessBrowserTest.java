package se.dsrdesk.mailbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.location.connector.TaskFindings;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.Axe;
import se.dsrdesk.support.AnswerReview;
import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.PackageFiles;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium, an access request answered from the company's mailbox (GreenMail's IMAP in
 * this JVM, mails in Swedish with RFC 2047 headers and quoted-printable text, as mail
 * programs send them): the case handler looks for the person on the mailbox task, sees
 * their mails decoded, copies the selected ones, finds them in the answer package's
 * review, masks a colleague's sentence about a third person in the internal thread (in
 * the mail's text and in its original) and sends the answer; the mail to the person, the
 * PDF (read back as text), the JSON and the original in the ZIP carry the marker and not
 * the sentence (GDPR Art. 15(4)). Axe checks the task page with its hits and the review
 * with the mails.
 */
class MailboxAccessBrowserTest extends BrowserTest {

	static final String LOGIN = "kundtjanst@example.se";

	static final String SECRET = "hemligt";

	static final String THIRD_PERSON = "Per Persson på lagret säger att hon har stora skulder och är sjukskriven.";

	static final Pattern LINK = Pattern.compile("(/request/download/[A-Za-z0-9_-]{43}/)");

	static final ImapServer imap = new ImapServer();

	@RegisterExtension
	static MailServer mail = new MailServer();

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		imap.user(LOGIN, SECRET);
		registry.add("dsr.mailboxes[0].name", () -> "kundtjanst");
		registry.add("dsr.mailboxes[0].host", () -> "127.0.0.1");
		registry.add("dsr.mailboxes[0].port", imap::port);
		registry.add("dsr.mailboxes[0].tls", () -> "NONE");
		registry.add("dsr.mailboxes[0].allow-plain", () -> "true");
		registry.add("dsr.mailboxes[0].user", () -> LOGIN);
		registry.add("dsr.mailboxes[0].password", () -> SECRET);
		registry.add("dsr.mailboxes[0].location-id", () -> MailboxTaskFlowTest.MAILBOX_LOCATION);
	}

	@AfterAll
	static void stopImap() {
		imap.close();
	}

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

	DsrRequest request;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		// axe's script is injected into the page, which the Content Security Policy
		// forbids
		return super.contextOptions().setBypassCSP(true);
	}

	@AfterEach
	void closeWhatWasOpened() {
		if (this.request != null) {
			this.jdbc.update(
					"update dsr_request set status = 'COMPLETED', closed_at = created_at"
							+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')",
					this.request.getId());
		}
	}

	@Test
	void searchSelectCopyMaskAThirdPersonInAThreadAndSend() throws Exception {
		String person = "asa-" + UUID.randomUUID().toString().substring(0, 8) + "@exempel.se";
		imap.append(LOGIN, SECRET, "INBOX",
				Mails.mail("Fråga om min beställning")
					.from(person, "Åsa Öberg")
					.to(LOGIN)
					.text("Hej!\n\nVar är min beställning 4711? Jag väntar fortfarande.\n\nMvh Åsa")
					.sent("2026-11-02T09:00:00Z")
					.build(),
				Mails.mail("Fwd: Fråga om min beställning")
					.from("lager@example.se", "Lagret")
					.to(LOGIN)
					.text("Hej kundtjänst,\n\nbeställningen skickas i morgon.\n" + THIRD_PERSON + "\n\n"
							+ "> Från: Åsa Öberg <" + person + ">\n> Var är min beställning 4711?\n")
					.sent("2026-11-02T11:30:00Z")
					.build(),
				Mails.mail("Inventering i december")
					.from("lager@example.se", "Lagret")
					.to(LOGIN)
					.text("Inventering den 12 december.")
					.sent("2026-11-03T08:00:00Z")
					.build());
		String handlerEmail = "handler-" + UUID.randomUUID() + "@example.com";
		this.accounts.create(handlerEmail, "Hanna Handläggare", EnumSet.of(Role.CASE_HANDLER), "en",
				TestAccounts.PASSWORD, Actor.SYSTEM);
		DsrRequest registered = this.requests.register(new NewRequest("Åsa Öberg", person, null, "sv",
				RequestType.ACCESS, Channel.EMAIL, "Vad har ni om mig?", null), Actor.SYSTEM);
		this.request = this.requests.startWork(registered.getId(), null, Actor.SYSTEM);
		this.requests.verifyIdentity(registered.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(registered.getId())
			.stream()
			.filter((t) -> t.getLocation().getId() == MailboxTaskFlowTest.MAILBOX_LOCATION)
			.findFirst()
			.orElseThrow();

		// The task: look for the person in the mailbox, see both mails decoded, copy
		// them.
		signIn(handlerEmail, TestAccounts.PASSWORD);
		this.page.navigate("/staff/tasks/" + task.getId());
		Locator connector = this.page.locator("#task-connector");
		assertThat(connector).containsText("Connected system: mailboxes (IMAP)");
		connector.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Look for the person")).click();
		assertThat(connector).containsText("Found: 2");
		assertThat(connector).containsText("Åsa Öberg <" + person + ">");
		assertThat(connector).not().containsText("Inventering");
		// a hit's label: its date (in the controller's zone) and subject
		Locator question = this.page.getByLabel(Pattern.compile("^2026-11-02 \\d\\d:00 Fråga om min beställning$"));
		Locator thread = this.page.getByLabel(Pattern.compile("^2026-11-02 \\d\\d:30 Fwd: Fråga om min beställning$"));
		assertThat(question).isChecked();
		assertThat(thread).isChecked();
		assertThat(Axe.violations(this.page)).as("the task page with the mails found").isEmpty();
		connector.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy into the task")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS))
			.containsText("Copied into the task; the task now holds 4 findings.");

		// The rest of the request is done elsewhere.
		this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.FOUND, "Searched the mailbox.", "Two mails", null, null, null),
				Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, registered.getId());
		List<Finding> copied = this.findings.ofTask(task.getId());
		Finding threadText = copied.stream()
			.filter((f) -> f.kind() == Finding.Kind.RECORD && f.title().endsWith("Fwd: Fråga om min beställning"))
			.findFirst()
			.orElseThrow();
		Finding threadOriginal = copied.stream()
			.filter((f) -> f.kind() == Finding.Kind.FILE && f.title().endsWith("Fwd: Fråga om min beställning"))
			.findFirst()
			.orElseThrow();

		// The review: both mails are there; the sentence about the third person is masked
		// in
		// the text and in the original.
		this.page.navigate("/staff/requests/" + registered.getId() + "/answer");
		this.page.locator("#answer-package-link").click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Answer package for " + this.request.getReference());
		assertThat(this.page.locator("main")).containsText("Fråga om min beställning");
		assertThat(Axe.violations(this.page)).as("the package review with the mails").isEmpty();
		mask(threadText);
		assertThat(this.page.locator("#package-masks")).hasText("Masked passages: 1");
		mask(threadOriginal);
		assertThat(this.page.locator("#package-masks")).hasText("Masked passages: 2");

		AnswerReview.sendFromPackageReview(this.page);

		List<MimeMessage> letters = mail.awaitMessagesTo(person, 1, Duration.ofSeconds(20));
		assertThat(letters).hasSize(1);
		String letter = MailServer.plainText(letters.get(0));
		assertThat(letter).doesNotContain("Per Persson", "skulder");
		Matcher link = LINK.matcher(letter);
		assertThat(link.find()).isTrue();
		String base = link.group(1);

		// The person, not signed in, fetches the files behind the link.
		this.page.context().clearCookies();
		String pdf = PackageFiles.pdfText(fetch(base + "extract.pdf"));
		assertThat(pdf).contains("Var är min beställning 4711?", "beställningen skickas i morgon.", "[maskerat]")
			.doesNotContain("Per Persson", "skulder");

		JsonNode root = this.json.readTree(fetch(base + "extract.json"));
		assertThat(root.toString()).contains("beställningen skickas i morgon.", "[maskerat]")
			.doesNotContain("Per Persson", "skulder");

		Map<String, byte[]> entries = PackageFiles.unzip(fetch(base + "package.zip"));
		String original = new String(entries.get(threadOriginal.id() + "-" + threadOriginal.fileName()),
				StandardCharsets.UTF_8);
		assertThat(original).contains("beställningen skickas i morgon.", "[maskerat]").doesNotContain("Per Persson");
		entries.forEach((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name)
			.doesNotContain("Per Persson", "skulder"));
	}

	/** Masks the sentence about the third person in a finding's text and saves it. */
	private void mask(Finding finding) {
		Locator text = this.page.locator("#text-" + finding.id());
		assertThat(text).isVisible();
		assertThat(text.inputValue()).contains(THIRD_PERSON);
		text.fill(text.inputValue().replace(THIRD_PERSON, "[[" + THIRD_PERSON + "]]"));
		this.page.locator("#section-" + finding.id())
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true))
			.click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("The text was saved as approved.");
		assertThat(this.page.locator("#text-" + finding.id()).inputValue()).contains("[[" + THIRD_PERSON + "]]");
	}

}
