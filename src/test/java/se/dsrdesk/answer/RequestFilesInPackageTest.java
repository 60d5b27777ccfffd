package se.dsrdesk.answer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
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
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.attachment.RequestAttachments;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.support.PackageFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Files attached to a request in the answer package (issue 13): what the person sent or
 * staff uploaded reaches the person as a copy of their data (GDPR Art. 15(3)) only when
 * the case handler includes it and marks it checked for other people's data (Art. 15(4));
 * until then the answer is refused and nothing goes out. An included file is in the
 * download, the ZIP, the JSON and the PDF byte for byte; a file left out is in none of
 * them.
 */
@IntegrationTest
@AutoConfigureMockMvc
class RequestFilesInPackageTest {

	/** A spreadsheet the person sent, with a byte order mark and Swedish letters. */
	static final byte[] CSV = "\uFEFFnamn;e-post;kundnummer\nÅsa Öberg;asa@exempel.se;4711\n"
		.getBytes(StandardCharsets.UTF_8);

	static final byte[] PHOTO = new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x10, 0x20, 0x30 };

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	RequestService requests;

	@Autowired
	RequestAttachments attachments;

	@Autowired
	TaskService tasks;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	AnswerComposer composer;

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

	StaffUser owner;

	DsrRequest request;

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.owner = this.accounts.create("owner-" + UUID.randomUUID() + "@example.com", "Olga Owner",
				java.util.EnumSet.of(Role.CASE_HANDLER), "sv", TestAccounts.PASSWORD, Actor.SYSTEM);
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
		this.clock.reset();
	}

	@Test
	void anIncludedAndCheckedAttachmentGoesOutByteForByteAndOneLeftOutNowhere() throws Exception {
		String email = "asa-" + UUID.randomUUID() + "@exempel.se";
		DsrRequest registered = this.requests.register(new NewRequest("Åsa Öberg", email, null, "sv",
				RequestType.ACCESS, Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		long id = registered.getId();
		this.request = this.requests.startWork(id, null, Actor.SYSTEM);
		this.requests.verifyIdentity(id, null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		long csv = this.attachments.add(id, "kundlista.csv", CSV, Actor.SYSTEM);
		long photo = this.attachments.add(id, "foto.jpg", PHOTO, Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, id);

		// The review lists both files, each left out until the handler includes it.
		String review = html(this.mvc.get().uri("/staff/requests/" + id + "/package").with(handler()).exchange());
		assertThat(review).contains("Filer bifogade till begäran", "kundlista.csv", "foto.jpg")
			.doesNotContain("Filer att granska");

		// Included but not checked: refused in the API (409) and on the page, nothing
		// goes
		// out.
		include(id, csv, true);
		include(id, photo, true);
		assertThat(html(this.mvc.get().uri("/staff/requests/" + id + "/package").with(handler()).exchange()))
			.contains("Filer att granska innan svaret kan skickas: 2");
		String draft = this.composer.compose(id, Locale.forLanguageTag("sv")).strip();
		MvcTestResult api = apiAnswer(draft);
		assertThat(api).hasStatus(409);
		assertThat(api.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("package-files-unchecked",
				"kundlista.csv", "foto.jpg");
		MvcTestResult page = answer(draft);
		assertThat(page.getResponse().getStatus()).isNotEqualTo(302);
		assertThat(html(page)).contains("Svaret kan inte skickas ännu", "kundlista.csv");

		// The photo is left out again; the spreadsheet alone still needs its check.
		include(id, photo, false);
		api = apiAnswer(draft);
		assertThat(api).hasStatus(409);
		assertThat(api.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("kundlista.csv")
			.doesNotContain("foto.jpg");
		assertThat(this.requests.get(id).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		assertThat(
				this.jdbc.queryForObject("select count(*) from answer_download where request_id = ?", Long.class, id))
			.isZero();
		MailDispatch.now(this.context);
		assertThat(mail.messagesTo(email)).isEmpty();

		// A check without the confirmation records nothing; with it, the answer goes out.
		assertThat(this.mvc.post()
			.uri("/staff/requests/" + id + "/package/attachments/" + csv + "/checked")
			.with(handler())
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		assertThat(apiAnswer(draft)).hasStatus(409);
		assertThat(this.mvc.post()
			.uri("/staff/requests/" + id + "/package/attachments/" + csv + "/checked")
			.param("confirm", "true")
			.with(handler())
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		assertThat(answer(draft)).hasStatus3xxRedirection();
		assertThat(this.requests.get(id).getStatus()).isEqualTo(RequestStatus.COMPLETED);

		MailDispatch.now(this.context);
		Matcher link = AnswerPackageTest.LINK.matcher(MailServer.plainText(mail.messagesTo(email).get(0)));
		assertThat(link.find()).isTrue();
		String base = "/request/download/" + link.group(1) + "/";
		String csvName = "a" + csv + "-kundlista.csv";
		List<String> names = List.of("extract.pdf", "extract.json", csvName, "package.zip");

		// The page lists the spreadsheet; the photo is in none of the files.
		String listing = html(this.mvc.get().uri(base).exchange());
		for (String file : names) {
			assertThat(listing).contains("href=\"" + base + file + "\"");
		}
		assertThat(listing).doesNotContain("foto");
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String file : names) {
			MvcTestResult download = this.mvc.get().uri(base + file).exchange();
			assertThat(download).as(file).hasStatusOk();
			files.put(file, download.getResponse().getContentAsByteArray());
		}
		assertThat(files.get(csvName)).isEqualTo(CSV);
		assertThat(this.mvc.get().uri(base + "a" + photo + "-foto.jpg").exchange()).hasStatus(404);

		JsonNode sections = this.json.readTree(files.get("extract.json")).path("sections");
		List<String> named = new ArrayList<>();
		sections.forEach((s) -> named.add(s.path("file").asString()));
		assertThat(named).containsExactly(csvName);
		JsonNode section = sections.get(0);
		assertThat(section.path("location").asString()).isEqualTo("Bifogat till begäran");
		assertThat(section.path("contentType").asString()).isEqualTo("text/csv");
		assertThat(new String(files.get("extract.json"), StandardCharsets.UTF_8)).doesNotContain("foto");

		String pdf = PackageFiles.pdfText(files.get("extract.pdf"));
		assertThat(pdf).contains("Bifogat till begäran", "Bifogas som filen " + csvName).doesNotContain("foto");

		Map<String, byte[]> entries = PackageFiles.unzip(files.get("package.zip"));
		assertThat(entries.keySet()).containsExactlyInAnyOrder("extract.pdf", "extract.json", csvName);
		assertThat(entries.get(csvName)).isEqualTo(CSV);
		assertThat(entries.get("extract.pdf")).isEqualTo(files.get("extract.pdf"));
		assertThat(entries.get("extract.json")).isEqualTo(files.get("extract.json"));
	}

	private void include(long id, long attachmentId, boolean included) {
		assertThat(this.mvc.post()
			.uri("/staff/requests/" + id + "/package/attachments/" + attachmentId + "/include")
			.param("included", Boolean.toString(included))
			.with(handler())
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
	}

	private MvcTestResult answer(String text) {
		return AnswerFixtures.sendAnswer(this.mvc, this.requests, this.request.getId(), text, handler());
	}

	private MvcTestResult apiAnswer(String text) throws Exception {
		return this.mvc.post()
			.uri("/api/v1/requests/" + this.request.getReference() + "/answer")
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("text", text)))
			.with(handler())
			.exchange();
	}

	private RequestPostProcessor handler() {
		// The handler reads the pages in Swedish.
		return AnswerFixtures.signedIn(this.userDetailsService, this.owner, "sv");
	}

	private static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
