package se.dsrdesk.answer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import se.dsrdesk.location.Recipient;
import se.dsrdesk.location.RecipientNotices;
import se.dsrdesk.location.RestrictionHold;
import se.dsrdesk.location.RestrictionHolds;
import se.dsrdesk.location.RestrictionRefusedException;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.TestRequests;
import se.dsrdesk.request.refusal.RequestHasOpenTasksException;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Art. 19 and Art. 18(3) in the workflow, against PostgreSQL with GreenMail: the step
 * "recipients informed" per recipient gates the completion and shapes the letter; a
 * restriction is held past the request's closing, cannot be lifted before the person is
 * told, and the dashboard lists it while it is in force.
 */
@IntegrationTest
@AutoConfigureMockMvc
class RecipientsAndRestrictionsTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	static final Locale SV = Locale.forLanguageTag("sv");

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	RecipientNotices recipients;

	@Autowired
	RestrictionHolds restrictions;

	@Autowired
	LocationService locations;

	@Autowired
	AnswerLetters letters;

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

	StaffPrincipal handler;

	DataLocation crm;

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		// Tuesday 3 March 2026, 10:00 in Stockholm.
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.handler = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.CASE_HANDLER);
		String id = UUID.randomUUID().toString().substring(0, 8);
		this.crm = this.locations.create(new LocationDetails(new LocalizedText("Kundregister " + id, "CRM " + id),
				new LocalizedText(null, null), LocationKind.OTHER, null, new LocalizedText(null, null),
				new LocalizedText(null, null), LegalBasis.LEGITIMATE_INTEREST,
				List.of(new Recipient("Mailchimp Inc", Recipient.Role.PROCESSOR, "USA", "EU-U.S. DPF"),
						new Recipient("Fortnox AB", Recipient.Role.RECIPIENT, "Sweden", null)),
				new LocalizedText(null, null), new LocalizedText("Ett år", "One year"), 12,
				new LocalizedText(null, null), new LocalizedText(null, null), 12, EnumSet.allOf(RequestType.class)),
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
		this.jdbc.update("update data_location set active = false where id = ?", this.crm.getId());
		this.clock.reset();
	}

	@Test
	@DisplayName("Art. 19: an erasure waits for every recipient's step; the letter says they were told and that the person may ask who they are")
	void anErasureWaitsForEveryRecipientAndTheLetterSaysSo() throws Exception {
		DsrRequest request = started(RequestType.ERASURE, "sv");
		LocationTask task = onlyTask(request);
		this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.ERASED, "Deleted.", null, null, null, null), Actor.SYSTEM);

		assertThatThrownBy(() -> TestRequests.complete(this.requests, request.getId(), Actor.SYSTEM))
			.isInstanceOf(RequestHasOpenTasksException.class)
			.satisfies((ex) -> assertThat(((RequestHasOpenTasksException) ex).openItems()).isEqualTo(2));

		// The page lists the recipients and refuses a step without its day, keeping
		// the input.
		assertThat(html(this.mvc.get()
			.uri("/staff/tasks/" + task.getId())
			.with(user(this.handler))
			.header("Accept-Language", "en")
			.exchange())).contains("Recipients informed (Art. 19)", "Mailchimp Inc", "Fortnox AB", "Not recorded yet");
		MvcTestResult refused = this.mvc.post()
			.uri("/staff/tasks/" + task.getId() + "/recipients")
			.param("recipient", "Mailchimp Inc")
			.param("result", "INFORMED")
			.with(user(this.handler))
			.with(csrf())
			.header("Accept-Language", "en")
			.exchange();
		assertThat(refused).hasStatusOk();
		assertThat(html(refused)).contains("Enter the day the recipient was told.");

		MvcTestResult recorded = this.mvc.post()
			.uri("/staff/tasks/" + task.getId() + "/recipients")
			.param("recipient", "Mailchimp Inc")
			.param("result", "INFORMED")
			.param("informedOn", "2026-03-03")
			.with(user(this.handler))
			.with(csrf())
			.exchange();
		assertThat(recorded).hasStatus3xxRedirection();
		assertThat(this.recipients.openItems(request.getId())).isEqualTo(1);

		// The API records the other: disproportionate effort, with the reason.
		MvcTestResult api = this.mvc.post()
			.uri("/api/v1/requests/" + request.getReference() + "/tasks/" + task.getId() + "/recipients")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"recipient\": \"Fortnox AB\", \"result\": \"DISPROPORTIONATE\","
					+ " \"reason\": \"The export was made by a consultant no longer with us.\"}")
			.with(user(this.handler))
			.exchange();
		assertThat(api).hasStatusOk();
		assertThat(html(api)).contains("\"INFORMED\"", "\"DISPROPORTIONATE\"", "2026-03-03");
		assertThat(this.recipients.openItems(request.getId())).isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action in ('RECIPIENT_INFORMED', 'RECIPIENT_NOT_INFORMED')"
						+ " and details like ?",
				Long.class, "%request=" + request.getId() + ";%"))
			.isEqualTo(2);

		String sv = this.letters.compose(request.getId(), SV);
		assertThat(sv).contains("om raderingen (artikel 19 i dataskyddsförordningen), utom en mottagare",
				"Om du vill veta vilka mottagarna är kan du skriva till oss");
		String en = this.letters.compose(request.getId(), Locale.ENGLISH);
		assertThat(en).contains("of the erasure (Article 19 of the GDPR), except one recipient",
				"If you want to know who the recipients are");
		// dsr.letters.list-recipients: each recipient by name, the country in Swedish.
		assertThat(this.letters.recipientsParagraph(request.getId(), SV, true)).contains("Mottagarna är:",
				"Mailchimp Inc, USA: underrättad den 3 mars 2026",
				"Fortnox AB, Sverige: inte underrättad, eftersom det skulle ha inneburit en oproportionerligt stor ansträngning")
			.doesNotContain("Om du vill veta");

		assertThat(TestRequests.complete(this.requests, request.getId(), Actor.SYSTEM).getStatus())
			.isEqualTo(RequestStatus.COMPLETED);
	}

	@Test
	@DisplayName("Art. 18(3): a restriction is held past the closing, is lifted only after the person is told, and the dashboard lists it meanwhile")
	void aRestrictionIsHeldUntilThePersonIsToldAndItIsLifted() throws Exception {
		DsrRequest request = started(RequestType.RESTRICTION, "sv");
		LocationTask task = onlyTask(request);

		// The page refuses a restriction without the condition for lifting it.
		MvcTestResult refused = this.mvc.post()
			.uri("/staff/tasks/" + task.getId())
			.param("outcome", "DONE")
			.param("note", "Flagged in the CRM.")
			.with(user(this.handler))
			.with(csrf())
			.header("Accept-Language", "en")
			.exchange();
		assertThat(html(refused)).contains("Say on what condition the restriction will be lifted");
		MvcTestResult done = this.mvc.post()
			.uri("/staff/tasks/" + task.getId())
			.param("outcome", "DONE")
			.param("note", "Flagged in the CRM.")
			.param("liftCondition", "When we have checked whether the address is correct.")
			.with(user(this.handler))
			.with(csrf())
			.exchange();
		assertThat(done).hasStatus3xxRedirection();
		List<RestrictionHold> held = this.restrictions.ofRequest(request.getId());
		assertThat(held).hasSize(1);
		long holdId = held.get(0).getId();
		assertThat(held.get(0).isActive()).isTrue();

		// Art. 19 for the restriction too; then the request closes and the hold stays.
		for (String name : List.of("Mailchimp Inc", "Fortnox AB")) {
			this.recipients.record(task.getId(),
					new se.dsrdesk.location.RecipientNoticeRecord(name,
							se.dsrdesk.location.RecipientNotice.Result.INFORMED,
							this.clock.instant().atZone(java.time.ZoneId.of("Europe/Stockholm")).toLocalDate(), null),
					Actor.SYSTEM);
		}
		assertThat(this.letters.compose(request.getId(), SV)).contains("Vi meddelar dig innan vi häver den",
				"om begränsningen av behandlingen");
		assertThat(TestRequests.complete(this.requests, request.getId(), Actor.SYSTEM).getStatus())
			.isEqualTo(RequestStatus.COMPLETED);
		assertThat(this.restrictions.get(holdId).isActive()).isTrue();

		// The dashboard lists it, with a link.
		StaffPrincipal officer = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER);
		assertThat(html(this.mvc.get().uri("/staff/dashboard").with(user(officer)).exchange()))
			.contains("/staff/restrictions/" + holdId);

		// Not lifted before the person is told.
		assertThatThrownBy(() -> this.restrictions.lift(holdId, null, Actor.SYSTEM))
			.isInstanceOf(RestrictionRefusedException.class);
		MvcTestResult early = this.mvc.post()
			.uri("/staff/restrictions/" + holdId + "/lift")
			.with(user(this.handler))
			.with(csrf())
			.exchange();
		assertThat(early).hasStatus3xxRedirection();
		assertThat(early.getMvcResult().getFlashMap().get("failure")).isEqualTo("restriction.lift.notTold");
		assertThat(this.restrictions.get(holdId).isActive()).isTrue();

		// The letter, in the request's language, by mail.
		MvcTestResult told = this.mvc.post()
			.uri("/staff/restrictions/" + holdId + "/tell")
			.param("reason", "Vi har kontrollerat att din adress är rätt.")
			.param("version", Long.toString(this.restrictions.get(holdId).getVersion()))
			.with(user(this.handler))
			.with(csrf())
			.exchange();
		assertThat(told).hasStatus3xxRedirection();
		MailDispatch.now(this.context);
		List<MimeMessage> mails = mail.awaitMessagesTo(request.getSubject().getEmail(), 1, Duration.ofSeconds(10));
		assertThat(mails.get(0).getSubject()).contains("vi häver begränsningen av behandlingen");
		assertThat(MailServer.plainText(mails.get(0))).contains("artikel 18.3",
				"Vi har kontrollerat att din adress är rätt.", "Kundregister");

		MvcTestResult lifted = this.mvc.post()
			.uri("/staff/restrictions/" + holdId + "/lift")
			.param("version", Long.toString(this.restrictions.get(holdId).getVersion()))
			.with(user(this.handler))
			.with(csrf())
			.exchange();
		assertThat(lifted).hasStatus3xxRedirection();
		assertThat(lifted.getMvcResult().getFlashMap().get("success")).isEqualTo("restriction.lifted");
		assertThat(this.restrictions.get(holdId).isActive()).isFalse();
		assertThat(this.jdbc.queryForList("select action from audit_event where target_type = 'RESTRICTION_HOLD'"
				+ " and target_id = ? order by id", String.class, Long.toString(holdId)))
			.containsExactly("RESTRICTION_LIFT_NOTICE_SENT", "RESTRICTION_LIFTED");
		assertThat(html(this.mvc.get().uri("/staff/dashboard").with(user(officer)).exchange()))
			.doesNotContain("/staff/restrictions/" + holdId);
	}

	@Test
	@DisplayName("Art. 18(3): a lifting letter the mail server gave up on does not count as telling the person; "
			+ "lifting stays refused and the page says why")
	void aLiftingLetterGivenUpIsNotTelling() throws Exception {
		DsrRequest request = started(RequestType.RESTRICTION, "en");
		LocationTask task = onlyTask(request);
		this.tasks.recordOutcome(task.getId(), se.dsrdesk.location.OutcomeRecord.restricted("Flagged.",
				"When we have checked whether the address is correct.", null), Actor.SYSTEM);
		long holdId = this.restrictions.ofRequest(request.getId()).get(0).getId();
		RestrictionHold told = this.restrictions.tellByMail(holdId, null, "We have checked your address.",
				Actor.SYSTEM);
		assertThat(told.isPersonTold()).isTrue();

		// The dispatcher publishes this in its transaction when it gives the mail up.
		new org.springframework.transaction.support.TransactionTemplate(
				this.context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
			.executeWithoutResult((status) -> this.context.publishEvent(
					new se.dsrdesk.notification.MailGivenUp(told.getNoticeCorrespondenceId(), request.getId())));

		assertThat(this.restrictions.get(holdId).isPersonTold()).isFalse();
		assertThatThrownBy(() -> this.restrictions.lift(holdId, null, Actor.SYSTEM))
			.isInstanceOf(RestrictionRefusedException.class)
			.satisfies((ex) -> assertThat(((RestrictionRefusedException) ex).messageCode())
				.isEqualTo("restriction.lift.noticeGivenUp"));
		assertThat(html(this.mvc.get()
			.uri("/staff/restrictions/" + holdId)
			.with(user(this.handler))
			.header("Accept-Language", "en")
			.exchange())).contains("restriction-notice-given-up", "the person was not told", "restriction-tell-form");
		assertThat(this.jdbc.queryForList("select action from audit_event where target_type = 'RESTRICTION_HOLD'"
				+ " and target_id = ? order by id", String.class, Long.toString(holdId)))
			.containsExactly("RESTRICTION_LIFT_NOTICE_SENT", "RESTRICTION_LIFT_NOTICE_GIVEN_UP");

		// Told again, by post: now it can be lifted.
		this.restrictions.recordPosted(holdId, null, "We have checked your address.",
				this.clock.instant().atZone(java.time.ZoneId.of("Europe/Stockholm")).toLocalDate(), Actor.SYSTEM);
		assertThat(this.restrictions.lift(holdId, null, Actor.SYSTEM).isActive()).isFalse();
	}

	@Test
	@DisplayName("Art. 18(3): without an email address the lifting letter is a letter to post; the restriction "
			+ "cannot be lifted until it is recorded as posted")
	void aLiftingLetterGoesByPostWhenThereIsNoEmail() throws Exception {
		DsrRequest request = this.requests
			.registerTogether(new NewRequest("Åsa Öberg", null, null, "sv", RequestType.RESTRICTION, Channel.LETTER,
					null, this.clock.instant()), List.of(), null, null, "Storgatan 1\n223 50 Lund", Actor.SYSTEM)
			.get(0);
		this.opened.add(request.getId());
		this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		this.jdbc.update("delete from location_task where request_id = ? and location_id <> ?", request.getId(),
				this.crm.getId());
		LocationTask task = onlyTask(request);
		this.tasks.recordOutcome(task.getId(), se.dsrdesk.location.OutcomeRecord.restricted("Flagged.",
				"When we have checked whether the address is correct.", null), Actor.SYSTEM);
		long holdId = this.restrictions.ofRequest(request.getId()).get(0).getId();
		assertThat(html(this.mvc.get()
			.uri("/staff/restrictions/" + holdId)
			.with(user(this.handler))
			.header("Accept-Language", "en")
			.exchange())).contains("restriction-tell-letter", "Write the letter to post");

		MvcTestResult written = this.mvc.post()
			.uri("/staff/restrictions/" + holdId + "/tell")
			.param("reason", "Vi har kontrollerat att din adress är rätt.")
			.param("version", Long.toString(this.restrictions.get(holdId).getVersion()))
			.with(user(this.handler))
			.with(csrf())
			.exchange();
		assertThat(written).hasStatus3xxRedirection();
		assertThat(written.getMvcResult().getFlashMap().get("success")).isEqualTo("restriction.told.letter");
		RestrictionHold hold = this.restrictions.get(holdId);
		assertThat(hold.isPersonTold()).isFalse();
		Map<String, Object> letter = this.jdbc.queryForMap(
				"select status, template, postal_address, body_text from correspondence where id = ?",
				hold.getNoticeCorrespondenceId());
		assertThat(letter).containsEntry("status", "TO_POST").containsEntry("template", "restriction-lifting");
		assertThat((String) letter.get("postal_address")).isEqualTo("Åsa Öberg\nStorgatan 1\n223 50 Lund");
		assertThat((String) letter.get("body_text")).contains("artikel 18.3",
				"Vi har kontrollerat att din adress är rätt.");
		// Not told until it is posted: lifting is refused.
		assertThatThrownBy(() -> this.restrictions.lift(holdId, null, Actor.SYSTEM))
			.isInstanceOf(RestrictionRefusedException.class);
		assertThat(html(this.mvc.get()
			.uri("/staff/restrictions/" + holdId)
			.with(user(this.handler))
			.header("Accept-Language", "en")
			.exchange())).contains("restriction-letter-waiting");

		// Printed and recorded as posted in the letters to post: the person is told.
		MvcTestResult pdf = this.mvc.get()
			.uri("/staff/letters/" + hold.getNoticeCorrespondenceId() + "/pdf")
			.with(user(this.handler))
			.exchange();
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		this.context.getBean(se.dsrdesk.notification.Outbox.class)
			.markPosted(hold.getNoticeCorrespondenceId(), java.time.LocalDate.of(2026, 3, 3), null, "Test");
		hold = this.restrictions.get(holdId);
		assertThat(hold.isPersonTold()).isTrue();
		assertThat(hold.getNoticePostedOn()).isEqualTo(java.time.LocalDate.of(2026, 3, 3));
		assertThat(this.restrictions.lift(holdId, null, Actor.SYSTEM).isActive()).isFalse();
		assertThat(this.jdbc.queryForList("select action from audit_event where target_type = 'RESTRICTION_HOLD'"
				+ " and target_id = ? order by id", String.class, Long.toString(holdId)))
			.containsExactly("RESTRICTION_LIFT_LETTER_WRITTEN", "RESTRICTION_LIFT_NOTICE_POSTED", "RESTRICTION_LIFTED");
	}

	private DsrRequest started(RequestType type, String language) {
		DsrRequest request = this.requests
			.register(new NewRequest("Åsa Öberg", "asa-" + UUID.randomUUID() + "@exempel.se", null, language, type,
					Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		this.opened.add(request.getId());
		request = this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		this.jdbc.update("delete from location_task where request_id = ? and location_id <> ?", request.getId(),
				this.crm.getId());
		return request;
	}

	private LocationTask onlyTask(DsrRequest request) {
		return this.tasks.ofRequest(request.getId()).get(0);
	}

	private static String html(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
