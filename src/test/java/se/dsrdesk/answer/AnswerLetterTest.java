package se.dsrdesk.answer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
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
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;
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
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The answer letter: composed per request type from the tasks' outcomes and the register,
 * in Swedish and English; reviewed and edited by a case handler, then sent over SMTP as
 * edited while the request is completed in the same transaction. Real PostgreSQL, real
 * SMTP (GreenMail).
 */
@IntegrationTest
@AutoConfigureMockMvc
class AnswerLetterTest {

	static final Locale SV = Locale.forLanguageTag("sv");

	static final Locale EN = Locale.ENGLISH;

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	AnswerComposer composer;

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
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	StaffUser owner;

	DataLocation crm;

	DataLocation ledger;

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.owner = this.accounts.create("owner-" + UUID.randomUUID() + "@example.com", "Olga Owner",
				EnumSet.of(Role.CASE_HANDLER), "en", TestAccounts.PASSWORD, Actor.SYSTEM);
		String id = UUID.randomUUID().toString().substring(0, 8);
		this.crm = this.locations.create(new LocationDetails(new LocalizedText("Kundregister " + id, "CRM " + id),
				new LocalizedText(null, null), LocationKind.OTHER, this.owner,
				new LocalizedText("Namn och e-postadress", "Name and email address"),
				new LocalizedText("Kundtjänst och nyhetsbrev", "Customer service and newsletters"),
				LegalBasis.LEGITIMATE_INTEREST,
				List.of(new Recipient("Mailchimp Inc", Recipient.Role.PROCESSOR, "USA", "EU-U.S. DPF"),
						new Recipient("Fortnox AB", Recipient.Role.PROCESSOR, "Sverige", null)),
				new LocalizedText("Från dig", "From you"), new LocalizedText("Två år", "Two years"), 24,
				new LocalizedText(null, null), new LocalizedText(null, null), 12, EnumSet.allOf(RequestType.class)),
				Actor.SYSTEM);
		this.ledger = this.locations.create(new LocationDetails(new LocalizedText("Reskontra " + id, "Ledger " + id),
				new LocalizedText(null, null), LocationKind.OTHER, this.owner, new LocalizedText(null, null),
				new LocalizedText(null, null), LegalBasis.LEGAL_OBLIGATION, List.of(), new LocalizedText(null, null),
				new LocalizedText("Sju år", "Seven years"), 84, new LocalizedText(null, null),
				new LocalizedText(null, null), 12, EnumSet.allOf(RequestType.class)), Actor.SYSTEM);
		MailDispatch.now(this.context);
		mail.reset();
	}

	@AfterEach
	void tearDown() {
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
		}
		this.jdbc.update("update data_location set active = false where id in (?, ?)", this.crm.getId(),
				this.ledger.getId());
		this.clock.reset();
	}

	@Test
	void anErasureLetterListsEachLocationAndARetainedOneWithItsGroundDateAndTheRightsToComplain() {
		DsrRequest request = started(RequestType.ERASURE, "sv");
		record(request, this.crm, new OutcomeRecord(TaskOutcome.ERASED, "Deleted.", null, null, null, null));
		record(request, this.ledger, new OutcomeRecord(TaskOutcome.RETAINED, "Invoices.", "Fakturor",
				LegalGround.BOOKKEEPING_ACT, null, LocalDate.of(2033, 12, 31)));
		TestTasks.finishAll(this.tasks, request.getId());

		String sv = this.composer.compose(request.getId(), SV);
		assertThat(sv).contains("Hej Åsa Öberg!", request.getReference())
			.contains("- " + this.crm.getName().sv() + ": alla uppgifter om dig har raderats.")
			.contains(
					"- " + this.ledger.getName().sv() + ": uppgifterna om dig sparas till och med den 31 december 2033",
					"bokföringslagen (1999:1078) 7 kap. 2 §", "artikel 17.3 b")
			.contains("delvis ett avslag",
					"Integritetsskyddsmyndigheten (IMY), postadress Box 8114, 104 20 Stockholm, webbplats https://www.imy.se",
					"domstol");

		String en = this.composer.compose(request.getId(), EN);
		assertThat(en).contains("Hello Åsa Öberg,")
			.contains("- " + this.crm.getName().en() + ": all data about you has been erased.")
			.contains("- " + this.ledger.getName().en() + ": the data about you is kept until 31 December 2033",
					"the Swedish Bookkeeping Act")
			.contains("in part a refusal", "lodge a complaint with the supervisory authority", "court");
	}

	@Test
	void aFullErasureCarriesNoRefusalWording() {
		DsrRequest request = started(RequestType.ERASURE, "en");
		record(request, this.crm, new OutcomeRecord(TaskOutcome.ERASED, "Deleted.", null, null, null, null));
		record(request, this.ledger, new OutcomeRecord(TaskOutcome.NOT_FOUND, "Nothing.", null, null, null, null));
		TestTasks.finishAll(this.tasks, request.getId());
		String en = this.composer.compose(request.getId(), EN);
		assertThat(en).contains(this.crm.getName().en() + ": all data about you has been erased.",
				this.ledger.getName().en() + ": we hold no data about you there.");
		assertThat(en).doesNotContain("refusal", "court");
	}

	@Test
	void anAccessLetterGivesWhatArticle15RequiresPerLocationWhereDataWasFound() {
		DsrRequest request = started(RequestType.ACCESS, "sv");
		record(request, this.crm, new OutcomeRecord(TaskOutcome.FOUND, "Looked up.",
				"Ditt namn, din e-postadress och tre ärenden", null, null, null));
		record(request, this.ledger, new OutcomeRecord(TaskOutcome.NOT_FOUND, "Nothing.", null, null, null, null));
		TestTasks.finishAll(this.tasks, request.getId());

		String sv = this.composer.compose(request.getId(), SV);
		assertThat(sv).contains(this.crm.getName().sv() + ": Ditt namn, din e-postadress och tre ärenden")
			.contains(this.ledger.getName().sv() + ": vi har inga uppgifter om dig där.")
			.contains("Varför vi behandlar dem: Kundtjänst och nyhetsbrev", "Rättslig grund: Berättigat intresse")
			.contains("Vilka slags uppgifter: Namn och e-postadress")
			.contains(
					"Mailchimp Inc, personuppgiftsbiträde som behandlar dem för vår räkning, USA; grund för överföringen: EU-U.S. DPF",
					"Fortnox AB, personuppgiftsbiträde som behandlar dem för vår räkning, Sverige")
			.contains("Hur länge vi sparar dem: Två år", "Varifrån uppgifterna kommer: Från dig")
			.contains("automatiserad behandling", "rättade", "raderade", "begränsad", "invända")
			.contains("Integritetsskyddsmyndigheten (IMY)");
		assertThat(sv).doesNotContain("Om " + this.ledger.getName().sv());

		String en = this.composer.compose(request.getId(), EN);
		assertThat(en).contains("Why we process it: Customer service and newsletters",
				"Mailchimp Inc, processor, which processes it on our behalf, USA; basis for the transfer: EU-U.S. DPF",
				"How long we keep it: Two years", "Where the data comes from: From you",
				"solely on automated processing",
				"corrected, to have it erased, to have its processing restricted, and to object");
	}

	@Test
	void anObjectionLetterSaysWhereProcessingStoppedAndTheGroundsThatOverrideIt() {
		DsrRequest request = started(RequestType.OBJECTION, "en");
		record(request, this.crm,
				new OutcomeRecord(TaskOutcome.PROCESSING_STOPPED, "Stopped.", null, null, null, null));
		record(request, this.ledger,
				new OutcomeRecord(TaskOutcome.CONTINUES, "Continues.", "Fraud prevention on your open account", null,
						null, null, "Preventing fraud on open accounts",
						"The person says the account was opened by someone else"));
		TestTasks.finishAll(this.tasks, request.getId());
		String en = this.composer.compose(request.getId(), EN);
		assertThat(en).contains(this.crm.getName().en() + ": we have stopped processing your data.")
			.contains(this.ledger.getName().en()
					+ ": the processing continues, because we have compelling legitimate grounds that override your interests, rights and freedoms: Fraud prevention on your open account")
			.contains("Integritetsskyddsmyndigheten (IMY)", "court");
		String sv = this.composer.compose(request.getId(), SV);
		assertThat(sv).contains(this.crm.getName().sv() + ": vi har slutat behandla dina uppgifter.",
				"tvingande berättigade skäl", "Integritetsskyddsmyndigheten (IMY)");
	}

	@Test
	@DisplayName("Art. 21(1), second limb: processing kept only for legal claims has its own wording")
	void anObjectionLetterSaysWhenProcessingContinuesOnlyForLegalClaims() {
		DsrRequest request = started(RequestType.OBJECTION, "en");
		record(request, this.crm,
				new OutcomeRecord(TaskOutcome.PROCESSING_STOPPED, "Stopped.", null, null, null, null));
		record(request, this.ledger, new OutcomeRecord(TaskOutcome.CONTINUES_FOR_LEGAL_CLAIMS, "Kept.",
				"The dispute over invoice 1234", null, null, null));
		TestTasks.finishAll(this.tasks, request.getId());
		assertThat(this.composer.compose(request.getId(), EN))
			.contains(this.ledger.getName().en()
					+ ": we no longer use your data for anything else; we keep and use it only to establish, exercise "
					+ "or defend legal claims: The dispute over invoice 1234")
			.doesNotContain("compelling legitimate grounds");
		assertThat(this.composer.compose(request.getId(), SV)).contains(
				"endast för att fastställa, göra gällande eller försvara rättsliga anspråk: The dispute over invoice 1234");
	}

	@Test
	void rectificationRestrictionAndPortabilityLettersSayWhatWasDone() {
		for (RequestType type : List.of(RequestType.RECTIFICATION, RequestType.RESTRICTION, RequestType.PORTABILITY)) {
			DsrRequest request = started(type, "sv");
			record(request, this.crm,
					(type == RequestType.RESTRICTION)
							? OutcomeRecord.restricted("Done.", "When the accuracy of the address is checked.", null)
							: new OutcomeRecord(TaskOutcome.DONE, "Done.", null, null, null, null));
			record(request, this.ledger, new OutcomeRecord(TaskOutcome.NOT_POSSIBLE, "No.",
					"Bokförda verifikationer får inte ändras", null, null, null));
			TestTasks.finishAll(this.tasks, request.getId());
			String sv = this.composer.compose(request.getId(), SV);
			String en = this.composer.compose(request.getId(), EN);
			String doneSv = switch (type) {
				case RECTIFICATION -> "uppgifterna har rättats.";
				case RESTRICTION -> "behandlingen har begränsats";
				default -> "dina uppgifter har exporterats";
			};
			String doneEn = switch (type) {
				case RECTIFICATION -> "the data has been corrected.";
				case RESTRICTION -> "the processing has been restricted";
				default -> "your data has been exported";
			};
			assertThat(sv).contains(this.crm.getName().sv() + ": " + doneSv)
				.contains(
						this.ledger.getName().sv() + ": det var inte möjligt: Bokförda verifikationer får inte ändras")
				.contains("Integritetsskyddsmyndigheten", "domstol");
			assertThat(en).contains(this.crm.getName().en() + ": " + doneEn)
				.contains(this.ledger.getName().en() + ": this was not possible:");
		}
	}

	@Test
	void theEditedLetterIsWhatIsSentAndTheRequestIsCompleted() throws Exception {
		DsrRequest request = started(RequestType.ERASURE, "en");
		record(request, this.ledger, new OutcomeRecord(TaskOutcome.RETAINED, "Invoices.", null,
				LegalGround.LEGAL_CLAIMS, null, LocalDate.of(2029, 6, 30)));
		TestTasks.finishAll(this.tasks, request.getId());
		// The letter lists what was kept: it goes only to a person whose identity is
		// checked.
		this.requests.verifyIdentity(request.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		StaffPrincipal handler = handler();

		MvcTestResult draft = this.mvc.get()
			.uri("/staff/requests/" + request.getId() + "/answer")
			.with(user(handler))
			.header("Accept-Language", "sv")
			.exchange();
		assertThat(draft).hasStatusOk();
		// The page is in the reader's language, the letter in the request's.
		assertThat(html(draft)).contains("Svarsbrev för " + request.getReference(),
				this.ledger.getName().en() + ": the data about you is kept until 30 June 2029");

		String edited = this.composer.compose(request.getId(), EN)
			.replace("Hello Åsa Öberg,", "Dear Ms Öberg,\n\nThank you for your patience.");
		MvcTestResult sent = answer(request, handler, edited, version(request));
		assertThat(sent).hasStatus3xxRedirection();
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.COMPLETED);
		MailDispatch.now(this.context);
		List<MimeMessage> letters = mail.messagesTo(request.getSubject().getEmail());
		assertThat(letters).hasSize(1);
		assertThat(letters.get(0).getSubject()).isEqualTo("Your request " + request.getReference() + ": our answer");
		assertThat(MailServer.plainText(letters.get(0))).contains("Dear Ms Öberg,", "Thank you for your patience.",
				"kept until 30 June 2029", "legal claims");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from correspondence where request_id = ? and template = 'request-answer'", Long.class,
				request.getId()))
			.isEqualTo(1L);
	}

	@Test
	void anAnswerThatDisclosesDataIsRefusedOnPageAndApiUntilTheIdentityCheckIsRecorded() throws Exception {
		DsrRequest request = started(RequestType.ACCESS, "en");
		TestTasks.finishAll(this.tasks, request.getId());
		StaffPrincipal handler = handler();

		// The page says why and links to the step.
		MvcTestResult draft = this.mvc.get()
			.uri("/staff/requests/" + request.getId() + "/answer")
			.with(user(handler))
			.header("Accept-Language", "sv")
			.exchange();
		assertThat(html(draft)).contains(
				"Svaret lämnar ut personuppgifter och kan därför skickas först när identitetskontrollen är registrerad.",
				"Maskerade avsnitt: 0", "personen får [redacted] i stället",
				"href=\"/staff/requests/" + request.getId() + "#identity-form\"", "Registrera identitetskontrollen");

		MvcTestResult refused = answer(request, handler, "Our answer, [[a remark by Per]] kept as typed.",
				version(request));
		assertThat(html(refused)).contains("Masked passages: 1", "Our answer, [[a remark by Per]] kept as typed.");
		assertThat(html(refused)).contains("This answer discloses personal data, so it can be sent only once the"
				+ " identity check of the person is recorded.");

		MvcTestResult api = this.mvc.post()
			.uri("/api/v1/requests/" + request.getReference() + "/answer")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"Our answer.\"}")
			.with(user(handler))
			.header("Accept-Language", "sv")
			.exchange();
		assertThat(api).hasStatus(409);
		assertThat(api.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("identity-not-verified",
				"Svaret lämnar ut personuppgifter");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		MailDispatch.now(this.context);
		assertThat(mail.messagesTo(request.getSubject().getEmail())).isEmpty();

		// Once the check is recorded, the same answer goes out.
		this.requests.verifyIdentity(request.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		assertThat(html(
				this.mvc.get().uri("/staff/requests/" + request.getId() + "/answer").with(user(handler)).exchange()))
			.doesNotContain("identity-form");
		MvcTestResult sent = this.mvc.post()
			.uri("/api/v1/requests/" + request.getReference() + "/answer")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"Our answer.\"}")
			.with(user(handler))
			.exchange();
		assertThat(sent).hasStatusOk();
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.COMPLETED);
		MailDispatch.now(this.context);
		assertThat(MailServer.plainText(mail.messagesTo(request.getSubject().getEmail()).get(0)))
			.contains("Our answer.");
	}

	@Test
	void anAnswerThatDisclosesNothingNeedsNoIdentityCheck() {
		DsrRequest request = started(RequestType.OBJECTION, "en");
		TestTasks.finishAll(this.tasks, request.getId());
		assertThat(html(
				this.mvc.get().uri("/staff/requests/" + request.getId() + "/answer").with(user(handler())).exchange()))
			.doesNotContain("identity-form");
		assertThat(answer(request, handler(), "Our answer.", version(request))).hasStatus3xxRedirection();
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.COMPLETED);
	}

	@Test
	void sendingIsRefusedWhileATaskIsOpenOnAStaleVersionAndForAComplianceOfficer() {
		DsrRequest request = started(RequestType.ERASURE, "en");
		StaffPrincipal handler = handler();

		MvcTestResult refused = answer(request, handler, "My letter, kept as typed.", version(request));
		assertThat(refused).hasStatusOk();
		assertThat(html(refused)).contains("This request still has open tasks.", "My letter, kept as typed.");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);

		TestTasks.finishAll(this.tasks, request.getId());
		MvcTestResult stale = answer(request, handler, "Stale letter.", "0");
		assertThat(stale).hasStatus(409);
		assertThat(html(stale)).contains("Someone else changed this request while you had it open", "Stale letter.");

		MvcTestResult empty = answer(request, handler, "  ", version(request));
		assertThat(html(empty)).contains("Write the letter.");

		StaffPrincipal officer = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER);
		assertThat(answer(request, officer, "Officer's letter.", version(request))).hasStatus(403);
		assertThat(this.mvc.get().uri("/staff/requests/" + request.getId() + "/answer").with(user(officer)).exchange())
			.hasStatus(403);
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		MailDispatch.now(this.context);
		assertThat(mail.messagesTo(request.getSubject().getEmail())).isEmpty();
	}

	private MvcTestResult answer(DsrRequest request, StaffPrincipal who, String text, String version) {
		return this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/answer")
			.param("version", version)
			.param("answerText", text)
			.with(user(who))
			.with(csrf())
			.header("Accept-Language", "en")
			.exchange();
	}

	private String version(DsrRequest request) {
		return Long.toString(this.requests.get(request.getId()).getVersion());
	}

	private StaffPrincipal handler() {
		return (StaffPrincipal) this.userDetailsService.loadUserByUsername(this.owner.getEmail());
	}

	private DsrRequest started(RequestType type, String language) {
		DsrRequest request = this.requests
			.register(new NewRequest("Åsa Öberg", "asa-" + UUID.randomUUID() + "@exempel.se", null, language, type,
					Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		this.opened.add(request.getId());
		return this.requests.startWork(request.getId(), null, Actor.SYSTEM);
	}

	private void record(DsrRequest request, DataLocation location, OutcomeRecord outcome) {
		LocationTask task = this.tasks.ofRequest(request.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(location.getId()))
			.findFirst()
			.orElseThrow();
		this.tasks.recordOutcome(task.getId(), outcome, Actor.SYSTEM);
	}

	private static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
