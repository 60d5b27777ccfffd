package se.dsrdesk.request.intake;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatistics;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page talks back (issue 17), over real HTTP against PostgreSQL and GreenMail:
 * a message with a file lands on the request's timeline and among its attachments and the
 * assignee is told by mail without its text; a file outside the allow-list, an empty or a
 * too long message is refused with the text kept and nothing stored; a message without
 * the CSRF token is refused; a closed request takes none; the limit per request counts
 * only accepted messages and answers 429 with the text kept; nothing of a message reaches
 * the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "dsr.intake.messages-per-request-per-day=2")
class StatusPageMessageTest {

	static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@RegisterExtension
	static MailServer mail = new MailServer();

	@LocalServerPort
	int port;

	@Autowired
	RequestService requests;

	@Autowired
	RequestTokens tokens;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	AccountService accounts;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RequestStatistics statistics;

	StaffUser handler;

	DsrRequest request;

	String statusPath;

	String token;

	HttpVisitor person;

	@BeforeEach
	void setUp() {
		this.handler = this.accounts.create("handler-" + UUID.randomUUID() + "@example.com", "Hanna Handläggare",
				EnumSet.of(Role.CASE_HANDLER), "en", TestAccounts.PASSWORD, Actor.SYSTEM);
		this.request = this.requests.register(new NewRequest("Åsa Öberg", "asa-" + UUID.randomUUID() + "@example.com",
				null, "sv", RequestType.ACCESS, Channel.EMAIL, "Allt ni har om mig.", null), Actor.SYSTEM);
		this.requests.assign(this.request.getId(), null, this.handler.getId(), Actor.SYSTEM);
		this.token = this.transactions.execute(
				(status) -> this.tokens.issue(this.request.getId(), RequestTokens.Purpose.STATUS, null, Instant.now()));
		this.statusPath = "/request/status/" + this.request.getReference() + "/" + this.token;
		this.person = new HttpVisitor(this.port, "en-GB");
	}

	@AfterEach
	void tearDown() {
		this.jdbc.update(
				"UPDATE dsr_request SET status = 'WITHDRAWN', closed_at = updated_at"
						+ " WHERE id = ? AND status IN ('NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT')",
				this.request.getId());
	}

	@Test
	void aMessageWithAFileLandsOnTheTimelineAmongTheAttachmentsAndTheAssigneeIsTold(CapturedOutput output) {
		String text = "Här är kopian av mitt körkort.\nMed vänlig hälsning, Åsa";
		HttpResponse<String> sent = send(text, "körkort.pdf", PDF);
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith(this.statusPath + "?sent#write");

		Map<String, Object> stored = this.jdbc
			.queryForMap("SELECT m.id, m.body, a.id AS attachment, a.file_name, a.content_type, a.uploaded_by_label"
					+ " FROM request_message m JOIN request_attachment a ON a.id = m.attachment_id WHERE m.request_id = ?",
					this.request.getId());
		assertThat(stored).containsEntry("body", text)
			.containsEntry("file_name", "körkort.pdf")
			.containsEntry("content_type", "application/pdf")
			.containsEntry("uploaded_by_label", "data subject");
		// The audit trail names the message and the file by number, never by content.
		assertThat(audited("REQUEST_MESSAGE_RECEIVED")).containsExactly(this.request.getReference() + ": message "
				+ stored.get("id") + ", attachment " + stored.get("attachment"));
		assertThat(audited("ATTACHMENT_ADDED")).hasSize(1);

		// The person sees that it arrived, and what they sent.
		String page = this.person.get(this.statusPath + "?sent").body();
		assertThat(page).contains("Thank you, we have received your message.", "Här är kopian av mitt körkort.",
				"File: körkort.pdf");

		// The case handler sees it on the request page's timeline, with the file.
		HttpVisitor staff = new HttpVisitor(this.port, "en-GB");
		staff.signIn(this.handler.getEmail(), TestAccounts.PASSWORD);
		String requestPage = staff.get("/staff/requests/" + this.request.getId()).body();
		assertThat(requestPage).contains("Message from the person", "Här är kopian av mitt körkort.",
				"/staff/requests/" + this.request.getId() + "/attachments/" + stored.get("attachment"));

		// The assignee is told by mail: the reference and a link, not the text.
		MailDispatch.now(this.context);
		List<MimeMessage> told = mail.awaitMessagesTo(this.handler.getEmail(), 2, Duration.ofSeconds(10))
			.stream()
			.filter((m) -> subject(m).contains("has written to us"))
			.toList();
		assertThat(told).hasSize(1);
		String notice = MailServer.plainText(told.get(0));
		assertThat(notice).contains(this.request.getReference(), "/staff/requests/" + this.request.getId())
			.doesNotContain("körkort");

		assertThat(output.getAll()).doesNotContain("kopian av mitt körkort", "körkort.pdf");
	}

