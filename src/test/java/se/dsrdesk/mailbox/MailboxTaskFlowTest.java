package se.dsrdesk.mailbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.location.connector.TaskFindings;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.OpenRequestAddresses;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.ApiCallers;
import se.dsrdesk.support.ApiClient;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * An access request's task at the seeded mailbox location (the mailbox on GreenMail's
 * IMAP): the task page looks for the person and lists their mails, copying puts the
 * selected mails into the task's findings (text and .eml), erasing deletes them except a
 * kept one; the person's address counts as an open request's for the yearly review. Real
 * PostgreSQL, real IMAP.
 */
@IntegrationTest
@AutoConfigureMockMvc
class MailboxTaskFlowTest {

	/** The seeded location "Email conversations" (V17: the second one inserted). */
	static final long MAILBOX_LOCATION = 2;

	static final String LOGIN = "kundtjanst@example.se";

	static final ImapServer imap = new ImapServer();

	/** "Björn Svensson" as an RFC 2047 Q-encoded word in ISO-8859-1 writes it. */
	static final String Q_NAME = "Bj=F6rn_Svensson";

	/** "Björn Svensson" in UTF-8, base64 (an RFC 2047 B-encoded word). */
	static final String B_NAME = "QmrDtnJuIFN2ZW5zc29u";

