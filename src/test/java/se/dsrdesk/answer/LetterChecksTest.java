package se.dsrdesk.answer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.InternetAddress;
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
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.RetentionRule;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The checks around letters, through the page, the API and real SMTP: a refusal in part
 * edited so that it no longer names the supervisory authority or the court is held back
 * (page warning, API 422) until the handler confirms; the mail to the person invites
 * replies to the privacy address; a bookkeeping location proposes its retention date.
 */
@IntegrationTest
@AutoConfigureMockMvc
class LetterChecksTest {

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

	DataLocation ledger;

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.owner = this.accounts.create("owner-" + UUID.randomUUID() + "@example.com", "Olga Owner",
				EnumSet.of(Role.CASE_HANDLER), "en", TestAccounts.PASSWORD, Actor.SYSTEM);
		String id = UUID.randomUUID().toString().substring(0, 8);
		this.ledger = this.locations.create(new LocationDetails(new LocalizedText("Reskontra " + id, "Ledger " + id),
				new LocalizedText(null, null), LocationKind.ACCOUNTING, this.owner, new LocalizedText(null, null),
				new LocalizedText(null, null), LegalBasis.LEGAL_OBLIGATION, List.of(), new LocalizedText(null, null),
				new LocalizedText("Sju år", "Seven years"), null, new LocalizedText(null, null),
				new LocalizedText(null, null), 12, EnumSet.allOf(RequestType.class), false, RetentionRule.BOOKKEEPING),
				Actor.SYSTEM);
		MailDispatch.now(this.context);
		mail.reset();
	}

	@AfterEach
	void tearDown() {
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
		}
		this.jdbc.update("update data_location set active = false where id = ?", this.ledger.getId());
		this.clock.reset();
	}

	@Test
	@DisplayName("Art. 12(4): a refusal in part without the complaint and court wording is held back on the page "
			+ "until the handler confirms; the mail then invites replies to the privacy address")
	void thePageWarnsBeforeSendingARefusalWithoutTheComplaint() throws Exception {
		DsrRequest request = refusedInPart("sv");
		String draft = this.composer.compose(request.getId(), java.util.Locale.forLanguageTag("sv"));
		assertThat(draft).contains("Integritetsskyddsmyndigheten", "domstol");
		String edited = "Hej!\n\nVi kunde inte rätta bokföringen.\n";

		MvcTestResult warned = answer(request, edited, false);
		assertThat(warned).hasStatusOk();
		// The page is in the reader's language (English), the letter in the request's
		// (Swedish).
		assertThat(html(warned)).contains("id=\"answer-refusal-wording\"", "the right to go to court",
				"the complaint to the supervisory authority", "I have checked the letter: send it anyway",
				"Vi kunde inte rätta bokföringen.");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);

		assertThat(answer(request, draft, false)).hasStatus3xxRedirection();
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.COMPLETED);
		MailDispatch.now(this.context);
		MimeMessage sent = mail.messagesTo(request.getSubject().getEmail()).get(0);
		assertThat(((InternetAddress) sent.getReplyTo()[0]).getAddress()).isEqualTo("marcus@clavis.com");
		assertThat(MailServer.plainText(sent))
			.contains("Du kan svara på det här mejlet eller skriva till marcus@clavis.com.")
			.doesNotContain("Svara inte");
	}

	@Test
	@DisplayName("Art. 12(4): the handler may confirm and send the edited refusal anyway")
	void theHandlerCanConfirm() {
		DsrRequest request = refusedInPart("en");
		assertThat(answer(request, "Hello,\n\nWe could not correct the accounts.\n", true)).hasStatus3xxRedirection();
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.COMPLETED);
	}

	@Test
	@DisplayName("Art. 12(4): the API answers 422 refusal-wording-missing unless confirmRefusalWording is true")
	void theApiRefusesUnlessConfirmed() {
		DsrRequest request = refusedInPart("en");
		MvcTestResult refused = api(request, "{\"text\": \"We could not correct the accounts.\"}");
		assertThat(refused).hasStatus(422);
		assertThat(html(refused)).contains("refusal-wording-missing", "supervisory authority");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		assertThat(api(request, "{\"text\": \"We could not correct the accounts.\", \"confirmRefusalWording\": true}"))
			.hasStatusOk();
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.COMPLETED);
	}

	@Test
	@DisplayName("An answer that refuses nothing is sent without the complaint wording")
	void aFullAnswerNeedsNoRefusalWording() {
		DsrRequest request = started(RequestType.RECTIFICATION, "en");
		TestTasks.finishAll(this.tasks, request.getId());
		assertThat(api(request, "{\"text\": \"We corrected your data.\"}")).hasStatusOk();
	}

	@Test
	@DisplayName("BFL 7 kap. 2 §: the task form at a bookkeeping location proposes the end of the seventh year "
			+ "after the financial year, and the Bookkeeping Act as ground")
	void aBookkeepingLocationProposesItsDate() {
		DsrRequest request = started(RequestType.ERASURE, "en");
		LocationTask task = taskAt(request, this.ledger);
		String page = html(this.mvc.get().uri("/staff/tasks/" + task.getId()).with(user(handler())).exchange());
		assertThat(page).contains("value=\"2033-12-31\"", "Proposed by the location&#39;s rule")
			.containsPattern("<option value=\"BOOKKEEPING_ACT\" selected=\"selected\"");
	}

	private DsrRequest refusedInPart(String language) {
		DsrRequest request = started(RequestType.RECTIFICATION, language);
		this.tasks.recordOutcome(taskAt(request, this.ledger).getId(), new OutcomeRecord(TaskOutcome.NOT_POSSIBLE,
				"Checked.", "a booked invoice may not be changed", null, null, null), Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, request.getId());
		return request;
	}

	private LocationTask taskAt(DsrRequest request, DataLocation location) {
		return this.tasks.ofRequest(request.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(location.getId()))
			.findFirst()
			.orElseThrow();
	}

	private MvcTestResult answer(DsrRequest request, String text, boolean confirm) {
		var post = this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/answer")
			.param("version", Long.toString(this.requests.get(request.getId()).getVersion()))
			.param("answerText", text)
			.with(user(handler()))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
		if (confirm) {
			post = post.param("confirmRefusalWording", "true");
		}
		return post.exchange();
	}

	private MvcTestResult api(DsrRequest request, String body) {
		return this.mvc.post()
			.uri("/api/v1/requests/" + request.getReference() + "/answer")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(user(handler()))
			.exchange();
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

	private static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
