package se.dsrdesk.mailbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.PauseGround;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The privacy inbox against a real IMAP server (GreenMail) and real SMTP: a mail becomes
 * one incoming item with its INTERNALDATE as receipt time, is registered with one action
 * and acknowledged; a reply to the information-needed letter lands on its request and
 * offers to resume at its receipt; a stranger's forged reference does not attach; two
 * fetchers at once and a fetch after a lost mark store each mail once; a file outside the
 * allow-list is refused with a note on the timeline; a staff registration by post makes a
 * letter to post, and not acknowledging needs a reason. Real PostgreSQL.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PrivacyInboxFlowTest {

	static final String INBOX = "privacy@example.se";

	static final String PASSWORD = "hemligt";

	static final ImapServer imap = new ImapServer();

	@RegisterExtension
	static MailServer mail = new MailServer();

	@DynamicPropertySource
	static void privacyInbox(DynamicPropertyRegistry registry) {
		imap.user(INBOX, PASSWORD);
		registry.add("dsr.mailboxes[0].name", () -> "privacy");
		registry.add("dsr.mailboxes[0].host", () -> "127.0.0.1");
		registry.add("dsr.mailboxes[0].port", imap::port);
		registry.add("dsr.mailboxes[0].tls", () -> "NONE");
		registry.add("dsr.mailboxes[0].allow-plain", () -> "true");
		registry.add("dsr.mailboxes[0].user", () -> INBOX);
		registry.add("dsr.mailboxes[0].password", () -> PASSWORD);
		registry.add("dsr.mailboxes[0].privacy-inbox", () -> "true");
		registry.add("dsr.mailboxes[0].address", () -> INBOX);
	}

	@AfterAll
	static void stopImap() {
		imap.close();
	}

	@Autowired
	PrivacyInbox inbox;

	@Autowired
	IncomingMails incoming;

	@Autowired
	RequestService requests;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MutableClock clock;

	StaffPrincipal handler;

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		// Earlier runs' mails in the shared database are left alone: each test names its
		// own senders. The mailbox starts empty in each test.
		this.inbox.fetch();
		this.jdbc.update("UPDATE incoming_mail SET status = 'DISMISSED' WHERE status = 'NEW'");
		this.handler = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.CASE_HANDLER);
	}

	@AfterEach
	void tearDown() {
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
		}
		this.clock.reset();
	}

	@Test
	void aMailBecomesOneItemWithItsInternalDateIsRegisteredOnceAndAcknowledged() throws Exception {
		String sender = "asa-" + UUID.randomUUID() + "@exempel.se";
		Instant internalDate = outsideNoon(Instant.now().minus(3, ChronoUnit.DAYS));
		imap.append(INBOX, PASSWORD, "INBOX", received(mail("Radera mina uppgifter", sender, "Åsa Öberg",
				"Hej! Jag vill att ni raderar allt om mig.", null, null), internalDate));

		assertThat(this.inbox.fetch()).isEqualTo(1);
		assertThat(this.inbox.fetch()).as("fetched again: nothing new").isZero();

		Map<String, Object> row = this.jdbc.queryForMap(
				"select id, received_at, status, subject, sender_name from incoming_mail where sender_email = ?",
				sender);
		long id = ((Number) row.get("id")).longValue();
		assertThat(((java.sql.Timestamp) row.get("received_at")).toInstant()).isEqualTo(internalDate);
		assertThat(row.get("status")).isEqualTo("NEW");
		assertThat(row.get("sender_name")).isEqualTo("Åsa Öberg");

		MvcTestResult list = this.mvc.get().uri("/staff/incoming-mail").with(user(this.handler)).exchange();
		assertThat(list).hasStatusOk();
		assertThat(body(list)).contains("Radera mina uppgifter", "Åsa Öberg");
		MvcTestResult detail = this.mvc.get()
			.uri("/staff/incoming-mail/" + id)
			.with(user(this.handler))
			.header("Accept-Language", "en")
			.exchange();
		assertThat(body(detail)).contains("Jag vill att ni raderar allt om mig", "value=\"ERASURE\" selected");

		MvcTestResult registered = register(id);
		assertThat(registered).hasStatus3xxRedirection();
		long requestId = Long.parseLong(registered.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
		this.opened.add(requestId);
		DsrRequest request = this.requests.get(requestId);
		assertThat(request.getReceivedAt()).isEqualTo(internalDate);
		assertThat(request.getChannel()).isEqualTo(Channel.EMAIL);
		assertThat(request.getType()).isEqualTo(RequestType.ERASURE);

		MvcTestResult again = register(id);
		assertThat(again).hasStatus3xxRedirection();
		assertThat(again.getMvcResult().getFlashMap().get("failure")).isEqualTo("incomingMail.error.handled");
		MvcTestResult shown = this.mvc.get()
			.uri("/staff/incoming-mail/" + id)
			.with(user(this.handler))
			.header("Accept-Language", "en")
			.exchange();
		assertThat(body(shown)).contains("A request was registered from this mail.")
			.doesNotContain("id=\"register-form\"");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from dsr_request r join data_subject s on s.id = r.data_subject_id where s.email = ?",
				Long.class, sender))
			.isEqualTo(1);

		List<MimeMessage> acknowledgements = mail.awaitMessagesTo(sender, 1, Duration.ofSeconds(20));
		assertThat(acknowledgements).hasSize(1);
		String text = MailServer.plainText(acknowledgements.get(0));
		assertThat(text).contains(request.getReference(), "/request/status/" + request.getReference() + "/");
		assertThat(acknowledgements.get(0).getReplyTo()[0].toString())
			.contains("privacy+" + request.getReplyKey() + "@example.se");
	}

	@Test
	void aReplyToTheInformationLetterLandsOnItsRequestAndOffersToResumeAtItsReceipt() throws Exception {
		String person = "bo-" + UUID.randomUUID() + "@exempel.se";
		DsrRequest request = this.requests
			.registerByStaff(
					new NewRequest("Bo Ek", person, null, "sv", RequestType.ACCESS, Channel.EMAIL, null, Instant.now()),
					List.of(), null, null, null, Actor.SYSTEM)
			.get(0);
		this.opened.add(request.getId());
		this.requests.assign(request.getId(), null, this.handler.id(), Actor.SYSTEM);
		LocalDate pausedOn = this.requests.today();
		this.requests.pause(request.getId(), null, PauseGround.IDENTITY, "En kopia av ditt id-kort.", null,
				Actor.SYSTEM);
		List<MimeMessage> letters = mail.awaitMessagesTo(person, 2, Duration.ofSeconds(20));
		MimeMessage letter = letters.stream()
			.filter((m) -> MailServer.plainText(m).contains("id-kort"))
			.findFirst()
			.orElseThrow();
		String replyTo = letter.getReplyTo()[0].toString();
		assertThat(replyTo).contains("privacy+" + request.getReplyKey() + "@example.se");

		Instant answeredAt = outsideNoon(Instant.now().plus(2, ChronoUnit.DAYS));
		MimeMessage reply = mail("Re: " + letter.getSubject(), person, "Bo Ek", "Här är kopian.", "id-kort.pdf",
				"%PDF-1.4 id".getBytes(StandardCharsets.US_ASCII));
		reply.setRecipients(Message.RecipientType.TO, InternetAddress.parse(replyTo));
		reply.setHeader("In-Reply-To", letter.getMessageID());
		reply.saveChanges();
		imap.append(INBOX, PASSWORD, "INBOX", received(reply, answeredAt));
		this.clock.set(Instant.now().plus(5, ChronoUnit.DAYS));

		this.inbox.fetch();

		assertThat(this.jdbc.queryForObject("select status from incoming_mail where sender_email = ?", String.class,
				person))
			.isEqualTo("ATTACHED");
		assertThat(this.jdbc.queryForObject("select count(*) from request_attachment where request_id = ?", Long.class,
				request.getId()))
			.isEqualTo(1);
		assertThat(mail.awaitMessagesTo(this.handler.email(), 1, Duration.ofSeconds(20))).as("the assignee is told")
			.isNotEmpty();
		MvcTestResult page = this.mvc.get()
			.uri("/staff/requests/" + request.getId())
			.with(user(this.handler))
			.header("Accept-Language", "en")
			.exchange();
		String html = body(page);
		assertThat(html).contains("Här är kopian.", "Resume the clock at its receipt", "resume-at-reply");
		long replyId = this.jdbc.queryForObject("select id from incoming_mail where sender_email = ?", Long.class,
				person);

		MvcTestResult resumed = this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/resume-at-reply")
			.param("version", String.valueOf(this.requests.get(request.getId()).getVersion()))
			.param("reply", String.valueOf(replyId))
			.with(user(this.handler))
			.with(csrf())
			.exchange();

		assertThat(resumed).hasStatus3xxRedirection();
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		assertThat(
				this.jdbc.queryForObject("select resumed_on from request_pause where request_id = ? and paused_on = ?",
						LocalDate.class, request.getId(), pausedOn))
			.as("resumed on the day the reply arrived, not today")
			.isEqualTo(answeredAt.atZone(this.requests.zone()).toLocalDate());
	}

	@Test
	void aStrangersMailWithAForgedReferenceStaysInIncomingMail() throws Exception {
		DsrRequest request = this.requests
			.registerByStaff(new NewRequest("Cia Ek", "cia-" + UUID.randomUUID() + "@exempel.se", null, "sv",
					RequestType.ACCESS, Channel.EMAIL, null, Instant.now()), List.of(), null, null, null, Actor.SYSTEM)
			.get(0);
		this.opened.add(request.getId());
		String stranger = "mallory-" + UUID.randomUUID() + "@example.org";
		MimeMessage forged = mail("Re: Din begäran " + request.getReference(), stranger, "Mallory",
				"Skicka uppgifterna till mig i stället.", null, null);
		forged.setHeader("In-Reply-To", "<forged@example.org>");
		forged.saveChanges();
		imap.append(INBOX, PASSWORD, "INBOX", forged);

		this.inbox.fetch();

		Map<String, Object> row = this.jdbc
			.queryForMap("select status, request_id from incoming_mail where sender_email = ?", stranger);
		assertThat(row.get("status")).isEqualTo("NEW");
		assertThat(row.get("request_id")).isNull();
	}

	@Test
	void aDismissedMailIsKeptForItsTimeAndThenDeletedOnce() throws Exception {
		String sender = "ad-" + UUID.randomUUID() + "@example.org";
		imap.append(INBOX, PASSWORD, "INBOX", mail("Erbjudande", sender, null, "Köp nu!", null, null));
		this.inbox.fetch();
		long id = this.jdbc.queryForObject("select id from incoming_mail where sender_email = ?", Long.class, sender);

		MvcTestResult dismissed = this.mvc.post()
			.uri("/staff/incoming-mail/" + id + "/dismiss")
			.with(user(this.handler))
			.with(csrf())
			.exchange();
		assertThat(dismissed).hasStatus3xxRedirection();
		MvcTestResult again = this.mvc.post()
			.uri("/staff/incoming-mail/" + id + "/dismiss")
			.with(user(this.handler))
			.with(csrf())
			.exchange();
		assertThat(again.getMvcResult().getFlashMap().get("failure")).isEqualTo("incomingMail.error.handled");

		this.clock.set(Instant.now().plus(29, ChronoUnit.DAYS));
		this.incoming.deleteExpired();
		assertThat(this.jdbc.queryForObject("select count(*) from incoming_mail where id = ?", Long.class, id))
			.isEqualTo(1);
		this.clock.set(Instant.now().plus(31, ChronoUnit.DAYS));
		this.incoming.deleteExpired();
		assertThat(this.jdbc.queryForObject("select count(*) from incoming_mail where id = ?", Long.class, id))
			.isZero();
	}

	@Test
	void twoFetchersAtOnceAndAFetchAfterALostMarkStoreEachMailOnce() throws Exception {
		String tag = UUID.randomUUID().toString();
		List<MimeMessage> mails = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			mails.add(mail("Fråga " + i, "p" + i + "-" + tag + "@exempel.se", null, "Utdrag tack.", null, null));
		}
		imap.append(INBOX, PASSWORD, "INBOX", mails.toArray(MimeMessage[]::new));

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> fetch = this.inbox::fetch;
			Future<Integer> first = pool.submit(fetch);
			Future<Integer> second = pool.submit(fetch);
			assertThat(first.get() + second.get()).isEqualTo(8);
		}
		finally {
			pool.shutdown();
		}
		assertThat(stored(tag)).isEqualTo(8);

		// As if the instance died after storing and before marking: the marks are lost.
		try (Store store = imap.store(INBOX, PASSWORD)) {
			Folder folder = store.getFolder("INBOX");
			folder.open(Folder.READ_WRITE);
			folder.setFlags(folder.getMessages(), new Flags("DsrDeskHandled"), false);
			folder.close(false);
		}
		assertThat(this.inbox.fetch()).isZero();
		assertThat(stored(tag)).isEqualTo(8);
		assertThat(imap.subjects(INBOX, PASSWORD, "INBOX")).as("intake deletes nothing").hasSizeGreaterThanOrEqualTo(8);
	}

	@Test
	void aFileOutsideTheAllowListIsRefusedWithANoteOnTheTimeline() throws Exception {
		String person = "dan-" + UUID.randomUUID() + "@exempel.se";
		DsrRequest request = this.requests
			.registerByStaff(new NewRequest("Dan Ek", person, null, "sv", RequestType.ACCESS, Channel.EMAIL, null,
					Instant.now()), List.of(), null, null, null, Actor.SYSTEM)
			.get(0);
		this.opened.add(request.getId());
		MimeMessage reply = mail("Mitt svar", person, "Dan Ek", "Se bilagan.", "program.exe",
				"MZ not a document".getBytes(StandardCharsets.US_ASCII));
		reply.setRecipients(Message.RecipientType.TO, "privacy+" + request.getReplyKey() + "@example.se");
		reply.saveChanges();
		imap.append(INBOX, PASSWORD, "INBOX", reply);

		this.inbox.fetch();

		assertThat(this.jdbc.queryForObject("select count(*) from request_attachment where request_id = ?", Long.class,
				request.getId()))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'ATTACHMENT_REFUSED' and target_id = ?", Long.class,
				String.valueOf(request.getId())))
			.isEqualTo(1);
		MvcTestResult page = this.mvc.get()
			.uri("/staff/requests/" + request.getId())
			.with(user(this.handler))
			.header("Accept-Language", "en")
			.exchange();
		assertThat(body(page)).contains("program.exe not attached: this type of file is not accepted.",
				"A file of a mail was not attached");
	}

	@Test
	void aStaffRegistrationByPostMakesALetterToPostAndNotAcknowledgingNeedsAReason() throws Exception {
		String name = "Eva " + UUID.randomUUID();
		MvcTestResult noReason = this.mvc.post()
			.uri("/staff/requests/new")
			.param("channel", "LETTER")
			.param("receivedAt", LocalDate.now(this.clock).atTime(9, 0).toString())
			.param("type", "ACCESS")
			.param("name", name)
			.param("language", "sv")
			.param("postalAddress", "Storgatan 1\n223 50 Lund")
			.param("acknowledge", "false")
			.param("_acknowledge", "on")
			.with(user(this.handler))
			.with(csrf())
			.header("Accept-Language", "en")
			.exchange();
		assertThat(noReason).hasStatusOk();
		assertThat(body(noReason)).contains("Say why no acknowledgement is sent.");

		MvcTestResult posted = this.mvc.post()
			.uri("/staff/requests/new")
			.param("channel", "LETTER")
			.param("receivedAt", LocalDate.now(this.clock).atTime(9, 0).toString())
			.param("type", "ACCESS")
			.param("name", name)
			.param("language", "sv")
			.param("postalAddress", "Storgatan 1\n223 50 Lund")
			.param("acknowledge", "true")
			.with(user(this.handler))
			.with(csrf())
			.exchange();
		assertThat(posted).hasStatus3xxRedirection();
		long requestId = Long.parseLong(posted.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
		this.opened.add(requestId);
		assertThat(this.jdbc.queryForList(
				"select template from correspondence where request_id = ? and status = 'TO_POST'", String.class,
				requestId))
			.containsExactly("request-acknowledged");

		MvcTestResult skipped = this.mvc.post()
			.uri("/staff/requests/new")
			.param("channel", "PHONE")
			.param("receivedAt", LocalDate.now(this.clock).atTime(9, 0).toString())
			.param("type", "ACCESS")
			.param("name", name)
			.param("email", "eva-" + UUID.randomUUID() + "@exempel.se")
			.param("language", "sv")
			.param("_acknowledge", "on")
			.param("skipReason", "Besvarad direkt i telefon.")
			.with(user(this.handler))
			.with(csrf())
			.exchange();
		assertThat(skipped).hasStatus3xxRedirection();
		long skippedId = Long.parseLong(skipped.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
		this.opened.add(skippedId);
		assertThat(this.jdbc.queryForObject("select count(*) from correspondence where request_id = ?", Long.class,
				skippedId))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'REQUEST_ACKNOWLEDGEMENT_SKIPPED' and target_id = ?",
				Long.class, String.valueOf(skippedId)))
			.isEqualTo(1);
		assertThat(this.requests.notes(skippedId))
			.anySatisfy((note) -> assertThat(note.getBody()).contains("Besvarad direkt i telefon."));
	}

	private MvcTestResult register(long id) {
		return this.mvc.post()
			.uri("/staff/incoming-mail/" + id + "/register")
			.param("type", "ERASURE")
			.param("name", "Åsa Öberg")
			.param("email",
					this.jdbc.queryForObject("select sender_email from incoming_mail where id = ?", String.class, id))
			.param("language", "sv")
			.param("description", "Hej! Jag vill att ni raderar allt om mig.")
			.param("acknowledge", "true")
			.with(user(this.handler))
			.with(csrf())
			.header("Accept-Language", "en")
			.exchange();
	}

	private long stored(String tag) {
		return this.jdbc.queryForObject("select count(*) from incoming_mail where sender_email like ?", Long.class,
				"%-" + tag + "@exempel.se");
	}

	private static String body(MvcTestResult result) throws Exception {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	/** A mail as a mail program writes it, with an optional file. */
	static MimeMessage mail(String subject, String from, String name, String text, String fileName, byte[] file)
			throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
		message.setSubject(subject, "UTF-8");
		message.setFrom((name != null) ? new InternetAddress(from, name, "UTF-8") : new InternetAddress(from));
		message.setRecipients(Message.RecipientType.TO, INBOX);
		message.setSentDate(new Date());
		if (fileName == null) {
			message.setText(text, "UTF-8");
		}
		else {
			MimeMultipart multipart = new MimeMultipart();
			MimeBodyPart body = new MimeBodyPart();
			body.setText(text, "UTF-8");
			multipart.addBodyPart(body);
			MimeBodyPart attachment = new MimeBodyPart();
			attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(file, "application/octet-stream")));
			attachment.setFileName(fileName);
			attachment.setDisposition(jakarta.mail.Part.ATTACHMENT);
			multipart.addBodyPart(attachment);
			message.setContent(multipart);
		}
		message.saveChanges();
		return message;
	}

	/**
	 * That day at 09:00 UTC: GreenMail parses an APPEND's date with a 12-hour clock, so a
	 * time between 12:00 and 13:00 is stored 12 hours early
	 * (greenmail-mail-test/greenmail#211), and a test run at noon would fail.
	 */
	static Instant outsideNoon(Instant day) {
		return day.truncatedTo(ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
	}

	/**
	 * A mail appended with the server's receipt time (INTERNALDATE) given: IMAP
	 * {@code APPEND} sends the message's received date.
	 */
	static MimeMessage received(MimeMessage message, Instant internalDate) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		message.writeTo(bytes);
		Date date = Date.from(internalDate);
		return new MimeMessage(Session.getInstance(new java.util.Properties()),
				new java.io.ByteArrayInputStream(bytes.toByteArray())) {

			@Override
			public Date getReceivedDate() {
				return date;
			}

		};
	}

}
