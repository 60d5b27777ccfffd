package se.dsrdesk.answer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.system.SecretTokens;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.support.PackageFiles;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.Recipient;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The access extract behind its link: answering an access request mails a link to a PDF
 * and a JSON file; each download is audited and sent as an attachment without a session;
 * after expiry the link answers 410 and the cleanup deletes the files; an unknown link
 * answers 404.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AnswerDownloadTest {

	static final String SUMMARY = "Ditt namn, din e-postadress och två ärenden om återbetalning";

	static final Pattern LINK = Pattern.compile("/request/download/([A-Za-z0-9_-]{43})/(?!\\S)");

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	LocationService locations;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	AnswerDownloadCleanup cleanup;

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

	/** The letter as the handler approved it (the draft, possibly edited). */
	String approved;

	/** The mail the person received, as plain text. */
	String letter;

	DataLocation crm;

	DsrRequest request;

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.owner = this.accounts.create("owner-" + UUID.randomUUID() + "@example.com", "Olga Owner",
				EnumSet.of(Role.CASE_HANDLER), "sv", TestAccounts.PASSWORD, Actor.SYSTEM);
		String id = UUID.randomUUID().toString().substring(0, 8);
		this.crm = this.locations.create(new LocationDetails(new LocalizedText("Kundregister " + id, "CRM " + id),
				new LocalizedText(null, null), LocationKind.OTHER, this.owner,
				new LocalizedText("Namn, e-postadress och ärenden", "Name, email address and cases"),
				new LocalizedText("Kundtjänst och nyhetsbrev", "Customer service and newsletters"),
				LegalBasis.LEGITIMATE_INTEREST,
				List.of(new Recipient("Mailchimp Inc", Recipient.Role.PROCESSOR, "USA", "EU-U.S. DPF")),
				new LocalizedText("Från dig", "From you"), new LocalizedText("Två år", "Two years"), 24,
				new LocalizedText(null, null), new LocalizedText(null, null), 12,
				EnumSet.of(RequestType.ACCESS, RequestType.PORTABILITY)), Actor.SYSTEM);
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
	void theExtractDownloadsAsPdfAndJsonUntilTheLinkExpiresAndIsThenDeleted() throws Exception {
		String token = answeredAccessRequest();

		MvcTestResult pdf = this.mvc.get().uri("/request/download/" + token + "/extract.pdf").exchange();
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		assertThat(pdf.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains("extract.pdf");
		assertThat(pdf.getResponse().getHeader("Cache-Control")).contains("no-store");
		assertThat(pdf.getRequest().getSession(false)).isNull();
		assertThat(pdf.getResponse().getHeaders("Set-Cookie")).noneMatch((c) -> c.startsWith("JSESSIONID"));
		byte[] bytes = pdf.getResponse().getContentAsByteArray();
		assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(bytes)) {
			String text = PackageFiles.oneLine(new PDFTextStripper().getText(document));
			assertThat(text).contains("Registerutdrag (" + this.request.getReference() + ")")
				.contains("Åsa Öberg", "Ditt namn, din e-postadress och två ärenden om återbetalning")
				.contains("Kundtjänst och nyhetsbrev", "Berättigat intresse", "Namn, e-postadress och ärenden")
				.contains(
						"Mailchimp Inc, personuppgiftsbiträde som behandlar dem för vår räkning, USA; grund för överföringen: EU-U.S. DPF")
				.contains("Två år", "Från dig", "automatiserad behandling", "Integritetsskyddsmyndigheten (IMY)");
		}

		MvcTestResult jsonFile = this.mvc.get().uri("/request/download/" + token + "/extract.json").exchange();
		assertThat(jsonFile).hasStatusOk().hasContentType("application/json");
		assertThat(jsonFile.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		JsonNode root = this.json.readTree(jsonFile.getResponse().getContentAsByteArray());
		assertThat(root.path("request").path("reference").asString()).isEqualTo(this.request.getReference());
		assertThat(root.path("dataSubject").path("name").asString()).isEqualTo("Åsa Öberg");
		assertThat(root.path("language").asString()).isEqualTo("sv");
		assertThat(root.path("answer").asString()).isEqualTo(this.approved)
			.contains("Ditt namn, din e-postadress och två ärenden om återbetalning", "Kundtjänst och nyhetsbrev",
					"Mailchimp Inc, personuppgiftsbiträde som behandlar dem för vår räkning, USA; grund för överföringen: EU-U.S. DPF",
					"Integritetsskyddsmyndigheten (IMY)");
		assertThat(String.join("\n\n", this.json.treeToValue(root.path("paragraphs"), String[].class)))
			.isEqualTo(this.approved);

		assertThat(audited("ANSWER_DOWNLOADED")).containsExactly(this.request.getReference() + ": extract.pdf",
				this.request.getReference() + ": extract.json");

		// Still there on the last day of its 30; gone after, and deleted by the cleanup.
		this.clock.set(Instant.parse("2026-04-02T08:00:00Z"));
		assertThat(this.mvc.get().uri("/request/download/" + token + "/extract.json").exchange()).hasStatusOk();
		this.clock.set(Instant.parse("2026-04-02T09:00:00Z"));
		MvcTestResult expired = this.mvc.get()
			.uri("/request/download/" + token + "/extract.pdf")
			.header("Accept-Language", "en")
			.exchange();
		assertThat(expired).hasStatus(410);
		assertThat(html(expired)).contains("This link no longer works");
		// The extract as PDF and JSON, and the ZIP of both.
		assertThat(fileCount()).isEqualTo(3);
		assertThat(this.cleanup.run()).isPositive();
		assertThat(fileCount()).isZero();
		assertThat(audited("ANSWER_FILES_DELETED")).hasSize(1);
		assertThat(this.mvc.get().uri("/request/download/" + token + "/extract.pdf").exchange()).hasStatus(410);
		assertThat(audited("ANSWER_DOWNLOADED")).hasSize(3);
	}

	/**
	 * The status page cannot rebuild the mailed link (only its hash is stored): it offers
	 * the same files under the status link, checked as the status page checks it, with
	 * the same audit and the same expiry.
	 */
	@Test
	void theStatusPageOffersTheSameFilesWhileTheLinkWorksAndAuditsEachDownload() throws Exception {
		answeredAccessRequest();
		String statusToken = SecretTokens.generate();
		this.jdbc.update(
				"insert into request_token (request_id, purpose, token_hash, created_at) values (?, 'STATUS', ?, ?)",
				this.request.getId(), SecretTokens.hash(statusToken), java.sql.Timestamp.from(this.clock.instant()));
		String statusPath = "/request/status/" + this.request.getReference() + "/" + statusToken;

		String page = html(this.mvc.get().uri(statusPath).header("Accept-Language", "en").exchange());
		assertThat(page)
			.contains("The files of our answer", "You can download them until 2026-04-02", "Your data (PDF)",
					"Everything in one ZIP file")
			.contains("href=\"" + statusPath + "/files/extract.pdf\"", "href=\"" + statusPath + "/files/extract.json\"",
					"href=\"" + statusPath + "/files/package.zip\"");

		MvcTestResult pdf = this.mvc.get().uri(statusPath + "/files/extract.pdf").exchange();
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		assertThat(pdf.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains("extract.pdf");
		assertThat(pdf.getResponse().getHeader("Cache-Control")).contains("no-store");
		assertThat(pdf.getRequest().getSession(false)).isNull();
		assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII))
			.isEqualTo("%PDF-");
		assertThat(this.mvc.get().uri(statusPath + "/files/package.zip").exchange()).hasStatusOk()
			.hasContentType("application/zip");
		assertThat(audited("ANSWER_DOWNLOADED")).containsExactly(this.request.getReference() + ": extract.pdf",
				this.request.getReference() + ": package.zip");
		assertThat(this.jdbc.queryForList(
				"select actor_label from audit_event where action = 'ANSWER_DOWNLOADED' and target_id = ?",
				String.class, Long.toString(this.request.getId())))
			.containsOnly("data subject (status page)");

		// The secret of another reference, or a wrong secret, opens nothing.
		assertThat(
				this.mvc.get().uri("/request/status/DSR-2020-000001/" + statusToken + "/files/extract.pdf").exchange())
			.hasStatus(404);
		assertThat(this.mvc.get()
			.uri("/request/status/" + this.request.getReference() + "/" + SecretTokens.generate()
					+ "/files/extract.pdf")
			.exchange()).hasStatus(404);

		// After the link's last day: 410 with a page that says so, and the status page
		// says the files were deleted instead of offering them.
		this.clock.set(Instant.parse("2026-04-02T09:00:00Z"));
		MvcTestResult gone = this.mvc.get()
			.uri(statusPath + "/files/extract.pdf")
			.header("Accept-Language", "en")
			.exchange();
		assertThat(gone).hasStatus(410);
		assertThat(html(gone)).contains("This link no longer works");
		String after = html(this.mvc.get().uri(statusPath).header("Accept-Language", "en").exchange());
		assertThat(after).contains("could be downloaded until 2026-04-02").doesNotContain("/files/extract.pdf");
		assertThat(audited("ANSWER_DOWNLOADED")).hasSize(2);
	}

	@Test
	void aSentenceTheHandlerRemovedInTheReviewIsInNeitherTheMailNorThePdfNorTheJson() throws Exception {
		String remark = "Kollegan Per Persson noterade att hon har skulder och är sjukskriven.";
		String token = answeredAccessRequest(SUMMARY + ". " + remark, (draft) -> {
			assertThat(draft).contains(remark);
			return draft.replace(". " + remark, "");
		});
		assertThat(this.approved).doesNotContain("Per Persson").contains(SUMMARY);

		// The mail carries the approved letter, word for word.
		assertThat(this.letter).doesNotContain("Per Persson", "skulder");
		assertThat(normalised(this.letter)).contains(normalised(this.approved));

		// The PDF is the approved letter under its title and the controller's line,
		// nothing else.
		byte[] pdf = this.mvc.get()
			.uri("/request/download/" + token + "/extract.pdf")
			.exchange()
			.getResponse()
			.getContentAsByteArray();
		String pdfText;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			pdfText = PackageFiles.oneLine(new PDFTextStripper().getText(document));
		}
		assertThat(pdfText).doesNotContain("Per Persson", "skulder");
		String heading = "Registerutdrag (" + this.request.getReference() + ")";
		assertThat(pdfText).startsWith(heading);
		String body = pdfText
			.substring(pdfText.indexOf(" upprättat den 3 mars 2026 ") + " upprättat den 3 mars 2026 ".length());
		assertThat(body).isEqualTo(normalised(this.approved));

		// The JSON holds the approved letter as it is.
		byte[] json = this.mvc.get()
			.uri("/request/download/" + token + "/extract.json")
			.exchange()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("Per Persson", "skulder");
		assertThat(this.json.readTree(json).path("answer").asString()).isEqualTo(this.approved);
	}

	@Test
	void aPortabilityAnswerLinksTheDataAsJsonAndCsvUntilTheLinkExpires() throws Exception {
		DsrRequest portability = this.requests
			.register(new NewRequest("Åsa Öberg", "asa-" + UUID.randomUUID() + "@exempel.se", null, "sv",
					RequestType.PORTABILITY, Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		this.request = this.requests.startWork(portability.getId(), null, Actor.SYSTEM);
		this.requests.verifyIdentity(portability.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(portability.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(this.crm.getId()))
			.findFirst()
			.orElseThrow();
		String exported = "namn Åsa Öberg, e-post asa@exempel.se, nyhetsbrev: ja";
		this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.DONE, "Exported.", exported, null, null, null), Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, portability.getId());
		String draft = this.composer.compose(portability.getId(), Locale.forLanguageTag("sv"));
		assertThat(draft).contains("- " + this.crm.getName().sv()
				+ ": dina uppgifter har exporterats i ett maskinläsbart format (JSON och CSV, länkade nedan): "
				+ exported);
		assertThat(answer(portability, draft)).hasStatus3xxRedirection();

		MailDispatch.now(this.context);
		String text = MailServer.plainText(mail.messagesTo(portability.getSubject().getEmail()).get(0));
		assertThat(text).contains("Hämta dina uppgifter från sidan nedan till och med den 2 april 2026")
			.doesNotContain("extract.pdf");
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).isTrue();
		String token = link.group(1);
		assertThat(html(this.mvc.get().uri("/request/download/" + token + "/").exchange())).contains(
				"/request/download/" + token + "/data.csv", "/request/download/" + token + "/data.json",
				"/request/download/" + token + "/package.zip");

		MvcTestResult jsonFile = this.mvc.get().uri("/request/download/" + token + "/data.json").exchange();
		assertThat(jsonFile).hasStatusOk().hasContentType("application/json");
		assertThat(jsonFile.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
			.contains("data.json");
		JsonNode root = this.json.readTree(jsonFile.getResponse().getContentAsByteArray());
		assertThat(root.path("request").path("type").asString()).isEqualTo("PORTABILITY");
		JsonNode crm = null;
		for (JsonNode location : root.path("locations")) {
			if (location.path("location").asString().equals(this.crm.getName().sv())) {
				crm = location;
			}
		}
		assertThat(crm).isNotNull();
		assertThat(crm.path("data").asString()).endsWith(": " + exported);

		MvcTestResult csvFile = this.mvc.get().uri("/request/download/" + token + "/data.csv").exchange();
		assertThat(csvFile).hasStatusOk();
		assertThat(csvFile.getResponse().getContentType()).startsWith("text/csv");
		assertThat(csvFile.getResponse().getHeader("Cache-Control")).contains("no-store");
		String csv = new String(csvFile.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		// The application's CSV: UTF-8 with a byte order mark, semicolons (as a Swedish
		// spreadsheet reads it).
		assertThat(csv).startsWith("\uFEFFlocation;record;field;value")
			.contains(this.crm.getName().sv() + ";;data;dina uppgifter har exporterats i ett maskinläsbart format"
					+ " (JSON och CSV, länkade nedan): " + exported);
		assertThat(audited("ANSWER_DOWNLOADED")).containsExactly(this.request.getReference() + ": data.json",
				this.request.getReference() + ": data.csv");

		this.clock.set(Instant.parse("2026-04-02T09:00:00Z"));
		assertThat(this.mvc.get().uri("/request/download/" + token + "/data.csv").exchange()).hasStatus(410);
		assertThat(fileCount()).isEqualTo(3);
		assertThat(this.cleanup.run()).isPositive();
		assertThat(fileCount()).isZero();
		assertThat(this.mvc.get().uri("/request/download/" + token + "/data.json").exchange()).hasStatus(410);
	}

	@Test
	void aMaskedPassageIsTheMarkerInTheMailThePdfAndTheJson() throws Exception {
		String remark = "Per Persson ringde om hennes skulder.";
		String token = answeredAccessRequest(SUMMARY + ". " + remark,
				(draft) -> draft.replace(remark, "[[" + remark + "]]"));
		assertThat(this.approved).contains("[[" + remark + "]]");

		assertThat(this.letter).doesNotContain("Per Persson").contains(SUMMARY + ". [maskerat]");
		byte[] pdf = this.mvc.get()
			.uri("/request/download/" + token + "/extract.pdf")
			.exchange()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(normalised(new PDFTextStripper().getText(document))).doesNotContain("Per Persson")
				.contains(SUMMARY + ". [maskerat]");
		}
		String json = this.json
			.readTree(this.mvc.get()
				.uri("/request/download/" + token + "/extract.json")
				.exchange()
				.getResponse()
				.getContentAsByteArray())
			.path("answer")
			.asString();
		assertThat(json).isEqualTo(this.approved.replace("[[" + remark + "]]", "[maskerat]"));
	}

	@Test
	void anUnknownOrMalformedLinkIsA404WithAFriendlyPage() {
		String unknown = "A".repeat(43);
		MvcTestResult result = this.mvc.get()
			.uri("/request/download/" + unknown + "/extract.pdf")
			.header("Accept-Language", "sv")
			.exchange();
		assertThat(result).hasStatus(404);
		assertThat(html(result)).contains("Vi känner inte igen länken");
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(this.mvc.get().uri("/request/download/short/extract.json").exchange()).hasStatus(404);
		assertThat(this.mvc.get().uri("/request/download/" + unknown + "/other.txt").exchange()).hasStatus(404);
	}

	@Test
	void otherAnswersHaveNoDownload() throws Exception {
		DsrRequest erasure = this.requests
			.register(new NewRequest("Åsa Öberg", "asa-" + UUID.randomUUID() + "@exempel.se", null, "sv",
					RequestType.ERASURE, Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		this.request = this.requests.startWork(erasure.getId(), null, Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, erasure.getId());
		assertThat(answer(erasure)).hasStatus3xxRedirection();
		MailDispatch.now(this.context);
		String text = MailServer.plainText(mail.messagesTo(erasure.getSubject().getEmail()).get(0));
		assertThat(text).doesNotContain("/request/download/");
		assertThat(this.jdbc.queryForObject("select count(*) from answer_download where request_id = ?", Long.class,
				erasure.getId()))
			.isZero();
	}

	private String answeredAccessRequest() throws Exception {
		return answeredAccessRequest(SUMMARY, UnaryOperator.identity());
	}

	/**
	 * Answers an access request whose CRM task found {@code summary}, sending the draft
	 * letter as {@code edit} changes it.
	 * @return the link's secret
	 */
	private String answeredAccessRequest(String summary, UnaryOperator<String> edit) throws Exception {
		DsrRequest access = this.requests
			.register(new NewRequest("Åsa Öberg", "asa-" + UUID.randomUUID() + "@exempel.se", null, "sv",
					RequestType.ACCESS, Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		this.request = this.requests.startWork(access.getId(), null, Actor.SYSTEM);
		this.requests.verifyIdentity(access.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(access.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(this.crm.getId()))
			.findFirst()
			.orElseThrow();
		this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.FOUND, "Looked up.", summary, null, null, null), Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, access.getId());
		this.approved = edit.apply(this.composer.compose(access.getId(), Locale.forLanguageTag("sv"))).strip();
		assertThat(answer(access, this.approved)).hasStatus3xxRedirection();
		MailDispatch.now(this.context);
		List<MimeMessage> letters = mail.messagesTo(access.getSubject().getEmail());
		assertThat(letters).hasSize(1);
		String text = MailServer.plainText(letters.get(0));
		this.letter = text;
		// One link, to the page that lists the files.
		assertThat(text).contains("till och med den 2 april 2026").doesNotContain("/extract.json");
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).isTrue();
		String token = link.group(1);
		// Only the hash is stored.
		assertThat(this.jdbc.queryForObject("select count(*) from answer_download where token_hash = ?", Long.class,
				token))
			.isZero();
		return token;
	}

	private MvcTestResult answer(DsrRequest request) {
		return answer(request, "Vårt svar.");
	}

	private MvcTestResult answer(DsrRequest request, String text) {
		StaffPrincipal handler = (StaffPrincipal) this.userDetailsService.loadUserByUsername(this.owner.getEmail());
		return this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/answer")
			.param("version", Long.toString(this.requests.get(request.getId()).getVersion()))
			.param("answerText", text)
			.with(user(handler))
			.with(csrf())
			.exchange();
	}

	private List<String> audited(String action) {
		return this.jdbc.queryForList(
				"select details from audit_event where action = ? and target_type = 'REQUEST' and target_id = ? order by id",
				String.class, action, Long.toString(this.request.getId()));
	}

	private long fileCount() {
		return this.jdbc.queryForObject(
				"select count(*) from answer_file f join answer_download d on d.id = f.download_id where d.request_id = ?",
				Long.class, this.request.getId());
	}

	private static String normalised(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

	private static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
