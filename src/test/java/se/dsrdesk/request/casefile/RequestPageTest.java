package se.dsrdesk.request.casefile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.support.Html;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.RequestAction;
import se.dsrdesk.request.RequestActivity;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The staff request page and its actions, through HTTP against real PostgreSQL with a
 * controllable clock and real SMTP: each action in the states that allow it and refused
 * in the others, the conflict on a stale version, who may read and who may act, the mail
 * each action queues, notes and the order of the timeline.
 */
@IntegrationTest
@AutoConfigureMockMvc
class RequestPageTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

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

	@Autowired
	PlatformTransactionManager transactionManager;

	StaffPrincipal handler;

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		// Tuesday 3 March 2026, 10:00 in Stockholm.
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.handler = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.CASE_HANDLER);
		MailDispatch.now(this.context);
		mail.reset();
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
	void allStaffReadThePageWithThePersonAndTheDeadlinePanel() {
		DsrRequest request = registered(RequestType.ACCESS);
		StaffPrincipal officer = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER);
		String page = html(get(request, officer));
		assertThat(page)
			.contains(request.getReference(), "Åsa Öberg", request.getSubject().getEmail(), "070-123 45 67",
					"Original deadline", "Effective deadline", "Our internal target")
			.contains("id=\"effective-deadline\"");
		assertThat(Html.textOf(page, "days-left").orElseThrow()).contains("35 days left");
		// A compliance officer reads but gets no forms to act with.
		assertThat(page).doesNotContain("/start\"", "/notes\"", "/reject\"");
		assertThat(html(get(request, this.handler))).contains("/start\"", "/notes\"", "/reject\"", "/withdraw\"");
	}

	@Test
	void anUnknownRequestIsA404AndAnonymousVisitorsAreSentToSignIn() {
		assertThat(this.mvc.get().uri("/staff/requests/987654321").with(user(this.handler)).exchange()).hasStatus(404);
		DsrRequest request = registered(RequestType.ACCESS);
		MvcTestResult anonymous = this.mvc.get().uri("/staff/requests/" + request.getId()).exchange();
		assertThat(anonymous).hasStatus3xxRedirection();
		assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
		MvcTestResult anonymousPost = this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/start")
			.with(csrf())
			.exchange();
		assertThat(anonymousPost.getResponse().getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void aComplianceOfficerOrAnAdminAloneCannotActButWithTheCaseHandlerRoleCan() {
		DsrRequest request = registered(RequestType.ACCESS);
		StaffPrincipal officer = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER);
		StaffPrincipal admin = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.ADMIN);
		assertThat(post(request, "start", officer, Map.of("version", "0"))).hasStatus(403);
		assertThat(post(request, "notes", admin, Map.of("noteText", "Hello"))).hasStatus(403);
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.NEW);

		StaffPrincipal both = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER,
				Role.CASE_HANDLER);
		assertThat(post(request, "start", both, version(request))).hasStatus3xxRedirection();
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
	}

	@Test
	void takingUpIsAllowedOnceOnANewRequest() {
		DsrRequest request = registered(RequestType.ACCESS);
		MvcTestResult started = post(request, "start", this.handler, version(request));
		assertThat(started).hasStatus3xxRedirection();
		assertThat(started.getMvcResult().getFlashMap().get("success")).isEqualTo("requestPage.done.started");
		DsrRequest now = this.requests.get(request.getId());
		assertThat(now.getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		assertThat(this.tasks.checklist(request.getId())).isNotEmpty();
		assertThat(html(get(now, this.handler))).doesNotContain("id=\"start-form\"")
			.contains("id=\"request-checklist\"");

		String refused = html(post(now, "start", this.handler, version(now)));
		assertThat(refused).contains("This action is not possible in the current status of the request.");
	}

	@Test
	void aStaleVersionGetsTheConflictMessageAndKeepsWhatWasTyped() {
		DsrRequest request = registered(RequestType.ACCESS);
		String staleVersion = Long.toString(request.getVersion());
		this.requests.assign(request.getId(), null, this.handler.id(), Actor.SYSTEM);

		MvcTestResult conflict = post(request, "information", this.handler, Map.of("version", staleVersion,
				"pauseGround", "IDENTITY", "information", "A copy of your customer card, please."));
		assertThat(conflict).hasStatus(409);
		assertThat(html(conflict)).contains("Someone else changed this request while you had it open.")
			.contains("A copy of your customer card, please.");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.NEW);
		assertThat(outboxCount(request, "request-information-needed")).isZero();
	}

	@Test
	void aChangeCommittedBetweenReadAndWriteIsAConflictNotAnError() {
		DsrRequest request = started(RequestType.ACCESS);
		// Someone else's change commits while this action's transaction is under way: the
		// version check passed, so @Version has to catch it when the change is written.
		AtomicBoolean raced = new AtomicBoolean();
		ApplicationListener<ApplicationEvent> rival = (event) -> {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof RequestActivity activity
					&& activity.requestId().equals(request.getId()) && activity.action() == RequestAction.PAUSED
					&& raced.compareAndSet(false, true)) {
				TransactionTemplate separate = new TransactionTemplate(this.transactionManager);
				separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
				separate.executeWithoutResult((status) -> {
					this.jdbc.execute("set local lock_timeout = '5s'");
					this.jdbc.update("update dsr_request set version = version + 1 where id = ?", request.getId());
				});
			}
		};
		ConfigurableApplicationContext configurable = (ConfigurableApplicationContext) this.context;
		configurable.addApplicationListener(rival);
		try {
			MvcTestResult conflict = post(request, "information", this.handler,
					Map.of("version", Long.toString(request.getVersion()), "pauseGround", "IDENTITY", "information",
							"Your order number."));
			assertThat(raced).isTrue();
			assertThat(conflict).hasStatus(409);
			assertThat(html(conflict)).contains("Someone else changed this request while you had it open.")
				.contains("Your order number.");
		}
		finally {
			configurable.removeApplicationListener(rival);
		}
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		assertThat(outboxCount(request, "request-information-needed")).isZero();
	}

	@Test
	void assigningNotifiesTheNewAssigneeAndOnlyActiveCaseHandlersCanBeGiven() throws Exception {
		DsrRequest request = registered(RequestType.ERASURE);
		String assigneeEmail = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		long assigneeId = this.jdbc.queryForObject("select id from staff_user where email = ?", Long.class,
				assigneeEmail);
		assertThat(post(request, "assign", this.handler,
				Map.of("version", Long.toString(request.getVersion()), "assigneeId", Long.toString(assigneeId))))
			.hasStatus3xxRedirection();
		assertThat(this.requests.get(request.getId()).getAssigneeId()).isEqualTo(assigneeId);
		MailDispatch.now(this.context);
		// The new account also got its welcome mail.
		List<MimeMessage> received = new ArrayList<>();
		for (MimeMessage m : mail.messagesTo(assigneeEmail)) {
			if (m.getSubject().equals("Request " + request.getReference() + " was assigned to you")) {
				received.add(m);
			}
		}
		assertThat(received).hasSize(1);
		assertThat(MailServer.text(received.get(0))).contains("/staff/requests/" + request.getId());

		String officerEmail = TestAccounts.create(this.accounts, Role.COMPLIANCE_OFFICER);
		long officerId = this.jdbc.queryForObject("select id from staff_user where email = ?", Long.class,
				officerEmail);
		DsrRequest current = this.requests.get(request.getId());
		String refused = html(post(current, "assign", this.handler,
				Map.of("version", Long.toString(current.getVersion()), "assigneeId", Long.toString(officerId))));
		assertThat(refused).contains("Choose an active case handler.");
		assertThat(this.requests.get(request.getId()).getAssigneeId()).isEqualTo(assigneeId);
	}

	@Test
	void askingForInformationPausesTheClockAndWritesToThePersonUntilResumed() throws Exception {
		DsrRequest request = started(RequestType.ACCESS);
		assertThat(html(post(request, "information", this.handler, version(request))))
			.contains("Write what the person should send.");

		assertThat(post(request, "information", this.handler, Map.of("version", Long.toString(request.getVersion()),
				"pauseGround", "IDENTITY", "information", "Your customer number.")))
			.hasStatus3xxRedirection();
		DsrRequest paused = this.requests.get(request.getId());
		assertThat(paused.getStatus()).isEqualTo(RequestStatus.AWAITING_SUBJECT);
		assertThat(paused.getPauses()).singleElement().satisfies((p) -> {
			assertThat(p.getReason()).isEqualTo("Your customer number.");
			assertThat(p.getResumedOn()).isNull();
		});
		MailDispatch.now(this.context);
		List<MimeMessage> letters = mail.messagesTo(request.getSubject().getEmail());
		assertThat(letters).hasSize(1);
		assertThat(letters.get(0).getSubject())
			.isEqualTo("Din begäran " + request.getReference() + ": vi behöver fler uppgifter");
		assertThat(MailServer.text(letters.get(0))).contains("Your customer number.", "artikel 12.6");
		String page = html(get(paused, this.handler));
		assertThat(Html.textOf(page, "days-left").orElseThrow()).contains("Clock paused");
		assertThat(page).contains("id=\"resume-form\"").doesNotContain("id=\"information-form\"");

		// Ten days later the person answers: the deadline moves by the days paused.
		this.clock.set(Instant.parse("2026-03-13T09:00:00Z"));
		assertThat(post(paused, "resume", this.handler, version(paused))).hasStatus3xxRedirection();
		DsrRequest resumed = this.requests.get(request.getId());
		assertThat(resumed.getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		assertThat(resumed.getEffectiveDeadline()).isAfter(request.getEffectiveDeadline());
		assertThat(html(post(resumed, "resume", this.handler, version(resumed))))
			.contains("This action is not possible in the current status of the request.");
	}

	@Test
	@DisplayName("Recital 63, Art. 12(6): the page refuses a scope pause without justification and an identity "
			+ "pause once identity is verified, with the reason")
	void thePageRefusesPausesTheLawDoesNotAllow() throws Exception {
		DsrRequest request = started(RequestType.ACCESS);
		assertThat(html(post(request, "information", this.handler,
				Map.of("version", Long.toString(request.getVersion()), "information", "Which newsletter?"))))
			.contains("Choose why the information is needed.");
		assertThat(html(post(request, "information", this.handler, Map.of("version",
				Long.toString(request.getVersion()), "pauseGround", "SCOPE", "information", "Which newsletter?"))))
			.contains("Write why a clarification of the scope is needed.");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		assertThat(outboxCount(request, "request-information-needed")).isZero();
	}

	@Test
	@DisplayName("Art. 12(6), EDPB Guidelines 01/2022: asking for identity more than three working days after "
			+ "receipt is flagged")
	void anIdentityQuestionAskedLateIsFlagged() throws Exception {
		DsrRequest request = started(RequestType.ACCESS);
		// Received Tuesday 3 March 2026: Friday 6 March is three working days later.
		this.clock.set(Instant.parse("2026-03-06T09:00:00Z"));
		assertThat(html(get(request, this.handler))).doesNotContain("id=\"identity-late\"");
		this.clock.set(Instant.parse("2026-03-09T09:00:00Z"));
		assertThat(Html.textOf(html(get(request, this.handler)), "identity-late").orElseThrow())
			.contains("more than three working days ago");
	}

	@Test
	@DisplayName("Art. 12(4): after the one-month limit the page asks why a refusal is late, and refuses without it")
	void aLateRefusalOnThePageNeedsItsReason() throws Exception {
		DsrRequest request = started(RequestType.ACCESS);
		assertThat(html(get(request, this.handler))).doesNotContain("name=\"lateReason\"");
		this.clock.set(Instant.parse("2026-04-20T09:00:00Z"));
		assertThat(html(get(request, this.handler))).contains("name=\"lateReason\"");
		assertThat(html(post(request, "reject", this.handler,
				Map.of("version", Long.toString(request.getVersion()), "rejectionGround", "EXCESSIVE",
						"rejectionReasons", "The fifth identical request."))))
			.contains("The one-month limit has passed: record why the refusal comes late.");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		assertThat(post(request, "reject", this.handler,
				Map.of("version", Long.toString(request.getVersion()), "rejectionGround", "EXCESSIVE",
						"rejectionReasons", "The fifth identical request.", "lateReason", "On leave.")))
			.hasStatus3xxRedirection();
		assertThat(this.requests.get(request.getId()).getLateReason()).isEqualTo("On leave.");
	}

	@Test
	void extendingQueuesTheNoticeAndIsRefusedOnceTheOneMonthDeadlineHasPassed() {
		DsrRequest request = started(RequestType.ACCESS);
		assertThat(html(post(request, "extend", this.handler, version(request)))).contains("Choose one or two months.",
				"Give the reason for the extension.");
		assertThat(post(request, "extend", this.handler, Map.of("version", Long.toString(request.getVersion()),
				"extensionMonths", "2", "extensionReason", "Many systems to search.")))
			.hasStatus3xxRedirection();
		DsrRequest extended = this.requests.get(request.getId());
		assertThat(extended.getExtensionMonths()).isEqualTo(2);
		assertThat(extended.getExtensionNoticeId()).isNotNull();
		String page = html(get(extended, this.handler));
		assertThat(Html.textOf(page, "extension").orElseThrow()).contains("2 months: Many systems to search.");
		assertThat(page).doesNotContain("id=\"extend-form\"");

		DsrRequest late = started(RequestType.ACCESS);
		this.clock.set(Instant.parse("2026-04-20T09:00:00Z"));
		String refused = html(post(late, "extend", this.handler, Map.of("version", Long.toString(late.getVersion()),
				"extensionMonths", "1", "extensionReason", "Too late now.")));
		assertThat(refused).contains("The deadline can no longer be extended: the one-month deadline has passed.")
			.contains("Too late now.");
		assertThat(this.requests.get(late.getId()).getExtensionMonths()).isZero();
	}

	@Test
	void theExtensionPanelShowsTheNoticesTrueStateAndFailedMailIsFlaggedAndCanBeSentAgain() {
		DsrRequest request = started(RequestType.ACCESS);
		mail.stop();
		assertThat(post(request, "extend", this.handler, Map.of("version", Long.toString(request.getVersion()),
				"extensionMonths", "1", "extensionReason", "Many systems to search.")))
			.hasStatus3xxRedirection();
		DsrRequest extended = this.requests.get(request.getId());
		MailDispatch.now(this.context);
		assertThat(Html.textOf(html(get(extended, this.handler)), "extension").orElseThrow())
			.contains("Notice queued for sending");

		// The mail server stays away for longer than the retry period: the notice fails.
		this.clock.set(Instant.parse("2026-03-10T09:00:01Z"));
		MailDispatch.now(this.context);
		this.clock.set(Instant.parse("2026-03-10T10:00:00Z"));
		MailDispatch.now(this.context);
		String page = html(get(extended, this.handler));
		assertThat(Html.textOf(page, "extension").orElseThrow()).contains("The notice could not be sent")
			.doesNotContain("queued");
		assertThat(Html.textOf(page, "failed-mail-banner").orElseThrow())
			.contains("A mail about this request could not be sent", extended.getReference());

		String list = html(this.mvc.get().uri("/staff/mail/failed").with(user(this.handler)).exchange());
		assertThat(list).contains(extended.getReference(), "Required by law");
		long noticeId = extended.getExtensionNoticeId();
		mail.start();
		assertThat(this.mvc.post()
			.uri("/staff/mail/failed/" + noticeId + "/send-again")
			.with(user(this.handler))
			.with(csrf())
			.exchange()).hasRedirectedUrl("/staff/mail/failed");
		MailDispatch.now(this.context);
		assertThat(mail.awaitMessagesTo(extended.getSubject().getEmail(), 1, java.time.Duration.ofSeconds(10)))
			.hasSize(1);
		page = html(get(extended, this.handler));
		assertThat(Html.textOf(page, "extension").orElseThrow()).contains("Notice sent");
		assertThat(page).doesNotContain("id=\"failed-mail-banner\"");
		assertThat(this.jdbc.queryForList(
				"select action from audit_event where target_type = 'CORRESPONDENCE'" + " and target_id = ?",
				String.class, Long.toString(noticeId)))
			.containsExactly("MAIL_SENT_AGAIN");
	}

	@Test
	void completingIsRefusedWhileATaskIsOpen() {
		DsrRequest request = started(RequestType.ERASURE);
		assertThat(this.tasks.openItems(request.getId())).isPositive();
		String refused = html(post(request, "answer", this.handler,
				Map.of("version", Long.toString(request.getVersion()), "answerText", "Our answer.")));
		assertThat(refused).contains("This request still has open tasks.");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);

		TestTasks.finishAll(this.tasks, request.getId());
		DsrRequest current = this.requests.get(request.getId());
		assertThat(post(current, "answer", this.handler,
				Map.of("version", Long.toString(current.getVersion()), "answerText", "Our answer.")))
			.hasStatus3xxRedirection();
		DsrRequest completed = this.requests.get(request.getId());
		assertThat(completed.getStatus()).isEqualTo(RequestStatus.COMPLETED);
		String page = html(get(completed, this.handler));
		assertThat(page).doesNotContain("id=\"complete-form\"", "id=\"reject-form\"", "id=\"withdraw-form\"");
		assertThat(outboxCount(completed, "request-answer")).isEqualTo(1);
		assertThat(html(post(completed, "withdraw", this.handler, version(completed))))
			.contains("This action is not possible in the current status of the request.");
	}

	@Test
	void rejectingStoresTheGroundAndTellsThePersonTheirRights() throws Exception {
		DsrRequest request = registered(RequestType.ERASURE);
		assertThat(html(post(request, "reject", this.handler,
				Map.of("version", Long.toString(request.getVersion()), "rejectionReasons", "Kept for reasons."))))
			.contains("Choose the ground for the refusal.", "Kept for reasons.");
		assertThat(
				post(request, "reject", this.handler,
						Map.of("version", Long.toString(request.getVersion()), "rejectionGround", "EXCESSIVE",
								"rejectionReasons", "The fifth identical request this month.")))
			.hasStatus3xxRedirection();
		DsrRequest rejected = this.requests.get(request.getId());
		assertThat(rejected.getStatus()).isEqualTo(RequestStatus.REJECTED);
		assertThat(rejected.getRejectionGround()).isEqualTo(RejectionGround.EXCESSIVE);
		assertThat(rejected.getClosingReason()).isEqualTo("The fifth identical request this month.");
		MailDispatch.now(this.context);
		List<MimeMessage> letters = mail.messagesTo(request.getSubject().getEmail());
		assertThat(letters).hasSize(1);
		assertThat(MailServer.text(letters.get(0))).contains("The fifth identical request this month.",
				"Integritetsskyddsmyndigheten (IMY)", "artikel 12.5", "domstol");
		assertThat(html(post(rejected, "reject", this.handler,
				Map.of("version", Long.toString(rejected.getVersion()), "rejectionGround", "EXCESSIVE",
						"rejectionReasons", "Again."))))
			.contains("This action is not possible in the current status of the request.");
	}

	@Test
	void markingWithdrawnAndVerifyingTheIdentity() {
		DsrRequest request = registered(RequestType.ACCESS);
		assertThat(html(get(request, this.handler))).contains("value=\"IDENTITY\"", "value=\"SCOPE\"");
		assertThat(html(post(request, "identity", this.handler,
				Map.of("version", Long.toString(request.getVersion()), "identityMethod", "OTHER"))))
			.contains("Describe how the identity was verified.");
		assertThat(post(request, "identity", this.handler, Map.of("version", Long.toString(request.getVersion()),
				"identityMethod", "ID_DOCUMENT", "identityNote", "Passport shown at the desk")))
			.hasStatus3xxRedirection();
		DsrRequest verified = this.requests.get(request.getId());
		assertThat(verified.getIdentityMethod()).isEqualTo(IdentityMethod.ID_DOCUMENT);
		assertThat(verified.getIdentityVerifiedBy()).isEqualTo(this.handler.id());
		assertThat(auditActions(request)).contains("REQUEST_IDENTITY_VERIFIED");
		assertThat(html(get(verified, this.handler))).doesNotContain("id=\"identity-form\"")
			.contains("Identity document checked (no copy kept)");
		// Art. 12(6): once identity is verified, only a clarification of scope is
		// offered.
		assertThat(html(get(verified, this.handler))).contains("value=\"SCOPE\"").doesNotContain("value=\"IDENTITY\"");

		assertThat(post(verified, "withdraw", this.handler, version(verified))).hasStatus3xxRedirection();
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.WITHDRAWN);
	}

	@Test
	void aTextLongerThanAllowedIsRefusedWithTheLimitAndNothingChanges() {
		DsrRequest request = registered(RequestType.ACCESS);
		String tooLong = "x".repeat(2001);
		MvcTestResult refused = post(request, "information", this.handler, Map.of("version",
				Long.toString(request.getVersion()), "pauseGround", "IDENTITY", "information", tooLong));
		assertThat(refused).hasStatusOk();
		assertThat(Html.textOf(html(refused), "information-error")).hasValue("Use at most 2,000 characters.");
		assertThat(html(post(request, "notes", this.handler, Map.of("noteText", "y".repeat(4001)))))
			.contains("Use at most 4,000 characters.");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.NEW);
		assertThat(this.requests.notes(request.getId())).isEmpty();
	}

	@Test
	void notesAreAddedAuditedAndTheTimelineIsNewestFirst() {
		DsrRequest request = registered(RequestType.ACCESS);
		assertThat(html(post(request, "notes", this.handler, Map.of("noteText", " ")))).contains("Write the note.");

		this.clock.set(Instant.parse("2026-03-04T09:00:00Z"));
		assertThat(post(request, "notes", this.handler, Map.of("noteText", "Called the person back.")))
			.hasStatus3xxRedirection();
		this.clock.set(Instant.parse("2026-03-05T09:00:00Z"));
		DsrRequest current = this.requests.get(request.getId());
		post(current, "start", this.handler, version(current));
		this.clock.set(Instant.parse("2026-03-06T09:00:00Z"));
		current = this.requests.get(request.getId());
		post(current, "information", this.handler,
				Map.of("version", Long.toString(current.getVersion()), "pauseGround", "SCOPE", "information",
						"Which newsletter?", "justification", "We send three newsletters from different lists."));

		assertThat(auditActions(request)).contains("REQUEST_NOTE_ADDED");
		String page = html(get(current, this.handler));
		assertThat(Html.textOf(page, "notes").orElseThrow()).contains("Called the person back.");
		String timeline = Html.textOf(page, "timeline").orElseThrow();
		int mailLine = timeline.indexOf("Mail: Din begäran");
		int paused = timeline.indexOf("Clock paused: waiting for the person");
		int started = timeline.indexOf("Work started");
		int note = timeline.indexOf("Internal note added");
		int received = timeline.indexOf("Request received");
		assertThat(List.of(mailLine, paused, started, note, received)).doesNotContain(-1).isSorted();
	}

	private DsrRequest registered(RequestType type) {
		DsrRequest request = this.requests
			.register(new NewRequest("Åsa Öberg", "person-" + UUID.randomUUID() + "@example.com", "070-123 45 67", "sv",
					type, Channel.EMAIL, "Please help.", null), Actor.SYSTEM);
		this.opened.add(request.getId());
		return request;
	}

	private DsrRequest started(RequestType type) {
		DsrRequest request = registered(type);
		return this.requests.startWork(request.getId(), null, Actor.SYSTEM);
	}

	private MvcTestResult get(DsrRequest request, StaffPrincipal who) {
		return this.mvc.get()
			.uri("/staff/requests/" + request.getId())
			.with(user(who))
			.header("Accept-Language", "en")
			.exchange();
	}

	private MvcTestResult post(DsrRequest request, String action, StaffPrincipal who, Map<String, String> fields) {
		var builder = this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/" + action)
			.with(user(who))
			.with(csrf())
			.header("Accept-Language", "en");
		fields.forEach((name, value) -> builder.param(name, value));
		return builder.exchange();
	}

	private static Map<String, String> version(DsrRequest request) {
		return Map.of("version", Long.toString(request.getVersion()));
	}

	private long outboxCount(DsrRequest request, String template) {
		return this.jdbc.queryForObject("select count(*) from correspondence where request_id = ? and template = ?",
				Long.class, request.getId(), template);
	}

	private List<String> auditActions(DsrRequest request) {
		return this.jdbc.queryForList(
				"select action from audit_event where target_type = 'REQUEST' and target_id = ? order by id",
				String.class, request.getId().toString());
	}

	private static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