	@RegisterExtension
	static MailServer mail = new MailServer();

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		imap.user(LOGIN, "hemligt");
		registry.add("dsr.mailboxes[0].name", () -> "kundtjanst");
		registry.add("dsr.mailboxes[0].host", () -> "127.0.0.1");
		registry.add("dsr.mailboxes[0].port", imap::port);
		registry.add("dsr.mailboxes[0].tls", () -> "NONE");
		registry.add("dsr.mailboxes[0].allow-plain", () -> "true");
		registry.add("dsr.mailboxes[0].user", () -> LOGIN);
		registry.add("dsr.mailboxes[0].password", () -> "hemligt");
		registry.add("dsr.mailboxes[0].location-id", () -> MAILBOX_LOCATION);
	}

	@AfterAll
	static void stopImap() {
		imap.close();
	}

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskFindings findings;

	@Autowired
	KeptMails kept;

	@Autowired
	OpenRequestAddresses openRequests;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiCallers callers;

	@Autowired
	AnswerComposer composer;

	@Autowired
	ApplicationContext context;

	final List<Long> opened = new ArrayList<>();

	@AfterEach
	void closeRequests() {
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
		}
	}

	@Test
	void theTaskFindsCopiesAndErasesThePersonsMailsButNotAKeptOne() throws Exception {
		assertThat(
				this.jdbc.queryForObject("select kind from data_location where id = ?", String.class, MAILBOX_LOCATION))
			.as("the seeded mailbox location")
			.isEqualTo("MAILBOX");
		String email = "asa-" + UUID.randomUUID() + "@exempel.se";
		imap.append(LOGIN, "hemligt", "INBOX",
				Mails.mail("Din beställning").from(email.toUpperCase(), "Åsa Öberg").to(LOGIN).build(),
				Mails.mail("Ditt konto").from(LOGIN, "Kundtjänst").to(email).attachment("villkor.pdf").build(),
				Mails.mail("Intern fråga").from("kollega@example.se", "Kollega").to(LOGIN).build());
		DsrRequest request = this.requests.register(new NewRequest("Åsa Öberg", email, null, "sv", RequestType.ACCESS,
				Channel.EMAIL, null, java.time.Instant.now()), Actor.SYSTEM);
		this.opened.add(request.getId());
		this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(request.getId())
			.stream()
			.filter((t) -> t.getLocation().getId() == MAILBOX_LOCATION)
			.findFirst()
			.orElseThrow();
		StaffUser handlerUser = this.accounts.create("handler-" + UUID.randomUUID() + "@example.com", "Hanna",
				EnumSet.of(Role.CASE_HANDLER), "en", TestAccounts.PASSWORD, Actor.SYSTEM);
		StaffPrincipal handler = (StaffPrincipal) this.userDetailsService.loadUserByUsername(handlerUser.getEmail());

		MvcTestResult page = this.mvc.get()
			.uri("/staff/tasks/" + task.getId() + "?find=0")
			.with(user(handler))
			.header("Accept-Language", "en")
			.exchange();

		assertThat(page).hasStatusOk();
		String html = new String(page.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(html).contains("Din beställning", "Ditt konto", "villkor.pdf", "kundtjanst")
			.doesNotContain("Intern fråga");
		List<String> hits = hits(html);
		assertThat(hits).hasSize(2);

		MvcTestResult copied = this.mvc.post()
			.uri("/staff/tasks/" + task.getId() + "/connector/copy")
			.param("hit", hits.toArray(String[]::new))
			.with(user(handler))
			.with(csrf())
			.exchange();
		assertThat(copied).hasStatus3xxRedirection();
		List<Finding> found = this.findings.ofTask(task.getId());
		assertThat(found).hasSize(4);
		assertThat(found).filteredOn((f) -> f.kind() == Finding.Kind.FILE)
			.extracting(Finding::contentType)
			.containsOnly("message/rfc822");
		assertThat(found).filteredOn((f) -> f.kind() == Finding.Kind.RECORD)
			.extracting(Finding::title)
			.anySatisfy((title) -> assertThat(title).endsWith("Din beställning"));

		assertThat(this.openRequests.all()).contains(email.toLowerCase());

		this.kept.keep(MAILBOX_LOCATION, "kundtjanst", "INBOX", messageId("Din beställning"),
				KeptMails.Ground.BOOKKEEPING, LocalDate.now().plusYears(7), Actor.SYSTEM);
		MvcTestResult erased = this.mvc.post()
			.uri("/staff/tasks/" + task.getId() + "/connector/erase")
			.param("hit", hits.toArray(String[]::new))
			.param("confirmed", "true")
			.with(user(handler))
			.with(csrf())
			.exchange();
		assertThat(erased).hasStatus3xxRedirection();
		assertThat(imap.subjects(LOGIN, "hemligt", "INBOX")).contains("Din beställning", "Intern fråga")
			.doesNotContain("Ditt konto");
		assertThat(this.jdbc.queryForObject(
				"select details from audit_event where action = 'CONNECTOR_ERASE' and target_id = ? order by id desc"
						+ " fetch first 1 rows only",
				String.class, String.valueOf(task.getId())))
			.contains("connector=mailbox", "count=1", "kept=1", "message-id=<")
			.doesNotContain(email, "Ditt konto");
	}

	@Test
	void theApiFindsThePersonsMailsWithTheirHeadersForCaseHandlersOnly() {
		String email = "erik-" + UUID.randomUUID() + "@exempel.se";
		imap.append(LOGIN, "hemligt", "INBOX",
				Mails.mail("Återbetalning för order 99")
					.from(email, "Erik Ärlig")
					.to(LOGIN)
					.text("Hej, jag vill ha pengarna tillbaka.")
					.attachment("kvitto-ö.pdf")
					.sent("2026-10-01T08:00:00Z")
					.build(),
				Mails.mail("Svar: Återbetalning")
					.from(LOGIN, "Kundtjänst")
					.to("kollega@example.se")
					.cc(email.toUpperCase())
					.sent("2026-10-02T08:00:00Z")
					.build(),
				Mails.mail("Lunch på fredag").from("kollega@example.se", "Kollega").to(LOGIN).build());
		DsrRequest request = this.requests.register(new NewRequest("Erik Ärlig", email, null, "sv", RequestType.ACCESS,
				Channel.EMAIL, null, java.time.Instant.now()), Actor.SYSTEM);
		this.opened.add(request.getId());
		this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(request.getId())
			.stream()
			.filter((t) -> t.getLocation().getId() == MAILBOX_LOCATION)
			.findFirst()
			.orElseThrow();
		String find = "/api/v1/requests/" + request.getReference() + "/tasks/" + task.getId() + "/connector/find";

		ApiClient.Response found = this.callers.as(Role.CASE_HANDLER).get(find);

		assertThat(found.status()).as(found.http().body()).isEqualTo(200);
		JsonNode body = found.json();
		assertThat(body.path("total").asLong()).isEqualTo(2);
		assertThat(body.path("page").asInt()).isZero();
		assertThat(body.path("more").asBoolean()).isFalse();
		JsonNode hits = body.path("hits");
		assertThat(hits).hasSize(2);
		// newest first
		JsonNode reply = hits.get(0);
		assertThat(reply.path("title").asString()).endsWith("Svar: Återbetalning");
		assertThat(reply.path("preselected").asBoolean()).isTrue();
		assertThat(reply.path("details").path("Folder").asString()).isEqualTo("INBOX");
		JsonNode refund = hits.get(1);
		assertThat(MailHitId.parse(refund.path("id").asString()).mailbox()).isEqualTo("kundtjanst");
		assertThat(refund.path("preselected").asBoolean()).isTrue();
		JsonNode details = refund.path("details");
		assertThat(details.path("Mailbox").asString()).isEqualTo("kundtjanst");
		assertThat(details.path("Folder").asString()).isEqualTo("INBOX");
		assertThat(details.path("Date").asString()).startsWith("2026-10-01");
		assertThat(details.path("From").asString()).isEqualTo("Erik Ärlig <" + email + ">");
		assertThat(details.path("To").asString()).isEqualTo(LOGIN);
		assertThat(details.path("Subject").asString()).isEqualTo("Återbetalning för order 99");
		assertThat(details.path("Attachments").asString()).isEqualTo("kvitto-ö.pdf");
		assertThat(details.path("Size").asString()).endsWith("B");
		assertThat(found.http().body()).doesNotContain("Lunch", "pengarna tillbaka");
		assertThat(this.jdbc.queryForObject(
				"select details from audit_event where action = 'CONNECTOR_FIND' and target_id = ? order by id desc"
						+ " fetch first 1 rows only",
				String.class, String.valueOf(task.getId())))
			.contains("found=2")
			.doesNotContain(email);

		for (Role role : List.of(Role.COMPLIANCE_OFFICER, Role.ADMIN)) {
			ApiClient.Response refused = this.callers.as(role).get(find);
			assertThat(refused.status()).as(role.name()).isEqualTo(403);
			assertThat(refused.json().path("type").asString()).endsWith(":forbidden");
			assertThat(refused.http().body()).doesNotContain("Återbetalning");
		}
		assertThat(this.callers.client().get(find).status()).isEqualTo(401);
	}

	/**
	 * A third person named in a mail's encoded Subject (Q, ISO-8859-1) and Cc (B, UTF-8)
	 * is masked in the review like any text, because the copied .eml carries these
	 * headers decoded (RFC 6532); the .eml the person gets (alone and in the ZIP) holds
	 * the marker and no form of the name, and still parses (GDPR Art. 15(4)).
	 */
	@Test
	void aThirdPersonInAnEncodedSubjectAndCcIsMaskedInTheEmlOfTheAnswer() throws Exception {
		String email = "asa-" + UUID.randomUUID() + "@exempel.se";
		String messageId = "<" + UUID.randomUUID() + "@mail.example.se>";
		String raw = "From: =?UTF-8?Q?=C3=85sa_=C3=96berg?= <" + email + ">\r\n" + "To: " + LOGIN + "\r\n"
				+ "Cc: =?UTF-8?B?" + B_NAME + "?= <lager3@example.se>\r\n" + "Subject: =?ISO-8859-1?Q?Fr=E5ga_fr=E5n_"
				+ Q_NAME + "?=\r\n =?UTF-8?Q?_om_best=C3=A4llningen?=\r\n" + "Date: Mon, 2 Nov 2026 09:00:00 +0100\r\n"
				+ "Message-ID: " + messageId + "\r\n" + "MIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n" + "Content-Transfer-Encoding: quoted-printable\r\n"
				+ "\r\n" + "Hej! Var =C3=A4r min best=C3=A4llning? Bj=C3=B6rn p=C3=A5 lagret visste inte.\r\n";
		imap.append(LOGIN, "hemligt", "INBOX", new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
		DsrRequest registered = this.requests.register(new NewRequest("Åsa Öberg", email, null, "sv",
				RequestType.ACCESS, Channel.EMAIL, null, java.time.Instant.now()), Actor.SYSTEM);
		this.opened.add(registered.getId());
		DsrRequest request = this.requests.startWork(registered.getId(), null, Actor.SYSTEM);
		this.requests.verifyIdentity(request.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(request.getId())
			.stream()
			.filter((t) -> t.getLocation().getId() == MAILBOX_LOCATION)
			.findFirst()
			.orElseThrow();
		StaffUser handlerUser = this.accounts.create("handler-" + UUID.randomUUID() + "@example.com", "Hanna",
				EnumSet.of(Role.CASE_HANDLER), "sv", TestAccounts.PASSWORD, Actor.SYSTEM);
		StaffPrincipal handler = (StaffPrincipal) this.userDetailsService.loadUserByUsername(handlerUser.getEmail());
		String html = new String(this.mvc.get()
			.uri("/staff/tasks/" + task.getId() + "?find=0")
			.with(user(handler))
			.exchange()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(this.mvc.post()
			.uri("/staff/tasks/" + task.getId() + "/connector/copy")
			.param("hit", hits(html).toArray(String[]::new))
			.with(user(handler))
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.FOUND, "Searched the mailbox.", "One mail", null, null, null),
				Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, request.getId());
		List<Finding> copied = this.findings.ofTask(task.getId());
		assertThat(copied).hasSize(2);

		// The review: the name readable in the .eml's headers, masked there like any text
		// (and in the readable record beside it).
		for (Finding finding : copied) {
			String text;
			if (finding.kind() == Finding.Kind.FILE) {
				text = new String(this.findings.content(finding.id()).orElseThrow(), StandardCharsets.UTF_8);
				assertThat(text).contains("Subject: Fråga från Björn Svensson om beställningen\r\n",
						"Cc: Björn Svensson <lager3@example.se>\r\n", "Message-ID: " + messageId + "\r\n");
			}
			else {
				// the record as the review shows it: one "field: value" a line
				text = finding.fields()
					.entrySet()
					.stream()
					.map((field) -> field.getKey() + ": " + field.getValue().replaceAll("\\R", " ") + "\n")
					.reduce("", String::concat);
			}
			assertThat(this.mvc.post()
				.uri("/staff/requests/" + request.getId() + "/package/sections/" + finding.id())
				.param("text", text.replaceAll("Björn( Svensson)?", "[[$0]]"))
				.with(user(handler))
				.with(csrf())
				.exchange()).hasStatus3xxRedirection();
		}

		String draft = this.composer.compose(request.getId(), Locale.forLanguageTag("sv")).strip();
		assertThat(this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/answer")
			.param("version", Long.toString(this.requests.get(request.getId()).getVersion()))
			.param("answerText", draft)
			.with(user(handler))
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		MailDispatch.now(this.context);
		Matcher link = Pattern.compile("/request/download/([A-Za-z0-9_-]{43})/(?!\\S)")
			.matcher(MailServer.plainText(mail.messagesTo(email).get(0)));
		assertThat(link.find()).isTrue();
		String base = "/request/download/" + link.group(1) + "/";
		Finding original = copied.stream().filter((f) -> f.kind() == Finding.Kind.FILE).findFirst().orElseThrow();
		String emlName = original.id() + "-" + original.fileName();
		byte[] eml = this.mvc.get().uri(base + emlName).exchange().getResponse().getContentAsByteArray();
		Map<String, byte[]> zip = unzip(
				this.mvc.get().uri(base + "package.zip").exchange().getResponse().getContentAsByteArray());
		assertThat(zip.get(emlName)).isEqualTo(eml);

		String sent = new String(eml, StandardCharsets.UTF_8);
		assertThat(sent).doesNotContain("Björn", "Svensson")
			.containsPattern("(?m)^Subject: Fråga från \\[maskerat] om beställningen\r\n")
			.containsPattern("(?m)^Cc: \\[maskerat] <lager3@example.se>\r\n")
			.contains("Var är min beställning? [maskerat] på lagret");
		// RFC 5322 2.1: every line of the mail ends in CRLF, after the review as before
		assertThat(sent.replace("\r\n", "")).doesNotContain("\n", "\r");
		// the copy's heading in the PDF and the JSON (the mail's date and subject) is
		// masked like the copy
		assertThat(zip.keySet()).anyMatch((name) -> name.endsWith(".pdf")).anyMatch((name) -> name.endsWith(".json"));
		for (Map.Entry<String, byte[]> entry : zip.entrySet()) {
			String content = entry.getKey().endsWith(".pdf") ? pdfText(entry.getValue())
					: new String(entry.getValue(), StandardCharsets.UTF_8);
			assertThat(content).as(entry.getKey()).doesNotContainIgnoringCase("Björn").doesNotContain("Svensson");
		}
		// no form of the name: decoded, Q-encoded (ISO-8859-1 or UTF-8) or B-encoded
		assertThat(new String(eml, StandardCharsets.ISO_8859_1)).doesNotContain("Svensson", "Bj=F6rn", "Bj=C3=B6rn",
				B_NAME, "QmrDtnJu", new String("Björn".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
				"Björn");
		Properties utf8 = new Properties();
		utf8.put("mail.mime.allowutf8", "true");
		MimeMessage parsed = new MimeMessage(Session.getInstance(utf8), new ByteArrayInputStream(eml));
		assertThat(parsed.getSubject()).isEqualTo("Fråga från [maskerat] om beställningen");
		InternetAddress cc = (InternetAddress) parsed.getRecipients(Message.RecipientType.CC)[0];
		assertThat(cc.getPersonal()).isEqualTo("[maskerat]");
		assertThat(cc.getAddress()).isEqualTo("lager3@example.se");
		assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("Åsa Öberg");
		assertThat(parsed.getMessageID()).isEqualTo(messageId);
		assertThat(MailText.body(parsed)).contains("Var är min beställning? [maskerat] på lagret visste inte.");
	}

	private static String pdfText(byte[] pdf) throws Exception {
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
		}
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private static List<String> hits(String html) {
		List<String> hits = new ArrayList<>();
		Matcher matcher = Pattern.compile("name=\"hit\" value=\"([^\"]+)\"").matcher(html);
		while (matcher.find()) {
			hits.add(matcher.group(1).replace("&#39;", "'").replace("&amp;", "&"));
		}
		return hits;
	}

	private static String messageId(String subject) throws Exception {
		try (Store store = imap.store(LOGIN, "hemligt")) {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			for (Message message : inbox.getMessages()) {
				if (subject.equals(message.getSubject())) {
					return ((MimeMessage) message).getMessageID();
				}
			}
		}
		throw new AssertionError(subject);
	}

}
