package se.dsrdesk.location;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.refusal.RequestHasOpenTasksException;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.TestRequests;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.location.reminder.LocationSweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * From a request taken up to its completion: a task per applicable location, the
 * completion that waits for them, the retention hold that reminds its owner on its date,
 * and the review reminder that lists the open requests touching a location. Real
 * PostgreSQL, real SMTP (GreenMail), a controllable clock.
 */
@IntegrationTest
@AutoConfigureMockMvc
class LocationFlowTest {

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	LocationService locations;

	@Autowired
	LocationSweep sweep;

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

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		// Tuesday 3 March 2026, 10:00 in Stockholm.
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.owner = this.accounts.create("owner-" + UUID.randomUUID() + "@example.com", "Olga Owner",
				EnumSet.of(Role.CASE_HANDLER), "en", TestAccounts.PASSWORD, Actor.SYSTEM);
		this.crm = location("CRM " + UUID.randomUUID(), this.owner, EnumSet.allOf(RequestType.class));
		MailDispatch.now(this.context);
		mail.reset();
	}

	@AfterEach
	void tearDown() {
		// Close what this test opened, so that later sweeps leave it alone.
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
		}
		this.jdbc.update("update data_location set active = false where id = ?", this.crm.getId());
		this.clock.reset();
	}

	@Test
	void anErasureRequestGetsOneTaskPerApplicableActiveLocation() {
		DataLocation accessOnly = location("Access only " + UUID.randomUUID(), this.owner,
				EnumSet.of(RequestType.ACCESS));
		DataLocation retired = location("Retired " + UUID.randomUUID(), this.owner, EnumSet.allOf(RequestType.class));
		this.locations.deactivate(retired.getId(), Actor.SYSTEM);

		DsrRequest request = startedRequest(RequestType.ERASURE);

		List<Long> expected = this.jdbc.queryForList(
				"select l.id from data_location l join data_location_request_type t"
						+ " on t.location_id = l.id where l.active and t.request_type = 'ERASURE' order by l.id",
				Long.class);
		List<LocationTask> created = this.tasks.ofRequest(request.getId());
		assertThat(created).extracting((t) -> t.getLocation().getId()).containsExactlyElementsOf(expected);
		assertThat(created).extracting((t) -> t.getLocation().getId())
			.contains(this.crm.getId(), seeded("Bookkeeping records"), seeded("Email conversations"))
			.doesNotContain(accessOnly.getId(), retired.getId());
		assertThat(created).allSatisfy((t) -> {
			assertThat(t.isOpen()).isTrue();
			assertThat(t.getRequestType()).isEqualTo(RequestType.ERASURE);
		});
		LocationTask atCrm = taskAt(request, this.crm);
		assertThat(atCrm.getAssigneeId()).as("the location's owner").isEqualTo(this.owner.getId());
		this.jdbc.update("update data_location set active = false where id = ?", accessOnly.getId());
	}

	@Test
	void bookkeepingGetsNoTaskForAnObjectionAndClosingARequestCancelsItsTasks() {
		DsrRequest request = startedRequest(RequestType.OBJECTION);
		assertThat(this.tasks.ofRequest(request.getId())).extracting((t) -> t.getLocation().getId())
			.contains(this.crm.getId())
			.doesNotContain(seeded("Bookkeeping records"));
		this.requests.withdraw(request.getId(), null, Actor.SYSTEM);
		assertThat(this.tasks.ofRequest(request.getId()))
			.allSatisfy((t) -> assertThat(t.getStatus()).isEqualTo(TaskStatus.CANCELLED));
	}

	@Test
	void completingIsRefusedWhileATaskIsOpenAndAllowedOnceAllAreDone() {
		DsrRequest request = startedRequest(RequestType.ERASURE);
		assertThatThrownBy(() -> TestRequests.complete(this.requests, request.getId(), Actor.SYSTEM))
			.isInstanceOf(RequestHasOpenTasksException.class)
			.satisfies((ex) -> assertThat(((RequestHasOpenTasksException) ex).openItems())
				.isEqualTo(this.tasks.ofRequest(request.getId()).size()));
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);

		// Through the web (the request page's action): a translated message, no error
		// page.
		StaffPrincipal handler = (StaffPrincipal) this.userDetailsService.loadUserByUsername(this.owner.getEmail());
		MvcTestResult refused = this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/answer")
			.param("version", Long.toString(this.requests.get(request.getId()).getVersion()))
			.param("answerText", "Our answer.")
			.with(user(handler))
			.with(csrf())
			.header("Accept-Language", "en")
			.exchange();
		assertThat(refused).hasStatusOk();
		assertThat(html(refused))
			.contains("This request still has open tasks. Record an outcome for every location and,");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);

		TestTasks.finishAll(this.tasks, request.getId());
		assertThat(TestRequests.complete(this.requests, request.getId(), Actor.SYSTEM).getStatus())
			.isEqualTo(RequestStatus.COMPLETED);
	}

	@Test
	@DisplayName("Art. 21(3): an objection at a direct-marketing location cannot be recorded as continuing")
	void anObjectionAtADirectMarketingLocationStopsTheProcessing() {
		DataLocation newsletter = this.locations.create(new LocationDetails(
				new LocalizedText("Nyhetsbrev " + UUID.randomUUID(), "Newsletter"), new LocalizedText(null, null),
				LocationKind.OTHER, this.owner, new LocalizedText(null, null), new LocalizedText(null, null),
				LegalBasis.LEGITIMATE_INTEREST, List.of(), new LocalizedText(null, null),
				new LocalizedText("Ett år", "One year"), 12, new LocalizedText(null, null),
				new LocalizedText(null, null), 12, EnumSet.of(RequestType.OBJECTION), true), Actor.SYSTEM);
		assertThat(this.locations.get(newsletter.getId()).isDirectMarketing()).isTrue();
		DsrRequest request = startedRequest(RequestType.OBJECTION);
		LocationTask task = taskAt(request, newsletter);
		assertThatThrownBy(() -> this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.CONTINUES, "Checked.", "Our grounds prevail", null, null, null,
						"Marketing", "None given"),
				Actor.SYSTEM))
			.isInstanceOfSatisfying(InvalidOutcomeException.class,
					(ex) -> assertThat(ex.violations()).extracting(OutcomeRecord.Violation::code)
						.containsExactly("task.objection.absolute.directMarketing"));
		assertThat(this.tasks.get(task.getId()).isOpen()).isTrue();
		this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.PROCESSING_STOPPED, "Unsubscribed.", null, null, null, null),
				Actor.SYSTEM);
		assertThat(this.tasks.get(task.getId()).getOutcome()).isEqualTo(TaskOutcome.PROCESSING_STOPPED);
	}

	@Test
	void aRetainedOutcomeNeedsItsGroundAndDate() {
		DsrRequest request = startedRequest(RequestType.ERASURE);
		LocationTask task = taskAt(request, this.crm);
		assertThatThrownBy(() -> this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.RETAINED, "Invoices found", null, null, null, null), Actor.SYSTEM))
			.isInstanceOfSatisfying(InvalidOutcomeException.class,
					(ex) -> assertThat(ex.violations()).extracting(OutcomeRecord.Violation::field)
						.containsExactlyInAnyOrder("ground", "retainedUntil"));
		assertThatThrownBy(() -> this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.RETAINED, "Invoices found", null, LegalGround.OTHER, " ",
						LocalDate.of(2026, 3, 2)),
				Actor.SYSTEM))
			.isInstanceOfSatisfying(InvalidOutcomeException.class,
					(ex) -> assertThat(ex.violations()).extracting(OutcomeRecord.Violation::code)
						.containsExactlyInAnyOrder("task.groundText.required", "task.retainedUntil.future"));
		assertThatThrownBy(() -> this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.FOUND, "x", null, null, null, null), Actor.SYSTEM))
			.as("access outcome on an erasure task")
			.isInstanceOf(InvalidOutcomeException.class);
		assertThat(this.tasks.get(task.getId()).isOpen()).isTrue();
		assertThat(this.tasks.holdsOf(request.getId())).isEmpty();
	}

	@Test
	void aRetainedOutcomeCreatesAHoldThatRemindsTheOwnerOnceOnItsDate() throws Exception {
		DsrRequest request = startedRequest(RequestType.ERASURE);
		LocationTask task = taskAt(request, this.crm);
		this.tasks.recordOutcome(
				task.getId(), new OutcomeRecord(TaskOutcome.RETAINED, "Invoices in the CRM", null,
						LegalGround.BOOKKEEPING_ACT, null, LocalDate.of(2026, 3, 10)),
				new Actor(this.owner.getId(), "olga"));

		LocationTask done = this.tasks.get(task.getId());
		assertThat(done.getStatus()).isEqualTo(TaskStatus.DONE);
		assertThat(done.getDoneByLabel()).isEqualTo("olga");
		assertThat(done.getDoneAt()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
		List<RetentionHold> holds = this.tasks.holdsOf(request.getId());
		assertThat(holds).singleElement().satisfies((hold) -> {
			assertThat(hold.getRetainedUntil()).isEqualTo(LocalDate.of(2026, 3, 10));
			assertThat(hold.getLegalGround()).isEqualTo(LegalGround.BOOKKEEPING_ACT);
			assertThat(hold.isStanding()).isTrue();
		});

		sweepTwiceAt("2026-03-09T09:00:00Z");
		assertThat(mail.messagesTo(this.owner.getEmail())).as("not before its date").isEmpty();

		sweepTwiceAt("2026-03-10T07:00:00Z");
		sweepTwiceAt("2026-03-11T09:00:00Z");
		List<MimeMessage> reminders = mail.messagesTo(this.owner.getEmail());
		assertThat(reminders).singleElement().satisfies((m) -> {
			assertThat(m.getSubject()).endsWith("held data is due for erasure");
			assertThat(MailServer.text(m)).contains(request.getReference(), this.crm.getName().en(), "2026-03-10",
					"Bookkeeping Act");
		});

		// The hold stays visible, and stands, until someone records the erasure.
		long holdId = holds.get(0).getId();
		StaffPrincipal handler = (StaffPrincipal) this.userDetailsService.loadUserByUsername(this.owner.getEmail());
		String page = html(this.mvc.get().uri("/staff/locations/" + this.crm.getId()).with(user(handler)).exchange());
		assertThat(page).contains(request.getReference(), "/staff/holds/" + holdId + "/erased");
		assertThat(this.mvc.post()
			.uri("/staff/holds/" + holdId + "/erased")
			.param("note", "Deleted the invoices")
			.with(user(handler))
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		assertThat(this.tasks.hold(holdId).isStanding()).isFalse();
		assertThat(this.tasks.hold(holdId).getErasureNote()).isEqualTo("Deleted the invoices");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'HOLD_ERASED' and target_id = ?", Integer.class,
				Long.toString(holdId)))
			.isEqualTo(1);
	}

	@Test
	void aReviewReminderListsTheOpenRequestsTouchingTheLocationOncePerDueDate() throws Exception {
		DsrRequest touching = startedRequest(RequestType.ACCESS);
		DsrRequest waiting = registered(RequestType.ERASURE);
		DsrRequest finished = startedRequest(RequestType.ERASURE);
		TestTasks.finishAll(this.tasks, finished.getId());
		TestRequests.complete(this.requests, finished.getId(), Actor.SYSTEM);
		this.jdbc.update("update data_location set next_review_due = ? where id = ?", LocalDate.of(2026, 3, 5),
				this.crm.getId());

		sweepTwiceAt("2026-03-04T09:00:00Z");
		assertThat(mail.messagesTo(this.owner.getEmail())).as("not before it is due").isEmpty();

		sweepTwiceAt("2026-03-05T09:00:00Z");
		sweepTwiceAt("2026-03-06T09:00:00Z");
		List<MimeMessage> reminders = mail.messagesTo(this.owner.getEmail());
		assertThat(reminders).singleElement().satisfies((m) -> {
			assertThat(m.getSubject()).contains("review of " + this.crm.getName().en() + " is due");
			String text = MailServer.text(m);
			// The one being worked has a task here; the one not yet taken up is of a type
			// that applies here. (Other tests' open requests may be listed too: the
			// database is shared.)
			assertThat(text).contains("was due on 2026-03-05", "Open requests touching this location:",
					touching.getReference(), waiting.getReference(), "Retention holds at this location: 0");
			assertThat(text).doesNotContain(finished.getReference());
		});

		// Recording the review moves the next due date a full interval on.
		StaffPrincipal handler = (StaffPrincipal) this.userDetailsService.loadUserByUsername(this.owner.getEmail());
		this.locations.recordReview(this.crm.getId(), "Purged", handler);
		assertThat(this.locations.get(this.crm.getId()).getNextReviewDue()).isEqualTo(LocalDate.of(2027, 3, 6));
		sweepTwiceAt("2026-03-07T09:00:00Z");
		assertThat(mail.messagesTo(this.owner.getEmail())).hasSize(1);
	}

	private DataLocation location(String name, StaffUser owner, Set<RequestType> types) {
		return this.locations.create(new LocationDetails(new LocalizedText(name + " sv", name),
				new LocalizedText(null, null), LocationKind.OTHER, owner, new LocalizedText(null, null),
				new LocalizedText(null, null), LegalBasis.LEGITIMATE_INTEREST, List.of(), new LocalizedText(null, null),
				new LocalizedText("Ett år", "One year"), 12, new LocalizedText(null, null),
				new LocalizedText(null, null), 12, types), Actor.SYSTEM);
	}

	private DsrRequest registered(RequestType type) {
		DsrRequest request = this.requests
			.register(new NewRequest("Åsa Öberg", "asa-" + UUID.randomUUID() + "@exempel.se", null, "sv", type,
					Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		this.opened.add(request.getId());
		return request;
	}

	private DsrRequest startedRequest(RequestType type) {
		DsrRequest request = registered(type);
		return this.requests.startWork(request.getId(), null, Actor.SYSTEM);
	}

	private LocationTask taskAt(DsrRequest request, DataLocation location) {
		return this.tasks.ofRequest(request.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(location.getId()))
			.findFirst()
			.orElseThrow();
	}

	private long seeded(String nameEn) {
		return this.jdbc.queryForObject("select min(id) from data_location where name_en = ?", Long.class, nameEn);
	}

	private void sweepTwiceAt(String instant) {
		this.clock.set(Instant.parse(instant));
		assertThat(this.sweep.run()).isNotNull();
		assertThat(this.sweep.run()).isNotNull();
		MailDispatch.now(this.context);
	}

	private static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