	@Test
	void aMessageMarksTheRequestNewInTheInboxAndOnTheStartPageUntilItsAssigneeOpensIt() {
		String reference = this.request.getReference();
		HttpVisitor assignee = new HttpVisitor(this.port, "en-GB");
		assignee.signIn(this.handler.getEmail(), TestAccounts.PASSWORD);
		StaffUser other = this.accounts.create("colleague-" + UUID.randomUUID() + "@example.com", "Kim Kollega",
				EnumSet.of(Role.CASE_HANDLER), "en", TestAccounts.PASSWORD, Actor.SYSTEM);
		HttpVisitor colleague = new HttpVisitor(this.port, "en-GB");
		colleague.signIn(other.getEmail(), TestAccounts.PASSWORD);
		assertThat(row(assignee, "/staff/requests?q=" + reference, reference)).doesNotContain("New message");
		assertThat(rows(assignee, "/staff/requests?fromPerson=true&q=" + reference)).isEmpty();

		assertThat(send("Jag vill också veta vart uppgifterna har skickats.", null, null).statusCode()).isEqualTo(302);

		// Marked in the inbox with text and icon, not colour alone, and listed by the
		// filter: exactly the open requests with something unseen, in deadline order.
		assertThat(row(assignee, "/staff/requests?q=" + reference, reference)).contains("New message", "\u2709");
		assertThat(rows(assignee, "/staff/requests?fromPerson=true&q=" + reference)).containsExactly(reference);
		assertThat(rows(assignee, "/staff/requests?fromPerson=true")).containsExactlyElementsOf(this.jdbc.queryForList(
				"SELECT r.reference FROM request_person_activity a JOIN dsr_request r ON r.id = a.request_id"
						+ " WHERE a.unread_since IS NOT NULL AND r.status IN ('UNVERIFIED', 'NEW', 'IN_PROGRESS',"
						+ " 'AWAITING_SUBJECT') ORDER BY r.effective_deadline, r.id FETCH FIRST 25 ROWS ONLY",
				String.class));
		// Counted on the start page, linked to that filter.
		long count = this.statistics.countOpenWithNewFromPerson();
		assertThat(count).isPositive();
		assertThat(HtmlUtils.htmlUnescape(assignee.get("/staff").body()))
			.contains((count == 1) ? "1 case has new messages from the person"
					: count + " cases have new messages from the person")
			.contains("/staff/requests?fromPerson=true");

		// A colleague looking in leaves it new for the assignee.
		colleague.get("/staff/requests/" + this.request.getId());
		assertThat(row(assignee, "/staff/requests?q=" + reference, reference)).contains("New message");

		// The assignee opens it: the message is highlighted this once, and the inbox
		// mark and the count are gone.
		String page = HtmlUtils.htmlUnescape(assignee.get("/staff/requests/" + this.request.getId()).body());
		assertThat(page).contains("1 new message from the person since the case was last opened",
				"New since last opened");
		assertThat(row(assignee, "/staff/requests?q=" + reference, reference)).doesNotContain("New message");
		assertThat(rows(assignee, "/staff/requests?fromPerson=true&q=" + reference)).isEmpty();
		assertThat(this.statistics.countOpenWithNewFromPerson()).isEqualTo(count - 1);
		assertThat(assignee.get("/staff/requests/" + this.request.getId()).body())
			.doesNotContain("New since last opened");

		// A second message is new again, from its own time on.
		assertThat(send("En sak till.", null, null).statusCode()).isEqualTo(302);
		assertThat(row(assignee, "/staff/requests?q=" + reference, reference)).contains("New message");
	}

