package se.dsrdesk.request.retention;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.dashboard.Dashboard;
import se.dsrdesk.dashboard.Figures;
import se.dsrdesk.location.connector.NewFinding;
import se.dsrdesk.location.connector.TaskFindings;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestRetention;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.TestRequests;
import se.dsrdesk.request.attachment.RequestAttachments;
import se.dsrdesk.support.Html;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The daily purge of closed requests, against PostgreSQL with the clock moved. The
 * requests here are closed in 1995, so that the purge never reaches other tests'
 * requests.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ClosedRequestPurgeTest {

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	static final LocalDate CLOSED_ON = LocalDate.of(1995, 3, 10);

	@Autowired
	RequestService requests;

	@Autowired
	RequestAttachments attachments;

	@Autowired
	ClosedRequestPurge purge;

	@Autowired
	RequestRetention holds;

	@Autowired
	TaskFindings findings;

	@Autowired
	Dashboard dashboard;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aClosedRequestIsPurgedTheDayAfterItsRetentionEndsAndNotBefore() {
		long id = closedRequest();
		at(CLOSED_ON.plusYears(3));
		this.purge.run();
		assertThat(description(id)).isEqualTo("Please erase everything about me");

		at(CLOSED_ON.plusYears(3).plusDays(1));
		assertThat(this.purge.run().requests()).isGreaterThanOrEqualTo(1);
		Map<String, Object> request = this.jdbc
			.queryForMap("SELECT r.description, r.closing_reason, r.status, r.type, r.receipt_date, r.purged_at,"
					+ " s.name, s.email, s.phone, s.erased_at FROM dsr_request r"
					+ " JOIN data_subject s ON s.id = r.data_subject_id WHERE r.id = ?", id);
		assertThat(request).containsEntry("description", null)
			.containsEntry("closing_reason", null)
			.containsEntry("name", null)
			.containsEntry("email", null)
			.containsEntry("phone", null)
			.containsEntry("status", "REJECTED")
			.containsEntry("type", "ERASURE");
		assertThat(request.get("purged_at")).isNotNull();
		assertThat(request.get("erased_at")).isNotNull();
		assertThat(count("SELECT COUNT(*) FROM request_note WHERE request_id = ?", id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM request_attachment WHERE request_id = ?", id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM request_token WHERE request_id = ?", id)).isZero();
		assertThat(this.jdbc.queryForList(
				"SELECT recipient || body_text || body_html FROM correspondence" + " WHERE request_id = ?",
				String.class, id))
			.isNotEmpty()
			.allSatisfy((mail) -> assertThat(mail).isEqualTo("erased--"));
		assertThat(this.holds.of(id).purgedAt()).isNotNull();

		// The purged request's page still opens, for the statistics' sake, with what is
		// kept.
		StaffPrincipal officer = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER);
		assertThat(this.mvc.get().uri("/staff/requests/" + id).with(user(officer))).hasStatusOk()
			.bodyText()
			.doesNotContain("Per Purge", "Please erase everything", "Called Per");
		assertThat(this.mvc.get().uri("/staff/requests/" + id + "/retention").with(user(officer))).hasStatusOk()
			.bodyText()
			.contains("was purged on");
	}

	@Test
	void whatTheTasksFoundAndTheApprovedAnswerGoWithThePurgedRequest() {
		long id = closedRequest(LocalDate.of(1995, 4, 20));
		long task = this.jdbc.queryForObject("SELECT MIN(id) FROM location_task WHERE request_id = ?", Long.class, id);
		List<Long> found = this.findings
			.add(task,
					List.of(NewFinding.record("Newsletter", "mailchimp:list/a1", Map.of("FNAME", "Per")),
							NewFinding.file("A mail", "imap:INBOX/7", "mail.eml", "message/rfc822",
									"Subject: Per's debts".getBytes(StandardCharsets.UTF_8))),
					Actor.SYSTEM)
			.stream()
			.map((finding) -> finding.id())
			.toList();
		long file = found.get(1);
		assertThat(this.findings.content(file)).isPresent();
		java.sql.Timestamp now = java.sql.Timestamp.from(this.clock.instant());
		this.jdbc.update("INSERT INTO answer_finding_text (finding_id, request_id, reviewed_text, updated_at)"
				+ " VALUES (?, ?, 'Subject: Per''s [[debts]]', ?)", file, id, now);
		long download = this.jdbc.queryForObject(
				"INSERT INTO answer_download (request_id, token_hash, expires_at,"
						+ " created_at) VALUES (?, ?, ?, ?) RETURNING id",
				Long.class, id, UUID.randomUUID().toString(),
				java.sql.Timestamp.from(this.clock.instant().plus(java.time.Duration.ofDays(36500))), now);
		this.jdbc.update("INSERT INTO answer_file (download_id, name, content_type, content) VALUES (?, 'extract.pdf',"
				+ " 'application/pdf', ?)", download, "%PDF Per's debts".getBytes(StandardCharsets.UTF_8));

		at(LocalDate.of(1995, 4, 20).plusYears(3).plusDays(1));
		this.purge.run();

		assertThat(description(id)).isNull();
		assertThat(this.findings.ofRequest(id)).isEmpty();
		assertThat(this.findings.content(found.get(0))).isEmpty();
		assertThat(this.findings.content(file)).isEmpty();
		assertThat(this.jdbc.queryForList("SELECT title FROM task_finding WHERE request_id = ?"
				+ " AND content IS NULL AND fields IS NULL AND deleted_at IS NOT NULL", String.class, id))
			.as("the rows stay, emptied, as a record that something was found")
			.containsExactly("-", "-");
		assertThat(count("SELECT COUNT(*) FROM answer_finding_text WHERE request_id = ?", id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM answer_file WHERE download_id = ?", download)).isZero();
		assertThat(count("SELECT COUNT(*) FROM answer_download WHERE id = ? AND deleted_at IS NOT NULL", download))
			.isEqualTo(1);
	}

	@Test
	void theStatisticsAndTheAuditTrailAreUnchangedByAPurge() {
		long id = closedRequest();
		Figures before = this.dashboard.figures(LocalDate.of(1995, 1, 1), LocalDate.of(1995, 12, 31));
		List<Map<String, Object>> trailBefore = auditTrail(id);
		assertThat(trailBefore).isNotEmpty();

		at(CLOSED_ON.plusYears(3).plusDays(1));
		this.purge.run();

		assertThat(description(id)).isNull();
		assertThat(this.dashboard.figures(LocalDate.of(1995, 1, 1), LocalDate.of(1995, 12, 31))).isEqualTo(before);
		List<Map<String, Object>> trailAfter = auditTrail(id);
		assertThat(trailAfter.subList(0, trailBefore.size())).isEqualTo(trailBefore);
		assertThat(trailAfter.subList(trailBefore.size(), trailAfter.size())).extracting((row) -> row.get("action"))
			.containsExactly("REQUEST_PURGED");
	}

	@Test
	void aRequestUnderALegalClaimsHoldIsNotPurgedUntilTheHoldIsLifted() {
		long id = closedRequest();
		at(CLOSED_ON.plusMonths(6));
		this.holds.place(id, "The person has announced a claim for damages", new Actor(null, "handler"));
		at(CLOSED_ON.plusYears(4));
		this.purge.run();
		assertThat(description(id)).isEqualTo("Please erase everything about me");
		assertThat(this.holds.of(id).holdOn()).isEqualTo(CLOSED_ON.plusMonths(6));

		this.holds.lift(id, new Actor(null, "handler"));
		this.purge.run();
		assertThat(description(id)).isNull();
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE request_id = ? AND details IS NULL"
				+ " AND action LIKE 'REQUEST_LEGAL_HOLD%' ORDER BY id", String.class, id))
			.containsExactly("REQUEST_LEGAL_HOLD_PLACED", "REQUEST_LEGAL_HOLD_LIFTED");
	}

	@Test
	void theDashboardCountOfWhatIsPurgedInTheNextThirtyDaysLeavesHeldRequestsOut() throws Exception {
		// Closed on a day of their own, so that the other tests' requests stay out of the
		// windows.
		LocalDate closedOn = LocalDate.of(1994, 6, 15);
		long first = closedRequest(closedOn);
		long second = closedRequest(closedOn);
		at(closedOn.plusYears(3).minusDays(40));
		long withoutThem = this.holds.dueWithin(30);
		at(closedOn.plusYears(3).minusDays(20));
		long due = this.holds.dueWithin(30);
		assertThat(due - withoutThem).isEqualTo(2);
		this.holds.place(second, "A claim", Actor.SYSTEM);
		assertThat(this.holds.dueWithin(30)).isEqualTo(due - 1);
		assertThat(first).isNotEqualTo(second);

		StaffPrincipal officer = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER);
		String dashboard = this.mvc.get()
			.uri("/staff/dashboard")
			.with(user(officer))
			.header("Accept-Language", "en")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Html.textOf(dashboard, "purge-count")).hasValue(Long.toString(due - 1));
		assertThat(dashboard).contains("Closed requests purged in the next 30 days");
	}

	@Test
	void dsrDeskIsInItsOwnRegisterSoThatAnAccessRequestCoversIt() {
		Map<String, Object> location = this.jdbc.queryForMap("SELECT id, legal_basis, retention_months, active"
				+ " FROM data_location WHERE name_en = 'DSR Desk (this tool)'");
		assertThat(location).containsEntry("legal_basis", "LEGAL_OBLIGATION")
			.containsEntry("retention_months", 36)
			.containsEntry("active", true);
		at(LocalDate.of(1996, 1, 10));
		DsrRequest access = this.requests.register(new NewRequest("Ann Access", uniqueEmail(), null, "en",
				RequestType.ACCESS, Channel.LETTER, "What do you hold about me?", this.clock.instant()), Actor.SYSTEM);
		this.requests.startWork(access.getId(), null, Actor.SYSTEM);
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM location_task WHERE request_id = ? AND location_id = ?",
						Long.class, access.getId(), location.get("id")))
			.isEqualTo(1);
		this.requests.withdraw(access.getId(), null, Actor.SYSTEM);
	}

	@Test
	void aCaseHandlerPlacesAndLiftsAHoldOnTheRetentionPageAndOthersOnlyReadIt() throws Exception {
		long id = closedRequest();
		this.clock.reset();
		StaffPrincipal handler = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.CASE_HANDLER);
		StaffPrincipal officer = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER);
		String page = this.mvc.get()
			.uri("/staff/requests/" + id + "/retention")
			.with(user(officer))
			.header("Accept-Language", "sv")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Personuppgifterna i ärendet gallras " + CLOSED_ON.plusYears(3).plusDays(1) + ".")
			.doesNotContain("name=\"ground\"");
		assertThat(this.mvc.post()
			.uri("/staff/requests/" + id + "/legal-hold")
			.with(user(officer))
			.with(csrf())
			.param("ground", "A claim")).hasStatus(403);

		String refused = this.mvc.post()
			.uri("/staff/requests/" + id + "/legal-hold")
			.with(user(handler))
			.with(csrf())
			.header("Accept-Language", "en")
			.param("ground", " ")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("id=\"ground-error\"", "Fill in this field.");
		assertThat(this.holds.of(id).isHeld()).isFalse();

		assertThat(this.mvc.post()
			.uri("/staff/requests/" + id + "/legal-hold")
			.with(user(handler))
			.with(csrf())
			.param("ground", "Claim for damages announced")).hasStatus3xxRedirection()
			.flash()
			.containsEntry("success", "retention.held");
		assertThat(this.holds.of(id).holdGround()).isEqualTo("Claim for damages announced");
		assertThat(this.mvc.post().uri("/staff/requests/" + id + "/legal-hold/lift").with(user(handler)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(this.holds.of(id).isHeld()).isFalse();
	}

	/**
	 * A request registered, worked with a note and an attachment, and rejected on
	 * {@link #CLOSED_ON}.
	 */
	long closedRequest() {
		return closedRequest(CLOSED_ON);
	}

	long closedRequest(LocalDate closedOn) {
		at(closedOn.minusDays(5));
		DsrRequest request = this.requests.register(new NewRequest("Per Purge", uniqueEmail(), "070-1234567", "sv",
				RequestType.ERASURE, Channel.LETTER, "Please erase everything about me", this.clock.instant()),
				new Actor(null, "staff"));
		long id = request.getId();
		this.requests.startWork(id, null, Actor.SYSTEM);
		this.requests.addNote(id, "Called Per on his mobile", new Actor(null, "handler"));
		this.attachments.add(id, "passport.pdf", "%PDF-1.4 a copy of a passport".getBytes(StandardCharsets.UTF_8),
				new Actor(null, "handler"));
		at(closedOn);
		TestRequests.reject(this.requests, id, "Per Purge is not a customer of ours", new Actor(null, "handler"));
		// The letter that answered the request, as the correspondence log keeps it.
		this.jdbc.update("INSERT INTO correspondence (message_id, recipient, recipient_kind, language, template,"
				+ " subject, body_text, body_html, request_id, status, attempts, next_attempt_at, created_at, sent_at)"
				+ " VALUES (?, ?, 'SUBJECT', 'sv', 'request-rejected', 'Your request', 'Dear Per, ...',"
				+ " '<p>Dear Per, ...</p>', ?, 'SENT', 1, ?, ?, ?)", "<" + UUID.randomUUID() + "@test>",
				request.getSubject().getEmail(), id, java.sql.Timestamp.from(this.clock.instant()),
				java.sql.Timestamp.from(this.clock.instant()), java.sql.Timestamp.from(this.clock.instant()));
		return id;
	}

	void at(LocalDate day) {
		this.clock.set(day.atTime(10, 0).atZone(STOCKHOLM).toInstant());
	}

	String description(long id) {
		return this.jdbc.queryForObject("SELECT description FROM dsr_request WHERE id = ?", String.class, id);
	}

	long count(String sql, long id) {
		return this.jdbc.queryForObject(sql, Long.class, id);
	}

	List<Map<String, Object>> auditTrail(long id) {
		return this.jdbc.queryForList("SELECT * FROM audit_event WHERE request_id = ? ORDER BY id", id);
	}

	static String uniqueEmail() {
		return "purge-" + UUID.randomUUID() + "@example.com";
	}

}
