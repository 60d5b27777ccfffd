package se.dsrdesk.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LegalGround;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.Recipient;
import se.dsrdesk.location.RecipientNotice;
import se.dsrdesk.location.RecipientNoticeRecord;
import se.dsrdesk.location.RecipientNotices;
import se.dsrdesk.location.RetentionRule;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.representative.Representative;
import se.dsrdesk.system.DisplayFormats;
import se.dsrdesk.request.representative.RepresentativeAuthority;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Golden letters: every letter DSR Desk sends to a person, in Swedish and in English, for
 * one fixed request on a fixed day (received 3 March 2026), compared word for word with
 * the reviewed text under {@code src/test/resources/letters/golden/}. A wording change is
 * therefore a visible diff in review.
 * <p>
 * After a deliberate wording change, regenerate the files and read the diff: <pre>
 * ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=GoldenLettersTest -Djacoco.skip=true -Dgolden.update=true
 * git diff src/test/resources/letters/golden/
 * </pre> Mails are the subject and the plain-text body (the HTML body has the same
 * sentences); answer letters are the draft {@link AnswerComposer} writes from the tasks'
 * outcomes, which the case handler then reviews. The request's reference, which the
 * database numbers, is written {@value #REFERENCE}.
 */
@IntegrationTest
class GoldenLettersTest {

	static final Path GOLDEN = Path.of("src/test/resources/letters/golden");

	static final boolean UPDATE = Boolean.getBoolean("golden.update");

	static final String REFERENCE = "DSR-2026-000123";

	/** An ISO date, which running text in a letter never has. */
	static final String ISO_DATE = "\\d{4}-\\d{2}-\\d{2}";

	static final Instant RECEIVED = Instant.parse("2026-03-03T09:00:00Z");

	static final LocalDate RECEIPT_DATE = LocalDate.of(2026, 3, 3);

	static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("sv"), Locale.ENGLISH);

	@Autowired
	MailRenderer renderer;

	@Autowired
	PostalLetters postalLetters;

	@Autowired
	AnswerComposer composer;

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	LocationService locations;

	@Autowired
	RecipientNotices recipients;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	private final List<Long> created = new ArrayList<>();

	private Places places;

	private final List<Long> opened = new ArrayList<>();

	@AfterEach
	void tearDown() {
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
		}
		for (Long id : this.created) {
			this.jdbc.update("update data_location set active = false where id = ?", id);
		}
		this.clock.reset();
	}

	@TestFactory
	Stream<DynamicTest> everyLetterInBothLanguagesMatchesItsReviewedText() {
		return letters().entrySet()
			.stream()
			.flatMap((letter) -> LANGUAGES.stream()
				.map((language) -> DynamicTest.dynamicTest(fileName(letter.getKey(), language),
						() -> compare(fileName(letter.getKey(), language), letter.getValue().apply(language)))));
	}

	@Test
	void everyGoldenFileBelongsToALetter() throws IOException {
		Set<String> expected = new TreeSet<>();
		for (String name : letters().keySet()) {
			LANGUAGES.forEach((language) -> expected.add(fileName(name, language)));
		}
		try (Stream<Path> files = Files.list(GOLDEN)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	/** Every letter by name; each renders itself in the language given. */
	private Map<String, Function<Locale, String>> letters() {
		Map<String, Function<Locale, String>> letters = new LinkedHashMap<>();
		letters.put("request-confirm", (language) -> mail("request-confirm", language, confirmModel()));
		letters.put("request-confirm-reminder",
				(language) -> mail("request-confirm-reminder", language, confirmModel()));
		letters.put("request-acknowledged", (language) -> mail("request-acknowledged", language,
				model(Map.of("deadline", LocalDate.of(2026, 4, 3), "statusToken", "STATUS-TOKEN"))));
		letters.put("request-status-link",
				(language) -> mail("request-status-link", language, model(Map.of("statusToken", "STATUS-TOKEN"))));
		letters.put("request-information-needed-identity", (language) -> mail("request-information-needed", language,
				model(Map.of("needed", needed(language, "identity"), "ground", "IDENTITY", "stopsClock", true))));
		letters.put("request-information-needed-scope", (language) -> mail("request-information-needed", language,
				model(Map.of("needed", needed(language, "scope"), "ground", "SCOPE", "stopsClock", false))));
		letters.put("request-information-needed-scope-large", (language) -> mail("request-information-needed", language,
				model(Map.of("needed", needed(language, "scope"), "ground", "SCOPE", "stopsClock", true))));
		letters.put("request-information-needed-authority", (language) -> {
			Map<String, Object> model = model(Map.of("needed",
					sv(language, "En kopia av fullmakten, undertecknad av Åsa Öberg.",
							"A copy of the power of attorney, signed by Åsa Öberg."),
					"ground", "AUTHORITY", "stopsClock", true, "onBehalfOf", "Åsa Öberg"));
			model.put("name", "Björn Öberg");
			return mail("request-information-needed", language, model);
		});
		letters.put("request-extended",
				(language) -> mail("request-extended", language,
						model(Map.of("months", 2, "deadline", LocalDate.of(2026, 6, 3), "reason",
								sv(language, "Vi behöver gå igenom tio års arkiverad e-post i tre system.",
										"We need to go through ten years of archived email in three systems.")))));
		letters.put("request-duplicate", (language) -> mail("request-duplicate", language, model(Map.of("original",
				"DSR-2026-000101", OutgoingMail.SUBJECT_ARGUMENTS, List.of(REFERENCE, "DSR-2026-000101")))));
		for (RejectionGround ground : RejectionGround.values()) {
			letters.put("request-rejected-" + ground.name().toLowerCase(Locale.ROOT).replace('_', '-'),
					(language) -> mail("request-rejected", language, rejection(ground, language, false)));
		}
		letters.put("request-rejected-late",
				(language) -> mail("request-rejected", language, rejection(RejectionGround.EXCESSIVE, language, true)));
		letters.put("request-answer-access",
				(language) -> mail("request-answer", language,
						model(Map.of("body", sv(language, "Här är vårt svar.", "This is our answer."), "downloadToken",
								"DOWNLOAD-TOKEN", "downloadExpires", LocalDate.of(2026, 4, 2), "downloadKind", "ACCESS",
								"downloadFiles", List.of("extract.pdf", "extract.json")))));
		letters.put("request-answer-portability",
				(language) -> mail("request-answer", language,
						model(Map.of("body", sv(language, "Här är vårt svar.", "This is our answer."), "downloadToken",
								"DOWNLOAD-TOKEN", "downloadExpires", LocalDate.of(2026, 4, 2), "downloadKind",
								"PORTABILITY", "downloadFiles", List.of("data.json", "data.csv")))));
		letters.put("request-answer-late", (language) -> mail("request-answer", language,
				model(Map.of("body", sv(language, "Här är vårt svar.", "This is our answer."), "late", true))));
		letters
			.put("request-delayed",
					(language) -> mail("request-delayed", language, model(Map.of("reason",
							sv(language, "Vi väntar på en export från vårt bokföringssystem.",
									"We are waiting for an export from our bookkeeping system."),
							"expectedOn", LocalDate.of(2026, 4, 17), "deadline", LocalDate.of(2026, 4, 3), "extended",
							false))));
		letters.put("policy-notice", (language) -> policyNotice(language));
		letters.put("restriction-lifting",
				(language) -> mail("restriction-lifting", language,
						model(Map.of("type", RequestType.RESTRICTION, "location",
								sv(language, "Kundregistret", "Customer register"), "reason",
								sv(language, "Vi har kontrollerat att din adress är rätt.",
										"We have checked that your address is correct."),
								"liftOn", LocalDate.of(2026, 4, 30)))));
		letters.put("restriction-lifting-representative", (language) -> {
			Map<String, Object> model = model(Map.of("type", RequestType.RESTRICTION, "location",
					sv(language, "Kundregistret", "Customer register"), "reason",
					sv(language, "Vi har kontrollerat att Åsa Öbergs adress är rätt.",
							"We have checked that the address of Åsa Öberg is correct."),
					"liftOn", LocalDate.of(2026, 4, 30), "onBehalfOf", "Åsa Öberg"));
			model.put("name", "Björn Öberg");
			return mail("restriction-lifting", language, model);
		});
		letters.put("answer-access", this::access);
		letters.put("answer-erasure", this::erasure);
		letters.put("answer-erasure-in-part", this::erasureInPart);
		letters.put("answer-erasure-full", this::erasureInFull);
		letters.put("answer-objection-stopped", this::objectionStopped);
		letters.put("answer-objection-legal-claims", this::objectionForLegalClaims);
		letters.put("answer-objection-compelling-grounds", this::objectionOnCompellingGrounds);
		letters.put("answer-rectification", this::rectification);
		letters.put("answer-restriction", this::restriction);
		letters.put("answer-portability", this::portability);
		letters.put("answer-withdraw-consent", this::withdrawConsent);
		letters.put("answer-erasure-representative", this::erasureForRepresentative);
		letters.put("answer-access-representative", this::accessForRepresentative);
		letters.put("answer-objection-representative", this::objectionForRepresentative);
		letters.put("answer-withdraw-consent-representative", this::withdrawConsentForRepresentative);
		letters.put("answer-restriction-representative", this::restrictionForRepresentative);
		letters.put("request-confirm-several-representative", (language) -> {
			Map<String, Object> model = confirmModel();
			model.put("types", List.of("ACCESS", "ERASURE"));
			model.put("representative", true);
			return mail("request-confirm", language, model);
		});
		letters.put("request-acknowledged-several-representative", (language) -> {
			Map<String, Object> model = model(Map.of("deadline", LocalDate.of(2026, 4, 3), "statusToken",
					"STATUS-TOKEN", "onBehalfOf", "Åsa Öberg", "representative", true));
			model.put("name", "Björn Öberg");
			model.put("rights",
					List.of(Map.of("type", "ACCESS", "reference", REFERENCE, "deadline",
							DisplayFormats.longDate(LocalDate.of(2026, 4, 3), language), "statusToken", "STATUS-TOKEN"),
							Map.of("type", "ERASURE", "reference", "DSR-2026-000124", "deadline",
									DisplayFormats.longDate(LocalDate.of(2026, 4, 3), language), "statusToken",
									"STATUS-TOKEN-2")));
			return mail("request-acknowledged", language, model);
		});
		// A letter to post, printed: the text of its PDF, as laid out for a window
		// envelope.
		letters.put("postal-letter-rejected", (language) -> postalLetter("request-rejected", language,
				rejection(RejectionGround.MANIFESTLY_UNFOUNDED, language, false)));
		// The acknowledgement of a request registered by staff for a person with only a
		// postal address: the same letter as by mail, printed.
		letters.put("postal-letter-acknowledged",
				(language) -> postalLetter("request-acknowledged", language,
						model(Map.of("deadline", LocalDate.of(2026, 4, 3), "statusToken", "STATUS-TOKEN",
								"staffVariant", ".staff", "postVariant", ".post"))));
		// The restriction-lifting letter to a person without email (Art. 18(3)), printed.
		letters.put("postal-letter-restriction-lifting",
				(language) -> postalLetter("restriction-lifting", language,
						model(Map.of("type", RequestType.RESTRICTION, "location",
								sv(language, "Kundregistret", "Customer register"), "reason",
								sv(language, "Vi har kontrollerat att din adress är rätt.",
										"We have checked that your address is correct."),
								"liftOn", LocalDate.of(2026, 4, 30)))));
		return letters;
	}

	private String postalLetter(String template, Locale language, Map<String, Object> model) {
		OutgoingMail mail = new OutgoingMail(Outbox.BY_POST, RecipientKind.SUBJECT, language, template, model, null);
		Correspondence letter = new Correspondence("<golden@dsrdesk>", mail, MailRenderer.language(language),
				this.renderer.render(mail), "Åsa Öberg\nStorgatan 1\n223 50 Lund", RECEIVED);
		byte[] pdf = this.postalLetters.pdf(letter);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			// In the order of the page: the letter head, the window, the letter.
			stripper.setSortByPosition(true);
			String text = stripper.getText(document).replace('\u00a0', ' ');
			return text.lines().map(String::strip).collect(Collectors.joining("\n")).strip() + "\n";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Mails

	private Map<String, Object> model(Map<String, Object> extra) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", "Åsa Öberg");
		model.put("email", "asa.oberg@exempel.se");
		model.put("reference", REFERENCE);
		model.put("type", RequestType.ACCESS);
		model.put("receiptDate", RECEIPT_DATE);
		model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(REFERENCE));
		model.putAll(extra);
		return model;
	}

	private Map<String, Object> confirmModel() {
		Map<String, Object> model = model(
				Map.of("confirmToken", "CONFIRM-TOKEN", "validUntil", LocalDate.of(2026, 3, 6), "expireDays", 14L));
		// As IntakeService sends it: nothing the sender typed, the name included.
		model.put("name", null);
		return model;
	}

	private Map<String, Object> rejection(RejectionGround ground, Locale language, boolean late) {
		return model(Map.of("ground", ground, "late", late, "reasons", switch (ground) {
			case MANIFESTLY_UNFOUNDED -> sv(language,
					"Du har skrivit att du gör begäran för att störa vår verksamhet och erbjudit dig att dra tillbaka den mot betalning.",
					"You have written that you make the request to disrupt our business and offered to withdraw it "
							+ "against payment.");
			case EXCESSIVE ->
				sv(language, "Du har skickat samma begäran fem gånger den senaste månaden och fått svar på den.",
						"You have sent the same request five times in the last month and have had our answer.");
			case NOT_IDENTIFIED -> sv(language,
					"Den 5 mars 2026 bad vi om ditt kundnummer och den adress vi skickade din senaste faktura till, "
							+ "men vi har inte fått något svar.",
					"On 5 March 2026 we asked for your customer number and the address we sent your last invoice to, "
							+ "but we have had no answer.");
		}));
	}

	private String needed(Locale language, String ground) {
		return "identity".equals(ground)
				? sv(language, "Ditt kundnummer och den adress vi skickade din senaste faktura till.",
						"Your customer number and the address we sent your last invoice to.")
				: sv(language, "Vilket av våra nyhetsbrev du menar: det om produkter eller det om evenemang.",
						"Which of our newsletters you mean: the one about products or the one about events.");
	}

	private String policyNotice(Locale language) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("effectiveOn", LocalDate.of(2026, 4, 1));
		model.put("summary", sv(language, "Vi sparar mejlkonversationer i två år i stället för tre.",
				"We keep mail conversations for two years instead of three."));
		model.put("optOutToken", "OPT-OUT-TOKEN");
		model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(LocalDate.of(2026, 4, 1)));
		return render("policy-notice", language, model);
	}

	private String mail(String template, Locale language, Map<String, Object> model) {
		return render(template, language, model);
	}

	private String render(String template, Locale language, Map<String, Object> model) {
		MailRenderer.Rendered mail = this.renderer
			.render(new OutgoingMail("asa.oberg@exempel.se", RecipientKind.SUBJECT, language, template, model, null));
		for (String body : List.of(mail.subject(), mail.text(), mail.html())) {
			assertThat(body).doesNotContain("??", "[(", "${", "#{").doesNotContainPattern(ISO_DATE);
		}
		return "Subject: " + mail.subject() + "\n\n" + mail.text().strip() + "\n";
	}

	// Answer letters, composed from recorded outcomes

	private String access(Locale language) {
		Places places = places();
		DsrRequest request = started(RequestType.ACCESS, language, places);
		record(request, places.customers,
				found(sv(language, "Ditt namn, din e-postadress, ditt telefonnummer och tre supportärenden från 2025.",
						"Your name, email address, phone number and three support cases from 2025.")));
		record(request, places.accounts,
				found(sv(language, "Två fakturor till dig från 2025 och dina betalningar av dem.",
						"Two invoices to you from 2025 and your payments of them.")));
		record(request, places.newsletter, plain(TaskOutcome.NOT_FOUND));
		record(request, places.archive, plain(TaskOutcome.NOT_FOUND));
		return composed(request, language);
	}

	private String erasure(Locale language) {
		Places places = places();
		DsrRequest request = started(RequestType.ERASURE, language, places);
		record(request, places.customers, plain(TaskOutcome.ERASED));
		record(request, places.accounts,
				retained(TaskOutcome.RETAINED, null, LegalGround.BOOKKEEPING_ACT, null, LocalDate.of(2033, 12, 31)));
		record(request, places.newsletter, plain(TaskOutcome.ERASED));
		record(request, places.archive,
				retained(TaskOutcome.RETAINED, null, LegalGround.LEGAL_CLAIMS, null, LocalDate.of(2029, 3, 3)));
		return composed(request, language);
	}

	private String erasureInPart(Locale language) {
		Places places = places();
		DsrRequest request = started(RequestType.ERASURE, language, places);
		record(request, places.customers,
				retained(TaskOutcome.PARTLY_ERASED,
						sv(language, "din reklamation av en hörlur från 2025",
								"your complaint about a headset from 2025"),
						LegalGround.CONSUMER_LAW, null, LocalDate.of(2028, 3, 3)));
		record(request, places.accounts, retained(TaskOutcome.RETAINED, null, LegalGround.ANTI_MONEY_LAUNDERING_ACT,
				null, LocalDate.of(2031, 3, 3)));
		record(request, places.newsletter, plain(TaskOutcome.NOT_FOUND));
		record(request, places.archive,
				retained(TaskOutcome.RETAINED, null, LegalGround.OTHER,
						sv(language, "ett föreläggande från Skatteverket", "an order from the Swedish Tax Agency"),
						LocalDate.of(2027, 3, 3)));
		return composed(request, language);
	}

	private String erasureInFull(Locale language) {
		Places places = places();
		DsrRequest request = started(RequestType.ERASURE, language, places);
		record(request, places.customers, plain(TaskOutcome.ERASED));
		// Art. 19: telling the customer register's one recipient proved impossible.
		informed(request, places.customers, "Mailchimp (Intuit Inc.)", RecipientNotice.Result.IMPOSSIBLE, null,
				"The account at the provider was closed.");
		record(request, places.accounts, plain(TaskOutcome.NOT_FOUND));
		record(request, places.newsletter, plain(TaskOutcome.ERASED));
		record(request, places.archive, plain(TaskOutcome.NOT_FOUND));
		return composed(request, language);
	}

	private String objectionStopped(Locale language) {
		Places places = places();
		DsrRequest request = started(RequestType.OBJECTION, language, places);
		record(request, places.customers, plain(TaskOutcome.PROCESSING_STOPPED));
		record(request, places.newsletter, plain(TaskOutcome.PROCESSING_STOPPED));
		record(request, places.archive, plain(TaskOutcome.PROCESSING_STOPPED));
		return composed(request, language);
	}

	private String objectionForLegalClaims(Locale language) {
		Places places = places();
		DsrRequest request = started(RequestType.OBJECTION, language, places);
		record(request, places.customers, plain(TaskOutcome.PROCESSING_STOPPED));
		record(request, places.newsletter, plain(TaskOutcome.PROCESSING_STOPPED));
		record(request, places.archive, new OutcomeRecord(TaskOutcome.CONTINUES_FOR_LEGAL_CLAIMS, "Checked.",
				sv(language, "avtalet med dig och mejlen om leveransen, eftersom du har stämt oss för förseningen.",
						"the contract with you and the mails about the delivery, as you have sued us over the delay."),
				null, null, null));
		return composed(request, language);
	}

	private String objectionOnCompellingGrounds(Locale language) {
		Places places = places();
		DsrRequest request = started(RequestType.OBJECTION, language, places);
		record(request, places.customers, new OutcomeRecord(TaskOutcome.CONTINUES, "Checked.", sv(language,
				"vi måste kunna se vilka som har tillgång till kundportalen för att skydda alla kunders uppgifter, "
						+ "och det väger tyngre än att du inte vill synas i behörighetsloggen.",
				"we must be able to see who has access to the customer portal to protect all customers' data, "
						+ "which outweighs your wish not to appear in the access log."),
				null, null, null, sv(language, "Säkerheten i kundportalen.", "The security of the customer portal."),
				sv(language, "Du vill inte att dina inloggningar syns för vår personal.",
						"You do not want our staff to see your sign-ins.")));
		record(request, places.newsletter, plain(TaskOutcome.PROCESSING_STOPPED));
		record(request, places.archive, plain(TaskOutcome.PROCESSING_STOPPED));
		return composed(request, language);
	}

	private String rectification(Locale language) {
		Places places = places();
		DsrRequest request = started(RequestType.RECTIFICATION, language, places);
		record(request, places.customers, plain(TaskOutcome.DONE));
		informed(request, places.customers, "Mailchimp (Intuit Inc.)", RecipientNotice.Result.INFORMED,
				LocalDate.of(2026, 3, 10), null);
		record(request, places.accounts, new OutcomeRecord(TaskOutcome.NOT_POSSIBLE, "Checked.", sv(language,
				"en bokförd faktura får inte ändras i efterhand; vi har i stället antecknat din nya adress.",
				"an invoice in the accounts may not be changed afterwards; we have noted your new address instead."),
				null, null, null));
		record(request, places.newsletter, plain(TaskOutcome.DONE));
		record(request, places.archive, plain(TaskOutcome.NOT_FOUND));
		return composed(request, language);
	}

	private String restriction(Locale language) {
		Places places = places();
		DsrRequest request = started(RequestType.RESTRICTION, language, places);
		record(request, places.customers, OutcomeRecord.restricted("Checked.",
				"When we have checked whether your address is correct.", LocalDate.of(2026, 4, 30)));
		record(request, places.accounts, plain(TaskOutcome.NOT_FOUND));
		record(request, places.newsletter,
				OutcomeRecord.restricted("Checked.", "When we have checked whether your address is correct.", null));
		// Art. 19: the customer register's one recipient was told.
		informed(request, places.customers, "Mailchimp (Intuit Inc.)", RecipientNotice.Result.INFORMED,
				LocalDate.of(2026, 3, 10), null);
		record(request, places.archive, plain(TaskOutcome.NOT_FOUND));
		return composed(request, language);
	}

	private String portability(Locale language) {
		Places places = places();
		DsrRequest request = started(RequestType.PORTABILITY, language, places);
		record(request, places.customers,
				new OutcomeRecord(TaskOutcome.DONE, "Checked.", sv(language,
						"ditt namn, din e-postadress och dina beställningar", "your name, email address and orders"),
						null, null, null));
		record(request, places.newsletter, plain(TaskOutcome.DONE));
		record(request, places.archive, plain(TaskOutcome.NOT_FOUND));
		return composed(request, language);
	}

	private String withdrawConsent(Locale language) {
		Places places = places();
		DsrRequest request = started(RequestType.WITHDRAW_CONSENT, language, places);
		// Art. 7(3): only the consent-based newsletter gets a task.
		assertThat(this.tasks.ofRequest(request.getId())).singleElement()
			.satisfies((task) -> assertThat(task.getLocation().getId()).isEqualTo(places.newsletter.getId()));
		record(request, places.newsletter, plain(TaskOutcome.CONSENT_WITHDRAWN));
		return composed(request, language);
	}

	private String erasureForRepresentative(Locale language) {
		Places places = places();
		DsrRequest request = startedByRepresentative(RequestType.ERASURE, language, places);
		record(request, places.customers, plain(TaskOutcome.ERASED));
		record(request, places.accounts,
				retained(TaskOutcome.RETAINED, null, LegalGround.BOOKKEEPING_ACT, null, LocalDate.of(2033, 12, 31)));
		record(request, places.newsletter, plain(TaskOutcome.ERASED));
		record(request, places.archive, plain(TaskOutcome.NOT_FOUND));
		return composed(request, language);
	}

	private String accessForRepresentative(Locale language) {
		Places places = places();
		DsrRequest request = startedByRepresentative(RequestType.ACCESS, language, places);
		record(request, places.customers, found(sv(language, "Åsa Öbergs namn, e-postadress och två supportärenden.",
				"The name, email address and two support cases of Åsa Öberg.")));
		record(request, places.accounts, plain(TaskOutcome.NOT_FOUND));
		record(request, places.newsletter, plain(TaskOutcome.NOT_FOUND));
		record(request, places.archive, plain(TaskOutcome.NOT_FOUND));
		return composed(request, language);
	}

	private String objectionForRepresentative(Locale language) {
		Places places = places();
		DsrRequest request = startedByRepresentative(RequestType.OBJECTION, language, places);
		record(request, places.customers, new OutcomeRecord(TaskOutcome.CONTINUES, "Checked.",
				sv(language,
						"vi måste kunna se vilka som loggar in i kundportalen för att skydda alla kunders uppgifter.",
						"we must be able to see who signs in to the customer portal to protect all customers' data."),
				null, null, null, sv(language, "Säkerheten i kundportalen.", "The security of the customer portal."),
				sv(language, "Hon vill inte synas i behörighetsloggen.",
						"She does not want to appear in the access log.")));
		record(request, places.newsletter, plain(TaskOutcome.PROCESSING_STOPPED));
		record(request, places.archive,
				new OutcomeRecord(TaskOutcome.CONTINUES_FOR_LEGAL_CLAIMS, "Checked.",
						sv(language, "avtalet och mejlen om leveransen, eftersom en tvist om den pågår.",
								"the contract and the mails about the delivery, as a dispute about it is pending."),
						null, null, null));
		return composed(request, language);
	}

	private String withdrawConsentForRepresentative(Locale language) {
		Places places = places();
		DsrRequest request = startedByRepresentative(RequestType.WITHDRAW_CONSENT, language, places);
		record(request, places.newsletter, plain(TaskOutcome.CONSENT_WITHDRAWN));
		return composed(request, language);
	}

	private String restrictionForRepresentative(Locale language) {
		Places places = places();
		DsrRequest request = startedByRepresentative(RequestType.RESTRICTION, language, places);
		record(request, places.customers, OutcomeRecord.restricted("Checked.",
				"When we have checked whether the address is correct.", LocalDate.of(2026, 4, 30)));
		informed(request, places.customers, "Mailchimp (Intuit Inc.)", RecipientNotice.Result.INFORMED,
				LocalDate.of(2026, 3, 10), null);
		record(request, places.accounts, plain(TaskOutcome.NOT_FOUND));
		record(request, places.newsletter, plain(TaskOutcome.NOT_FOUND));
		record(request, places.archive, plain(TaskOutcome.NOT_FOUND));
		return composed(request, language);
	}

	/**
	 * A request made by Björn Öberg, with a power of attorney, for Åsa Öberg, received on
	 * the fixed day, with tasks only at the four places.
	 */
	private DsrRequest startedByRepresentative(RequestType type, Locale language, Places places) {
		this.clock.set(RECEIVED);
		DsrRequest request = this.requests.registerTogether(
				new NewRequest("Åsa Öberg", null, null, language.getLanguage(), type, Channel.EMAIL, null, RECEIVED),
				List.of(), null, new Representative("Björn Öberg", "bjorn-" + UUID.randomUUID() + "@exempel.se",
						RepresentativeAuthority.POWER_OF_ATTORNEY),
				Actor.SYSTEM)
			.get(0);
		return startedWithTasksOnlyAt(request, places);
	}

	private String composed(DsrRequest request, Locale language) {
		String letter = this.composer.compose(request.getId(), language);
		assertThat(letter).doesNotContain("??", "[(", "${", "#{").doesNotContainPattern(ISO_DATE);
		return letter.replace(request.getReference(), REFERENCE).strip() + "\n";
	}

	private static OutcomeRecord plain(TaskOutcome outcome) {
		return new OutcomeRecord(outcome, "Checked.", null, null, null, null);
	}

	private static OutcomeRecord found(String summary) {
		return new OutcomeRecord(TaskOutcome.FOUND, "Checked.", summary, null, null, null);
	}

	private static OutcomeRecord retained(TaskOutcome outcome, String summary, LegalGround ground, String groundText,
			LocalDate until) {
		return new OutcomeRecord(outcome, "Checked.", summary, ground, groundText, until);
	}

	/**
	 * A request received on the fixed day, in the language of the letter, with tasks only
	 * at the four places.
	 */
	private DsrRequest started(RequestType type, Locale language, Places places) {
		this.clock.set(RECEIVED);
		DsrRequest request = this.requests
			.register(new NewRequest("Åsa Öberg", "asa-" + UUID.randomUUID() + "@exempel.se", null,
					language.getLanguage(), type, Channel.EMAIL, null, RECEIVED), Actor.SYSTEM);
		return startedWithTasksOnlyAt(request, places);
	}

	/**
	 * Work started on a request just registered, with tasks only at the four places (the
	 * register may hold others from other tests).
	 */
	private DsrRequest startedWithTasksOnlyAt(DsrRequest registered, Places places) {
		this.opened.add(registered.getId());
		DsrRequest request = this.requests.startWork(registered.getId(), null, Actor.SYSTEM);
		this.jdbc.update("delete from location_task where request_id = ? and location_id not in (?, ?, ?, ?)",
				request.getId(), places.customers.getId(), places.accounts.getId(), places.newsletter.getId(),
				places.archive.getId());
		return request;
	}

	private void record(DsrRequest request, DataLocation location, OutcomeRecord outcome) {
		this.tasks.recordOutcome(task(request, location).getId(), outcome, Actor.SYSTEM);
	}

	private LocationTask task(DsrRequest request, DataLocation location) {
		return this.tasks.ofRequest(request.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(location.getId()))
			.findFirst()
			.orElseThrow();
	}

	private void informed(DsrRequest request, DataLocation location, String recipient, RecipientNotice.Result result,
			LocalDate on, String reason) {
		LocationTask task = task(request, location);
		this.clock.set(Instant.parse("2026-03-12T09:00:00Z"));
		this.recipients.record(task.getId(), new RecipientNoticeRecord(recipient, result, on, reason), Actor.SYSTEM);
	}

	private Places places() {
		if (this.places == null) {
			this.places = newPlaces();
		}
		return this.places;
	}

	private Places newPlaces() {
		DataLocation customers = place(new LocationDetails(new LocalizedText("Kundregistret", "Customer register"),
				new LocalizedText(null, null), LocationKind.OTHER, null,
				new LocalizedText("Namn, e-postadress, telefonnummer och supportärenden",
						"Name, email address, phone number and support cases"),
				new LocalizedText(
						"Att ge kundtjänst och sköta kundrelationen", "Customer service and the customer relationship"),
				LegalBasis.LEGITIMATE_INTEREST,
				List.of(new Recipient("Mailchimp (Intuit Inc.)", Recipient.Role.PROCESSOR, "USA",
						"adequacy decision under Article 45 of the GDPR: the EU–US Data Privacy Framework; in addition, "
								+ "EU standard contractual clauses under Article 46",
						"beslut om adekvat skyddsnivå enligt artikel 45 i dataskyddsförordningen: ramverket för dataskydd "
								+ "mellan EU och USA (EU–US Data Privacy Framework); dessutom EU:s standardavtalsklausuler "
								+ "enligt artikel 46")),
				new LocalizedText("Du själv", "You"),
				new LocalizedText("Så länge du är kund och två år därefter",
						"For as long as you are a customer and two years after"),
				null, new LocalizedText(null, null), new LocalizedText(null, null), 12,
				EnumSet.allOf(RequestType.class)));
		DataLocation accounts = place(new LocationDetails(new LocalizedText("Bokföringen", "Accounts"),
				new LocalizedText(null, null), LocationKind.ACCOUNTING, null,
				new LocalizedText("Namn, adress, fakturor och betalningar", "Name, address, invoices and payments"),
				new LocalizedText("Att fullgöra bokföringsskyldigheten", "Meeting the statutory duty to keep accounts"),
				LegalBasis.LEGAL_OBLIGATION, List.of(),
				new LocalizedText("Fakturor och betalningar", "Invoices and payments"),
				new LocalizedText(
						"Till och med det sjunde året efter utgången av det kalenderår då räkenskapsåret avslutades",
						"Until the end of the seventh year after the end of the calendar year in which the financial year ended"),
				null, new LocalizedText(null, null), new LocalizedText(null, null), 12,
				EnumSet.of(RequestType.ACCESS, RequestType.ERASURE, RequestType.RECTIFICATION, RequestType.RESTRICTION),
				false, RetentionRule.BOOKKEEPING));
		DataLocation newsletter = place(new LocationDetails(new LocalizedText("Nyhetsbrevet", "Newsletter"),
				new LocalizedText(null, null), LocationKind.NEWSLETTER_PLATFORM, null,
				new LocalizedText("Namn och e-postadress", "Name and email address"),
				new LocalizedText("Att skicka nyhetsbrevet", "Sending the newsletter"), LegalBasis.CONSENT, List.of(),
				new LocalizedText("Du själv", "You"),
				new LocalizedText("Så länge du prenumererar", "For as long as you subscribe"), null,
				new LocalizedText(null, null), new LocalizedText(null, null), 12, EnumSet.allOf(RequestType.class),
				true));
		DataLocation archive = place(new LocationDetails(new LocalizedText("Avtalsarkivet", "Contract archive"),
				new LocalizedText(null, null), LocationKind.DOCUMENT_STORE, null,
				new LocalizedText("Avtal och mejl om dem", "Contracts and mails about them"),
				new LocalizedText("Att fullgöra och bevaka avtal", "Performing and enforcing contracts"),
				LegalBasis.LEGITIMATE_INTEREST, List.of(), new LocalizedText("Du själv", "You"),
				new LocalizedText("Tio år efter avtalets slut", "Ten years after the contract ends"), null,
				new LocalizedText(null, null), new LocalizedText(null, null), 12,
				EnumSet.of(RequestType.ACCESS, RequestType.ERASURE, RequestType.OBJECTION, RequestType.RECTIFICATION,
						RequestType.RESTRICTION, RequestType.PORTABILITY)));
		return new Places(customers, accounts, newsletter, archive);
	}

	private DataLocation place(LocationDetails details) {
		DataLocation location = this.locations.create(details, Actor.SYSTEM);
		this.created.add(location.getId());
		return location;
	}

	private static String sv(Locale language, String swedish, String english) {
		return "sv".equals(language.getLanguage()) ? swedish : english;
	}

	private static String fileName(String letter, Locale language) {
		return letter + "." + language.getLanguage() + ".txt";
	}

	private static void compare(String file, String actual) {
		Path path = GOLDEN.resolve(file);
		try {
			if (UPDATE) {
				Files.createDirectories(GOLDEN);
				Files.writeString(path, actual, StandardCharsets.UTF_8);
				return;
			}
			if (!Files.exists(path)) {
				fail("No reviewed text " + path + ": run with -Dgolden.update=true, read it, and commit it");
			}
			assertThat(actual).as("letter %s (regenerate with -Dgolden.update=true and review the diff)", file)
				.isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Places(DataLocation customers, DataLocation accounts, DataLocation newsletter,
			DataLocation archive) {
	}

}