	@Test
	void aFileOutsideTheAllowListIsRefusedWithTheMessageKeptAndNothingStored() {
		HttpResponse<String> refused = send("Se bifogad fil.", "program.exe", "MZ\u0090".getBytes());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(HtmlUtils.htmlUnescape(refused.body())).contains("This type of file is not accepted.",
				"Se bifogad fil.");
		// A file named as a PDF that is not one is refused the same way.
		assertThat(send("Se bifogad fil.", "kopia.pdf", "not a pdf".getBytes()).body())
			.contains("This type of file is not accepted.");
		assertThat(messages()).isZero();
		assertThat(attachments()).isZero();
	}

	@Test
	void anEmptyOrTooLongMessageIsRefusedWithWhatWasTyped() {
		HttpResponse<String> empty = send("   ", null, null);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("Write a message or choose a file.");
		String tooLong = "å".repeat(4001);
		HttpResponse<String> refused = send(tooLong, null, null);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(HtmlUtils.htmlUnescape(refused.body())).contains(tooLong);
		assertThat(messages()).isZero();
	}

	@Test
	void aMessageWithoutTheCsrfTokenIsRefused() {
		HttpResponse<String> forged = this.person.postWithoutCsrf(this.statusPath + "/message",
				Map.of("message", "Forged"));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(messages()).isZero();
	}

	@Test
	void anUnknownStatusLinkTakesNoMessage() {
		// The secret of another reference opens nothing.
		HttpResponse<String> unknown = this.person.multipart(this.statusPath,
				"/request/status/DSR-2020-000001/" + this.token + "/message", Map.of("message", "Hej"), "file", null,
				null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(messages()).isZero();
	}

	@Test
	void aClosedRequestTakesNoMoreMessages() {
		this.requests.withdraw(this.request.getId(), null, Actor.SYSTEM);
		assertThat(this.person.get(this.statusPath).body()).doesNotContain("message-form");
		HttpResponse<String> refused = this.person.multipart("/request/new-link", this.statusPath + "/message",
				Map.of("message", "En sak till."), "file", null, null);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(messages()).isZero();
	}

	@Test
	void onlyAcceptedMessagesCountTowardTheLimitAndARefusedOneKeepsTheText() {
		// Refused for their input: they do not count.
		for (int i = 0; i < 3; i++) {
			assertThat(send("", null, null).statusCode()).isEqualTo(400);
		}
		assertThat(send("Ett.", null, null).statusCode()).isEqualTo(302);
		assertThat(send("Två.", null, null).statusCode()).isEqualTo(302);
		HttpResponse<String> refused = send("Tre, och det här ska finnas kvar.", null, null);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 86_400L));
		assertThat(HtmlUtils.htmlUnescape(refused.body())).contains("You have sent many messages in a short time",
				"Tre, och det här ska finnas kvar.");
		assertThat(messages()).isEqualTo(2);
	}

	private static final java.util.regex.Pattern ROW = java.util.regex.Pattern
		.compile("<tr data-reference=\"([^\"]+)\"[^>]*>(.*?)</tr>", java.util.regex.Pattern.DOTALL);

	/** The references of the inbox page's rows, in order. */
	private static List<String> rows(HttpVisitor staff, String path) {
		java.util.regex.Matcher rows = ROW.matcher(staff.get(path).body());
		List<String> references = new java.util.ArrayList<>();
		while (rows.find()) {
			references.add(rows.group(1));
		}
		return references;
	}

	/** One inbox row's HTML, unescaped. */
	private static String row(HttpVisitor staff, String path, String reference) {
		java.util.regex.Matcher rows = ROW.matcher(staff.get(path).body());
		while (rows.find()) {
			if (rows.group(1).equals(reference)) {
				return HtmlUtils.htmlUnescape(rows.group(0));
			}
		}
		throw new AssertionError("No row " + reference + " in " + path);
	}

	private HttpResponse<String> send(String message, String fileName, byte[] content) {
		return this.person.multipart(this.statusPath, this.statusPath + "/message", Map.of("message", message), "file",
				fileName, content);
	}

	private List<String> audited(String action) {
		return this.jdbc.queryForList(
				"SELECT details FROM audit_event WHERE action = ? AND target_type = 'REQUEST' AND target_id = ? ORDER BY id",
				String.class, action, Long.toString(this.request.getId()));
	}

	private int messages() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM request_message WHERE request_id = ?", Integer.class,
				this.request.getId());
	}

	private int attachments() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM request_attachment WHERE request_id = ?", Integer.class,
				this.request.getId());
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
