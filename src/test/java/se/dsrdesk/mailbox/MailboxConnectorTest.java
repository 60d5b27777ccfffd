package se.dsrdesk.mailbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.connector.ConnectorException;
import se.dsrdesk.location.connector.ConnectorSubject;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.location.connector.Hit;
import se.dsrdesk.location.connector.NewFinding;
import se.dsrdesk.location.connector.Receipt;
import se.dsrdesk.location.connector.SearchResult;
import se.dsrdesk.mailbox.MailboxProperties.DeleteMode;
import se.dsrdesk.mailbox.MailboxProperties.Mailbox;
import se.dsrdesk.mailbox.MailboxProperties.Tls;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The mailbox connector against a real IMAP server (GreenMail): the server's own
 * {@code SEARCH} finds the person in From, CC, BCC and the body only, in any case, in
 * several folders and two mailboxes but never in the trash; hits carry decoded Swedish
 * and RFC 2047 headers and attachment names; copying gives readable text and the original
 * {@code .eml}; erasing removes exactly the selected mails (a mail another client flagged
 * {@code \Deleted} survives; a kept mail survives); failures come back as the page's
 * translated messages.
 * <p>
 * Tagged {@value IntegrationTest#TAG} (it starts a server per test and takes about a
 * minute), though it needs no database.
 */
@Tag(IntegrationTest.TAG)
class MailboxConnectorTest {

	static final String SUPPORT = "support@example.se";

	static final String SALES = "sales@example.se";

	static final String SECRET = "hemligt";

	static final ConnectorSubject ASA = new ConnectorSubject("DSR-2026-0001", "Åsa Öberg",
			List.of("asa.oberg@example.se"), null);

	ImapServer server;

	KeptMails kept = mock(KeptMails.class);

	DataLocation location = mock(DataLocation.class);

