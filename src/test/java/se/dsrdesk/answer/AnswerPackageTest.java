package se.dsrdesk.answer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.location.connector.NewFinding;
import se.dsrdesk.location.connector.TaskFindings;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.support.PackageFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The answer package (issue 13): what a "found" outcome stored (a record of fields, a
 * mail, an image) reaches the person as a copy of the data (GDPR Art. 15(3), CJEU
 * C-487/21), masked as the case handler approved it in the review (Art. 15(4)): the
 * letter, the PDF, the JSON, the CSV, the original files and the ZIP say the same; the
 * preview is the PDF as sent; a file the tool cannot mask is refused until checked; every
 * file is deleted at expiry. A portability answer carries the data the person provided as
 * JSON and CSV (Art. 20).
 */
@IntegrationTest
@AutoConfigureMockMvc
class AnswerPackageTest {

	static final Pattern LINK = Pattern.compile("/request/download/([A-Za-z0-9_-]{43})/(?!\\S)");

	static final String REMARK = "Per Persson ringde om hennes skulder och sjukskrivning.";

	static final byte[] PHOTO = new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x10, 0x20, 0x30 };

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskFindings findings;

	@Autowired
	LocationService locations;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	AnswerDownloadCleanup cleanup;

	@Autowired
	AnswerEnclosures enclosures;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AnswerComposer composer;

	StaffUser owner;

	DataLocation crm;

	DsrRequest request;

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.owner = this.accounts.create("owner-" + UUID.randomUUID() + "@example.com", "Olga Owner",
				EnumSet.of(Role.CASE_HANDLER), "sv", TestAccounts.PASSWORD, Actor.SYSTEM);
		this.crm = AnswerFixtures.crm(this.locations, this.owner);
		MailDispatch.now(this.context);
		mail.reset();
	}

	@AfterEach
	void tearDown() {
		if (this.request != null) {
			this.jdbc.update(
					"update dsr_request set status = 'COMPLETED', closed_at = created_at"
							+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')",
					this.request.getId());
		}
		this.jdbc.update("update data_location set active = false where id = ?", this.crm.getId());
		this.clock.reset();
	}

	@Test
	void theFoundDataReachesThePersonMaskedAsApprovedInEveryFileUntilTheLinkExpires() throws Exception {
		String email = "asa-" + UUID.randomUUID() + "@exempel.se";
		List<Finding> found = foundRequest(RequestType.ACCESS, email);
		Finding member = found.get(0);
		Finding mailFile = found.get(1);
		Finding photo = found.get(2);
		long id = this.request.getId();

		// The review: the other person's address and phone are suggested, the person's
		// own are not.
		MvcTestResult page = this.mvc.get().uri("/staff/requests/" + id + "/package").with(handler()).exchange();
		assertThat(page).hasStatusOk();
		assertThat(html(page)).contains("Medlem i nyhetsbrev", "Supportmejl", "photo.jpg",
				"Föreslaget för maskering: 1", "<mark title=\"Någon annans e-postadress\">per@example.org</mark>",
				"Filer att granska innan svaret kan skickas: 1");

		// Not sendable while the photo is unchecked: nothing goes out.
		String draft = this.composer.compose(id, Locale.forLanguageTag("sv")).strip();
		MvcTestResult refused = answer(draft);
		assertThat(refused.getResponse().getStatus()).isNotEqualTo(302);
		assertThat(html(refused)).contains("Svaret kan inte skickas ännu", "Foto");
		assertThat(this.requests.get(id).getStatus()).isNotEqualTo(RequestStatus.COMPLETED);
		assertThat(
				this.jdbc.queryForObject("select count(*) from answer_download where request_id = ?", Long.class, id))
			.isZero();

		// The handler masks the remark in the mail and every suggestion in the record,
		// and checks the photo.
		String mailText = new String(this.findings.content(mailFile.id()).orElseThrow(), StandardCharsets.UTF_8);
		assertThat(this.mvc.post()
			.uri("/staff/requests/" + id + "/package/sections/" + mailFile.id())
			.param("text", mailText.replace(REMARK, "[[" + REMARK + "]]"))
			.with(handler())
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		assertThat(this.mvc.post()
			.uri("/staff/requests/" + id + "/package/sections/" + member.id())
			.param("text",
					"Namn: Åsa Öberg\nE-post: " + email + "\nKontakt i ärendet: per@example.org\nNyhetsbrev: ja\n")
			.param("maskSuggestions", "true")
			.with(handler())
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		assertThat(this.mvc.post()
			.uri("/staff/requests/" + id + "/package/sections/" + photo.id() + "/checked")
			.param("confirm", "true")
			.with(handler())
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		assertThat(html(this.mvc.get().uri("/staff/requests/" + id + "/package").with(handler()).exchange()))
			.contains("Maskerade avsnitt: 2")
			.doesNotContain("Filer att granska");

		// The preview is the PDF as it will be sent.
		MvcTestResult preview = this.mvc.post()
			.uri("/staff/requests/" + id + "/package/preview")
			.param("answerText", draft)
			.with(handler())
			.with(csrf())
			.exchange();
		assertThat(preview).hasStatusOk().hasContentType("application/pdf");
		String previewText = PackageFiles.pdfText(preview.getResponse().getContentAsByteArray());

		assertThat(answer(draft)).hasStatus3xxRedirection();
		MailDispatch.now(this.context);
		String letter = MailServer.plainText(mail.messagesTo(email).get(0));
		assertThat(letter).doesNotContain("Per Persson", "per@example.org");
		Matcher link = LINK.matcher(letter);
		assertThat(link.find()).isTrue();
		String base = "/request/download/" + link.group(1) + "/";

		String mailName = mailFile.id() + "-support_mail_1.eml";
		String photoName = photo.id() + "-photo.jpg";
		MvcTestResult listing = this.mvc.get().uri(base).exchange();
		assertThat(listing).hasStatusOk();
		for (String file : List.of("extract.pdf", "extract.json", "data.csv", mailName, photoName, "package.zip")) {
			assertThat(html(listing)).contains("href=\"" + base + file + "\"");
		}

		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String file : List.of("extract.pdf", "extract.json", "data.csv", mailName, photoName)) {
			MvcTestResult download = this.mvc.get().uri(base + file).exchange();
			assertThat(download).hasStatusOk();
			files.put(file, download.getResponse().getContentAsByteArray());
		}
		String pdf = PackageFiles.pdfText(files.get("extract.pdf"));
		assertThat(pdf).doesNotContain("Per Persson", "per@example.org")
			.contains("[maskerat]", "En kopia av dina uppgifter", "Nyhetsbrev ja", "Bifogas som filen " + photoName);
		assertThat(pdf).isEqualTo(previewText);

		// The letter, the PDF and the JSON say what was approved.
		JsonNode root = this.json.readTree(files.get("extract.json"));
		assertThat(root.path("answer").asString()).isEqualTo(draft);
		assertThat(normalised(letter)).contains(normalised(draft));
		assertThat(pdf).contains(normalised(draft));
		JsonNode sections = root.path("sections");
		assertThat(sections).hasSize(3);
		assertThat(sections.get(0).path("fields").path("Kontakt i ärendet").asString()).isEqualTo("[maskerat]");
		assertThat(sections.get(0).path("fields").path("E-post").asString()).isEqualTo(email);
		String approvedMail = mailText.replace(REMARK, "[maskerat]");
		assertThat(sections.get(1).path("text").asString()).isEqualTo(approvedMail);
		assertThat(pdf).contains(normalised(approvedMail));
		// the mail file as approved, with the CRLF line ends of a mail (RFC 5322 2.1)
		assertThat(new String(files.get(mailName), StandardCharsets.UTF_8))
			.isEqualTo(approvedMail.replace("\n", "\r\n"));
		assertThat(files.get(photoName)).isEqualTo(PHOTO);
		assertThat(new String(files.get("data.csv"), StandardCharsets.UTF_8))
			.contains(this.crm.getName().sv() + ";Medlem i nyhetsbrev;Kontakt i ärendet;[maskerat]")
			.doesNotContain("per@example.org");

		// The ZIP holds the same files, byte for byte.
		byte[] zip = this.mvc.get().uri(base + "package.zip").exchange().getResponse().getContentAsByteArray();
		Map<String, byte[]> entries = PackageFiles.unzip(zip);
		assertThat(entries.keySet()).containsExactlyInAnyOrder("extract.pdf", "extract.json", "data.csv", mailName,
				photoName);
		files.forEach((name, bytes) -> assertThat(entries.get(name)).as(name).isEqualTo(bytes));
		assertThat(new String(zip, StandardCharsets.ISO_8859_1)).doesNotContain("Per Persson");

		// For a letter by post, the same PDF.
		assertThat(this.enclosures.sentPdf(id)).hasValue(files.get("extract.pdf"));

		// Expiry deletes every file of the package.
		this.clock.set(Instant.parse("2026-04-02T09:00:00Z"));
		assertThat(this.mvc.get().uri(base).exchange()).hasStatus(410);
		assertThat(fileCount(id)).isEqualTo(6);
		assertThat(this.cleanup.run()).isPositive();
		assertThat(fileCount(id)).isZero();
		assertThat(this.enclosures.sentPdf(id)).isEmpty();
		for (String file : List.of("extract.pdf", mailName, photoName, "package.zip")) {
			assertThat(this.mvc.get().uri(base + file).exchange()).as(file).hasStatus(410);
		}
	}

	@Test
	void aPortabilityAnswerCarriesTheProvidedDataAsJsonAndCsv() throws Exception {
		String email = "asa-" + UUID.randomUUID() + "@exempel.se";
		List<Finding> found = foundRequest(RequestType.PORTABILITY, email);
		long id = this.request.getId();
		this.mvc.post()
			.uri("/staff/requests/" + id + "/package/sections/" + found.get(2).id() + "/include")
			.param("included", "false")
			.with(handler())
			.with(csrf())
			.exchange();
		String draft = this.composer.compose(id, Locale.forLanguageTag("sv")).strip();
		assertThat(answer(draft)).hasStatus3xxRedirection();
		MailDispatch.now(this.context);
		Matcher link = LINK.matcher(MailServer.plainText(mail.messagesTo(email).get(0)));
		assertThat(link.find()).isTrue();
		String base = "/request/download/" + link.group(1) + "/";
		assertThat(html(this.mvc.get().uri(base).exchange()))
			.contains(base + "data.json", base + "data.csv", base + found.get(1).id() + "-support_mail_1.eml",
					base + "package.zip")
			.doesNotContain("photo.jpg");

		JsonNode root = this.json
			.readTree(this.mvc.get().uri(base + "data.json").exchange().getResponse().getContentAsByteArray());
		JsonNode location = root.path("locations").get(0);
		assertThat(location.path("location").asString()).isEqualTo(this.crm.getName().sv());
		assertThat(location.path("sections").get(0).path("fields").path("Nyhetsbrev").asString()).isEqualTo("ja");
		assertThat(location.path("sections").get(0).path("fields").path("E-post").asString()).isEqualTo(email);
		String csv = new String(this.mvc.get().uri(base + "data.csv").exchange().getResponse().getContentAsByteArray(),
				StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFlocation;record;field;value")
			.contains(this.crm.getName().sv() + ";Medlem i nyhetsbrev;Nyhetsbrev;ja",
					this.crm.getName().sv() + ";Medlem i nyhetsbrev;E-post;" + email);
	}

	/**
	 * A started request of the type whose CRM task stored a newsletter record (with a
	 * colleague's address), a support mail (with a remark about the person by someone
	 * else) and a photo; identity verified; every other task finished.
	 */
	private List<Finding> foundRequest(RequestType type, String email) {
		DsrRequest registered = this.requests.register(new NewRequest("Åsa Öberg", email, "070-123 45 67", "sv", type,
				Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		this.request = this.requests.startWork(registered.getId(), null, Actor.SYSTEM);
		this.requests.verifyIdentity(registered.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(registered.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(this.crm.getId()))
			.findFirst()
			.orElseThrow();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("Namn", "Åsa Öberg");
		fields.put("E-post", email);
		fields.put("Kontakt i ärendet", "per@example.org");
		fields.put("Nyhetsbrev", "ja");
		String mailText = "From: " + email + "\nSubject: Faktura\n\nHej! Ring mig på 070-123 45 67.\n" + REMARK + "\n";
		List<Finding> found = this.findings.add(task.getId(),
				List.of(NewFinding.record("Medlem i nyhetsbrev", "crm:members/1", fields),
						NewFinding.file("Supportmejl", "imap:support/INBOX/1", "support mail 1.eml", "message/rfc822",
								mailText.getBytes(StandardCharsets.UTF_8)),
						NewFinding.file("Foto", "crm:files/7", "photo.jpg", "image/jpeg", PHOTO)),
				Actor.SYSTEM);
		TaskOutcome outcome = (type == RequestType.ACCESS) ? TaskOutcome.FOUND : TaskOutcome.DONE;
		this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(outcome, "Looked up.", "Medlemskap, ett mejl och ett foto", null, null, null),
				Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, registered.getId());
		return found;
	}

	private MvcTestResult answer(String text) {
		return AnswerFixtures.sendAnswer(this.mvc, this.requests, this.request.getId(), text, handler());
	}

	private RequestPostProcessor handler() {
		// The handler reads the pages in Swedish.
		return AnswerFixtures.signedIn(this.userDetailsService, this.owner, "sv");
	}

	private long fileCount(long requestId) {
		return this.jdbc.queryForObject(
				"select count(*) from answer_file f join answer_download d on d.id = f.download_id where d.request_id = ?",
				Long.class, requestId);
	}

	private static String normalised(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

	private static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