	@BeforeEach
	void mailboxes() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		given(this.location.getId()).willReturn(7L);
		given(this.kept.heldAmong(anyString(), any())).willReturn(Set.of());
		this.server = new ImapServer();
		this.server.user(SUPPORT, SECRET);
		this.server.user(SALES, SECRET);
		this.server.append(SUPPORT, SECRET, "INBOX",
				Mails.mail("Faktura för räksmörgås")
					.from("Asa.Oberg@Example.SE", "Åsa Öberg")
					.to(SUPPORT)
					.text("Hej, här är kvittot.")
					.attachment("kvitto-å.pdf")
					.sent("2026-05-01T08:00:00Z")
					.build(),
				Mails.mail("Möte")
					.from("chef@example.se", "Chef")
					.to("kollega@example.se")
					.cc("asa.oberg@example.se")
					.sent("2026-05-02T08:00:00Z")
					.build(),
				Mails.mail("Unrelated").from("bob@example.com", "Bob").to(SUPPORT).sent("2026-05-03T08:00:00Z").build(),
				Mails.mail("Namnet bara")
					.from("kollega@example.se", "Kollega")
					.to(SUPPORT)
					.text("Åsa Öberg ringde i går.")
					.sent("2026-05-04T08:00:00Z")
					.build());
		this.server.append(SUPPORT, SECRET, "Archive",
				Mails.mail("Ärende")
					.from("kollega@example.se", "Kollega")
					.to(SUPPORT)
					.text("Kontakta ASA.OBERG@example.se om saken.")
					.sent("2026-04-01T08:00:00Z")
					.build());
		this.server.append(SUPPORT, SECRET, "Trash",
				Mails.mail("Gammalt i papperskorgen")
					.from("asa.oberg@example.se", "Åsa")
					.to(SUPPORT)
					.sent("2026-03-01T08:00:00Z")
					.build());
		this.server.append(SALES, SECRET, "INBOX",
				Mails.mail("Offert")
					.from(SALES, "Sälj")
					.to("inkop@example.com")
					.bcc("asa.oberg@example.se")
					.sent("2026-05-05T08:00:00Z")
					.build());
		this.server.append(SALES, SECRET, "Trash",
				Mails.mail("Tom").from(SALES, "Sälj").to("x@example.com").sent("2026-01-01T08:00:00Z").build());
	}

	@AfterEach
	void stop() {
		this.server.close();
		LocaleContextHolder.resetLocaleContext();
	}

	MailboxConnector connector(DeleteMode salesMode, int pageSize) {
		Mailbox support = this.server.mailbox("support", SUPPORT, SECRET, 7L, DeleteMode.EXPUNGE);
		Mailbox sales = this.server.mailbox("sales", SALES, SECRET, 7L, salesMode);
		sales = with(sales, (b) -> b.pageSize = pageSize);
		support = with(support, (b) -> b.pageSize = pageSize);
		return connector(support, sales);
	}

	MailboxConnector connector(Mailbox... mailboxes) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new MailboxConnector(new MailboxProperties(List.of(mailboxes)), this.kept, messages,
				Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneId.of("Europe/Stockholm")));
	}

	MailboxConnector connector() {
		return connector(DeleteMode.EXPUNGE, 50);
	}

	static Mailbox with(Mailbox box, Consumer<Settings> change) {
		Settings settings = new Settings(box);
		change.accept(settings);
		return settings.build();
	}

	Hit hit(SearchResult result, String subject) {
		return result.hits()
			.stream()
			.filter((hit) -> hit.details().get("Subject").equals(subject))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no hit " + subject + " in " + result.hits()));
	}

	@Nested
	@DisplayName("Find")
	class Find {

		@Test
		void findsThePersonInFromCcBccAndBodyInEveryFolderAndMailboxButNotTheTrash() {
			SearchResult result = connector().find(MailboxConnectorTest.this.location, ASA, 0);

			assertThat(result.total()).isEqualTo(5);
			assertThat(result.more()).isFalse();
			assertThat(result.hits()).extracting((hit) -> hit.details().get("Subject"))
				.containsExactlyInAnyOrder("Faktura för räksmörgås", "Möte", "Namnet bara", "Ärende", "Offert");
			assertThat(result.hits()).extracting((hit) -> hit.details().get("Mailbox"))
				.containsOnly("support", "sales");
		}

		@Test
		void preselectsWhatWasFoundByAddressButNotByNameOnly() {
			SearchResult result = connector().find(MailboxConnectorTest.this.location, ASA, 0);

			assertThat(result.hits()).filteredOn(Hit::preselected)
				.extracting((hit) -> hit.details().get("Subject"))
				.containsExactlyInAnyOrder("Faktura för räksmörgås", "Möte", "Ärende", "Offert");
		}

		@Test
		void showsDecodedSwedishHeadersFoldersSizesAndAttachmentNames() {
			Hit invoice = hit(connector().find(MailboxConnectorTest.this.location, ASA, 0), "Faktura för räksmörgås");

			assertThat(invoice.title()).isEqualTo("2026-05-01 10:00 Faktura för räksmörgås");
			assertThat(invoice.details()).containsEntry("Folder", "INBOX")
				.containsEntry("From", "Åsa Öberg <Asa.Oberg@Example.SE>")
				.containsEntry("To", SUPPORT)
				.containsEntry("Attachments", "kvitto-å.pdf");
			assertThat(invoice.details().get("Size")).matches("\\d+ (B|kB)");
			Hit archived = hit(connector().find(MailboxConnectorTest.this.location, ASA, 0), "Ärende");
			assertThat(archived.details()).containsEntry("Folder", "Archive").containsEntry("Attachments", "-");
		}

		@Test
		void pagesNewestFirstOverFoldersAndMailboxes() {
			MailboxConnector connector = connector(DeleteMode.EXPUNGE, 2);

			SearchResult first = connector.find(MailboxConnectorTest.this.location, ASA, 0);
			SearchResult second = connector.find(MailboxConnectorTest.this.location, ASA, 1);
			SearchResult third = connector.find(MailboxConnectorTest.this.location, ASA, 2);

			assertThat(first.hits()).extracting((hit) -> hit.details().get("Subject"))
				.containsExactly("Namnet bara", "Möte");
			assertThat(first.more()).isTrue();
			assertThat(second.hits()).extracting((hit) -> hit.details().get("Subject"))
				.containsExactly("Faktura för räksmörgås", "Ärende");
			assertThat(third.hits()).extracting((hit) -> hit.details().get("Subject")).containsExactly("Offert");
			assertThat(third.more()).isFalse();
			assertThat(third.total()).isEqualTo(5);
		}

		@Test
		void searchesOnlyTheConfiguredFoldersWhenGiven() {
			Mailbox archiveOnly = with(
					MailboxConnectorTest.this.server.mailbox("support", SUPPORT, SECRET, 7L, DeleteMode.EXPUNGE),
					(b) -> b.folders = List.of("Archive"));

			SearchResult result = connector(archiveOnly).find(MailboxConnectorTest.this.location, ASA, 0);

			assertThat(result.hits()).extracting((hit) -> hit.details().get("Subject")).containsExactly("Ärende");
		}

		@Test
		void servesOnlyTheLocationItsMailboxesBelongTo() {
			DataLocation other = mock(DataLocation.class);
			given(other.getId()).willReturn(8L);

			assertThat(connector().serves(MailboxConnectorTest.this.location)).isTrue();
			assertThat(connector().serves(other)).isFalse();
		}

	}

	@Nested
	@DisplayName("Copy")
	class Copy {

		@Test
		void copiesReadableTextAndTheOriginalEml() throws Exception {
			MailboxConnector connector = connector();
			Hit invoice = hit(connector.find(MailboxConnectorTest.this.location, ASA, 0), "Faktura för räksmörgås");

			List<NewFinding> findings = connector.copy(MailboxConnectorTest.this.location, ASA, List.of(invoice.id()));

			assertThat(findings).hasSize(2);
			NewFinding text = findings.get(0);
			assertThat(text.kind()).isEqualTo(Finding.Kind.RECORD);
			assertThat(text.fields()).containsEntry("Subject", "Faktura för räksmörgås")
				.containsEntry("Attachments", "kvitto-å.pdf")
				.containsEntry("Text", "Hej, här är kvittot.")
				.containsEntry("From", "Åsa Öberg <Asa.Oberg@Example.SE>");
			assertThat(text.source()).startsWith("imap:support/INBOX/uid ");
			NewFinding eml = findings.get(1);
			assertThat(eml.kind()).isEqualTo(Finding.Kind.FILE);
			assertThat(eml.contentType()).isEqualTo("message/rfc822");
			assertThat(eml.fileName()).endsWith(".eml");
			// as mail programs read it: UTF-8 in headers (RFC 6532)
			java.util.Properties utf8 = new java.util.Properties();
			utf8.put("mail.mime.allowutf8", "true");
			MimeMessage original = new MimeMessage(jakarta.mail.Session.getInstance(utf8),
					new ByteArrayInputStream(eml.content()));
			assertThat(original.getSubject()).isEqualTo("Faktura för räksmörgås");
			// the headers and text readable (and maskable) in the review; the rest (the
			// attachment's name among it) as on the server
			assertThat(new String(eml.content(), StandardCharsets.UTF_8))
				.contains("Subject: Faktura för räksmörgås\r\n", "From: Åsa Öberg <Asa.Oberg@Example.SE>\r\n")
				.contains("Hej, här är kvittot.")
				.contains("Content-Transfer-Encoding: 8bit")
				.contains("filename=\"=?UTF-8?Q?kvitto-=C3=A5.pdf?=\"");
			MimeMessage onServer = onServer("Faktura för räksmörgås");
			assertThat(original.getMessageID()).isNotNull().isEqualTo(onServer.getMessageID());
			assertThat(MailText.body(original)).isEqualTo(MailText.body(onServer));
			assertThat(attachmentBytes(original)).isEqualTo(attachmentBytes(onServer))
				.startsWith("%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
		}

		@Test
		void keepsAMailWithoutEncodedTextAsItIsButItsEncodedSubject() throws Exception {
			MailboxConnector connector = connector();
			Hit meeting = hit(connector.find(MailboxConnectorTest.this.location, ASA, 0), "Möte");

			NewFinding eml = connector.copy(MailboxConnectorTest.this.location, ASA, List.of(meeting.id())).get(1);

			java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
			onServer("Möte").writeTo(raw);
			String onServer = raw.toString(StandardCharsets.US_ASCII);
			assertThat(onServer).contains("Subject: =?UTF-8?Q?M=C3=B6te?=\r\n");
			assertThat(new String(eml.content(), StandardCharsets.UTF_8))
				.isEqualTo(onServer.replace("Subject: =?UTF-8?Q?M=C3=B6te?=\r\n", "Subject: Möte\r\n"));
		}

		private MimeMessage onServer(String subject) throws Exception {
			try (jakarta.mail.Store store = MailboxConnectorTest.this.server.store(SUPPORT, SECRET)) {
				jakarta.mail.Folder inbox = store.getFolder("INBOX");
				inbox.open(jakarta.mail.Folder.READ_ONLY);
				for (jakarta.mail.Message message : inbox.getMessages()) {
					if (subject.equals(message.getSubject())) {
						return new MimeMessage((MimeMessage) message);
					}
				}
			}
			throw new AssertionError(subject);
		}

		private static byte[] attachmentBytes(MimeMessage mail) throws Exception {
			jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) mail.getContent();
			return multipart.getBodyPart(1).getInputStream().readAllBytes();
		}

		@Test
		void refusesAHitOfAFolderThatWasRebuilt() {
			String forged = new MailHitId("support", "INBOX", 1, 1).toString();

			assertThatExceptionOfType(ConnectorException.class)
				.isThrownBy(() -> connector().copy(MailboxConnectorTest.this.location, ASA, List.of(forged)))
				.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("mailbox.failure.changed"));
		}

	}

	@Nested
	@DisplayName("Erase")
	class Erase {

		@Test
		void expungesExactlyTheSelectedMailsAndNoOthers() {
			MailboxConnectorTest.this.server.flagDeleted(SUPPORT, SECRET, "INBOX", "Unrelated");
			MailboxConnector connector = connector();
			SearchResult found = connector.find(MailboxConnectorTest.this.location, ASA, 0);

			Receipt receipt = connector.erase(MailboxConnectorTest.this.location, ASA,
					List.of(hit(found, "Faktura för räksmörgås").id(), hit(found, "Ärende").id()), false);

			assertThat(receipt.count()).isEqualTo(2);
			assertThat(receipt.dryRun()).isFalse();
			assertThat(receipt.evidence()).hasSize(2)
				.allSatisfy((line) -> assertThat(line).startsWith("mailbox=support; folder=")
					.contains("message-id=<")
					.contains("date=2026-")
					.doesNotContain("Faktura")
					.doesNotContain("asa.oberg"));
			assertThat(MailboxConnectorTest.this.server.subjects(SUPPORT, SECRET, "INBOX")).containsExactly("Möte",
					"Unrelated", "Namnet bara");
			assertThat(MailboxConnectorTest.this.server.subjects(SUPPORT, SECRET, "Archive")).isEmpty();
		}

		@Test
		void aDryRunChangesNothing() {
			MailboxConnector connector = connector();
			SearchResult found = connector.find(MailboxConnectorTest.this.location, ASA, 0);

			Receipt receipt = connector.erase(MailboxConnectorTest.this.location, ASA,
					found.hits().stream().map(Hit::id).toList(), true);

			assertThat(receipt.count()).isEqualTo(5);
			assertThat(receipt.dryRun()).isTrue();
			assertThat(MailboxConnectorTest.this.server.subjects(SUPPORT, SECRET, "INBOX")).hasSize(4);
			assertThat(MailboxConnectorTest.this.server.subjects(SALES, SECRET, "INBOX")).hasSize(1);
		}

		@Test
		void aKeptMailSurvives() throws Exception {
			MailboxConnector connector = connector();
			SearchResult found = connector.find(MailboxConnectorTest.this.location, ASA, 0);
			String meeting = hit(found, "Möte").id();
			String invoice = hit(found, "Faktura för räksmörgås").id();
			String meetingId = messageIdOf("Möte");
			given(MailboxConnectorTest.this.kept.heldAmong(anyString(), any())).willAnswer((call) -> {
				java.util.Collection<String> ids = call.getArgument(1);
				return Set.copyOf(ids.stream().filter(meetingId::equals).toList());
			});

			Receipt receipt = connector.erase(MailboxConnectorTest.this.location, ASA, List.of(meeting, invoice),
					false);

			assertThat(receipt.count()).isEqualTo(1);
			assertThat(receipt.evidence()).contains("mailbox=support; folder=INBOX; kept=1");
			assertThat(MailboxConnectorTest.this.server.subjects(SUPPORT, SECRET, "INBOX")).contains("Möte")
				.doesNotContain("Faktura för räksmörgås");
		}

		@Test
		void movesToTheTrashAndExpungesThereWhenSoConfigured() {
			MailboxConnector connector = connector(DeleteMode.TRASH, 50);
			SearchResult found = connector.find(MailboxConnectorTest.this.location, ASA, 0);

			Receipt receipt = connector.erase(MailboxConnectorTest.this.location, ASA,
					List.of(hit(found, "Offert").id()), false);

			assertThat(receipt.count()).isEqualTo(1);
			assertThat(MailboxConnectorTest.this.server.subjects(SALES, SECRET, "INBOX")).isEmpty();
			assertThat(MailboxConnectorTest.this.server.subjects(SALES, SECRET, "Trash")).containsExactly("Tom");
		}

		String messageIdOf(String subject) throws Exception {
			try (jakarta.mail.Store store = MailboxConnectorTest.this.server.store(SUPPORT, SECRET)) {
				jakarta.mail.Folder inbox = store.getFolder("INBOX");
				inbox.open(jakarta.mail.Folder.READ_ONLY);
				for (jakarta.mail.Message message : inbox.getMessages()) {
					if (subject.equals(message.getSubject())) {
						return ((MimeMessage) message).getMessageID();
					}
				}
			}
			throw new AssertionError(subject);
		}

	}

	@Nested
	@DisplayName("The yearly review")
	class YearlyReview {

		se.dsrdesk.request.OpenRequestAddresses openRequests = mock(se.dsrdesk.request.OpenRequestAddresses.class);

		org.springframework.jdbc.core.simple.JdbcClient jdbc = mock(
				org.springframework.jdbc.core.simple.JdbcClient.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);

		se.dsrdesk.location.LocationService locations = mock(se.dsrdesk.location.LocationService.class);

		MailboxReview review;

		@BeforeEach
		void oldMails() {
			given(MailboxConnectorTest.this.location.getRetentionMonths()).willReturn(12);
			given(this.openRequests.all()).willReturn(Set.of("open.person@example.com"));
			MailboxConnectorTest.this.server.append(SUPPORT, SECRET, "INBOX",
					Mails.mail("Gammal med pnr")
						.text("Kundens pnr är 811218-9876.")
						.sent("2024-01-01T08:00:00Z")
						.build(),
					Mails.mail("Gammal utan data").text("Tack för senast!").sent("2024-01-02T08:00:00Z").build(),
					Mails.mail("Gammal öppen")
						.from("Open.Person@example.com", "Öppen")
						.text("Ring mig på 070-123 45 67.")
						.sent("2024-01-03T08:00:00Z")
						.build(),
					Mails.mail("Gammal sparad").text("Kvitto till a@b.se").sent("2024-01-04T08:00:00Z").build());
			this.review = new MailboxReview(connector(), MailboxConnectorTest.this.kept, this.openRequests,
					this.locations, this.jdbc, mock(se.dsrdesk.audit.AuditLog.class),
					Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneId.of("Europe/Stockholm")));
		}

		@Test
		void listsOldMailsWithPersonalDataButNotThoseOfAnOpenRequestOrKept() throws Exception {
			String keptId = messageIdIn("Gammal sparad");
			given(MailboxConnectorTest.this.kept.heldAmong(anyString(), any())).willAnswer((call) -> Set
				.copyOf(((java.util.Collection<String>) call.getArgument(1)).stream().filter(keptId::equals).toList()));

			MailboxReview.Listing listing = this.review.list(MailboxConnectorTest.this.location);

			assertThat(listing.olderThan()).isEqualTo(java.time.LocalDate.of(2025, 6, 1));
			assertThat(listing.rows()).extracting(MailboxReview.Row::subject).containsExactly("Gammal med pnr");
			assertThat(listing.rows().get(0).mentions()).containsExactly(PersonalData.Kind.PERSONNUMMER);
			assertThat(listing.excluded()).isEqualTo(2);
		}

		@Test
		void deletesTheSelectedOldMailsAndRecordsTheReview() {
			MailboxReview.Listing listing = this.review.list(MailboxConnectorTest.this.location);
			se.dsrdesk.account.StaffPrincipal owner = mock(se.dsrdesk.account.StaffPrincipal.class);
			given(owner.hasRole(se.dsrdesk.account.Role.ADMIN)).willReturn(true);
			given(owner.toActor()).willReturn(new se.dsrdesk.audit.Actor(1L, "admin"));

			MailboxReview.Outcome outcome = this.review.delete(MailboxConnectorTest.this.location,
					listing.rows().stream().map(MailboxReview.Row::id).toList(), listing.rows().size(),
					listing.excluded(), owner);

			assertThat(outcome.deleted()).isEqualTo(2);
			assertThat(MailboxConnectorTest.this.server.subjects(SUPPORT, SECRET, "INBOX"))
				.doesNotContain("Gammal med pnr", "Gammal sparad")
				.contains("Gammal utan data", "Gammal öppen", "Möte");
			org.mockito.Mockito.verify(this.locations)
				.recordReview(7L, "mailboxes: listed 2, left out 1, deleted 2, skipped 0", owner);
		}

		String messageIdIn(String subject) throws Exception {
			try (jakarta.mail.Store store = MailboxConnectorTest.this.server.store(SUPPORT, SECRET)) {
				jakarta.mail.Folder inbox = store.getFolder("INBOX");
				inbox.open(jakarta.mail.Folder.READ_ONLY);
				for (jakarta.mail.Message message : inbox.getMessages()) {
					if (subject.equals(message.getSubject())) {
						return ((MimeMessage) message).getMessageID();
					}
				}
			}
			throw new AssertionError(subject);
		}

	}

	@Nested
	@DisplayName("Failures")
	class Failures {

		@Test
		void aWrongPasswordIsAnAuthenticationFailure() {
			Mailbox wrong = MailboxConnectorTest.this.server.mailbox("support", SUPPORT, "fel", 7L, DeleteMode.EXPUNGE);

			assertThatExceptionOfType(ConnectorException.class)
				.isThrownBy(() -> connector(wrong).find(MailboxConnectorTest.this.location, ASA, 0))
				.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("mailbox.failure.authentication"))
				.satisfies((ex) -> assertThat(ex.arguments()).containsExactly("support"));
		}

		@Test
		void aDroppedConnectionSaysSo() throws Exception {
			try (ServerSocket socket = new ServerSocket(0)) {
				Thread dropper = daemon(() -> dropAfterGreeting(socket));
				Mailbox box = with(
						MailboxConnectorTest.this.server.mailbox("support", SUPPORT, SECRET, 7L, DeleteMode.EXPUNGE),
						(b) -> b.port = socket.getLocalPort());

				assertThatExceptionOfType(ConnectorException.class)
					.isThrownBy(() -> connector(box).find(MailboxConnectorTest.this.location, ASA, 0))
					.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("mailbox.failure.dropped"));
				dropper.join(5000);
			}
		}

		@Test
		void aServerThatDoesNotAnswerTimesOut() throws Exception {
			try (ServerSocket socket = new ServerSocket(0)) {
				Thread silent = daemon(() -> acceptAndWait(socket));
				Mailbox box = with(
						MailboxConnectorTest.this.server.mailbox("support", SUPPORT, SECRET, 7L, DeleteMode.EXPUNGE),
						(b) -> {
							b.port = socket.getLocalPort();
							b.timeout = Duration.ofMillis(300);
						});

				assertThatExceptionOfType(ConnectorException.class)
					.isThrownBy(() -> connector(box).find(MailboxConnectorTest.this.location, ASA, 0))
					.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("mailbox.failure.timeout"));
				silent.interrupt();
			}
		}

		@Test
		void aFolderThatDisappearedSaysWhich() {
			Mailbox gone = with(
					MailboxConnectorTest.this.server.mailbox("support", SUPPORT, SECRET, 7L, DeleteMode.EXPUNGE),
					(b) -> b.folders = List.of("Gone"));

			assertThatExceptionOfType(ConnectorException.class)
				.isThrownBy(() -> connector(gone).find(MailboxConnectorTest.this.location, ASA, 0))
				.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("mailbox.failure.folderGone"))
				.satisfies((ex) -> assertThat(ex.arguments()).containsExactly("support", "Gone"));
		}

		@Test
		void plainTextIsRefusedUnlessAllowed() {
			Mailbox plain = with(
					MailboxConnectorTest.this.server.mailbox("support", SUPPORT, SECRET, 7L, DeleteMode.EXPUNGE),
					(b) -> b.allowPlain = false);

			assertThatExceptionOfType(ConnectorException.class)
				.isThrownBy(() -> connector(plain).find(MailboxConnectorTest.this.location, ASA, 0))
				.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("mailbox.failure.plainRefused"));
		}

		@Test
		void aTlsHandshakeWithAPlainServerIsATlsFailure() {
			Mailbox tls = with(
					MailboxConnectorTest.this.server.mailbox("support", SUPPORT, SECRET, 7L, DeleteMode.EXPUNGE),
					(b) -> b.tls = Tls.IMPLICIT);

			assertThatExceptionOfType(ConnectorException.class)
				.isThrownBy(() -> connector(tls).find(MailboxConnectorTest.this.location, ASA, 0))
				.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("mailbox.failure.tls"));
		}

		@Test
		void anExpungeOnGmailIsRefusedBecauseItOnlyTakesALabelAway() throws Exception {
			try (ServerSocket socket = new ServerSocket(0)) {
				Thread gmail = daemon(() -> answerAsGmail(socket));
				Mailbox box = with(
						MailboxConnectorTest.this.server.mailbox("gmail", SUPPORT, SECRET, 7L, DeleteMode.EXPUNGE),
						(b) -> b.port = socket.getLocalPort());
				String hit = new MailHitId("gmail", "[Gmail]/All Mail", 1, 1).toString();

				assertThatExceptionOfType(ConnectorException.class)
					.isThrownBy(() -> connector(box).erase(MailboxConnectorTest.this.location, ASA, List.of(hit), true))
					.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("mailbox.failure.gmailExpunge"))
					.satisfies((ex) -> assertThat(ex.arguments()).containsExactly("gmail"));
				gmail.join(5000);
				assertThat(gmail.isAlive()).as("the connection was closed").isFalse();
			}
		}

		/**
		 * Greets and signs in as Gmail's IMAP server does (its capability
		 * {@code X-GM-EXT-1}), answers {@code LOGOUT}, and says OK to anything else.
		 */
		private static void answerAsGmail(ServerSocket socket) {
			String capabilities = "IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 UIDPLUS "
					+ "COMPRESS=DEFLATE ENABLE MOVE CONDSTORE ESEARCH UTF8=ACCEPT LIST-EXTENDED LIST-STATUS "
					+ "LITERAL- SPECIAL-USE APPENDLIMIT=35651584";
			try (Socket client = socket.accept()) {
				client.setSoTimeout(5000);
				java.io.BufferedReader in = new java.io.BufferedReader(
						new java.io.InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
				OutputStream out = client.getOutputStream();
				out.write(
						("* OK [CAPABILITY " + capabilities + "] Gimap ready\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					String[] words = line.split(" ", 3);
					String command = (words.length > 1) ? words[1].toUpperCase(Locale.ROOT) : "";
					String answer = switch (command) {
						case "CAPABILITY" -> "* CAPABILITY " + capabilities + "\r\n" + words[0] + " OK Success\r\n";
						case "LOGIN" -> words[0] + " OK [CAPABILITY " + capabilities + "] signed in\r\n";
						case "LOGOUT" -> "* BYE LOGOUT Requested\r\n" + words[0] + " OK bye\r\n";
						// ID, ENABLE and the like after the login
						default -> words[0] + " OK Success\r\n";
					};
					out.write(answer.getBytes(StandardCharsets.US_ASCII));
					out.flush();
					if (command.equals("LOGOUT")) {
						return;
					}
				}
			}
			catch (IOException ex) {
				// the test is over
			}
		}

		private static Thread daemon(Runnable job) {
			Thread thread = new Thread(job, "fake-imap");
			thread.setDaemon(true);
			thread.start();
			return thread;
		}

		private static void dropAfterGreeting(ServerSocket socket) {
			try (Socket client = socket.accept()) {
				OutputStream out = client.getOutputStream();
				out.write("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				InputStream in = client.getInputStream();
				in.read();
			}
			catch (IOException ex) {
				// the test is over
			}
		}

		private static void acceptAndWait(ServerSocket socket) {
			try (Socket client = socket.accept()) {
				Thread.sleep(5000);
			}
			catch (IOException | InterruptedException ex) {
				// the test is over
			}
		}

	}

	/** A mailbox's settings to change in a test. */
	static final class Settings {

		String name;

		Integer port;

		Tls tls;

		boolean allowPlain;

		List<String> folders;

		DeleteMode mode;

		int pageSize;

		Duration timeout;

		private final Mailbox box;

		Settings(Mailbox box) {
			this.box = box;
			this.name = box.name();
			this.port = box.port();
			this.tls = box.tls();
			this.allowPlain = box.allowPlain();
			this.folders = box.folders();
			this.mode = box.deleteMode();
			this.pageSize = box.pageSize();
			this.timeout = box.timeout();
		}

		Mailbox build() {
			return new Mailbox(this.name, this.box.host(), this.port, this.tls, this.allowPlain, this.box.user(),
					this.box.password(), this.box.oauthToken(), this.folders, this.box.trashFolder(),
					this.box.locationId(), this.mode, this.pageSize, this.box.connectTimeout(), this.timeout);
		}

	}

}
