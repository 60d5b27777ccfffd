package se.dsrdesk.request.inbox;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.request.PauseGround;
import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.support.Html;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff inbox and registering a request, through real HTTP against PostgreSQL: the
 * filters, the search, the order, keyset pages that continue exactly where the last one
 * ended, registration with translated messages and nothing typed lost, and who may do
 * what. Each test makes its own requests under a unique name and finds them by searching
 * for it, as the database is shared.
 */
@IntegrationTest
class InboxTest {

	static final String ENGLISH = "en-GB,en;q=0.9";

	static final String SWEDISH = "sv-SE,sv;q=0.9";

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	private static final Pattern ROW = Pattern.compile("<tr data-reference=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL);

	private static final Pattern NEXT = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	RequestService requests;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	String handlerEmail;

	long handlerId;

	HttpVisitor handler;

	String token;

	@BeforeEach
	void signIn() {
		this.handlerEmail = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		this.handlerId = this.jdbc.queryForObject("select id from staff_user where email = ?", Long.class,
				this.handlerEmail);
		this.handler = new HttpVisitor(this.port, ENGLISH);
		assertThat(this.handler.signIn(this.handlerEmail, TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
		this.token = "Inbox" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	@AfterEach
	void closeRequestsAndResetClock() {
		this.clock.reset();
		// Later sweeps in the same run must not trip over requests left open here.
		for (Long id : this.jdbc.queryForList("""
				select r.id from dsr_request r join data_subject s on s.id = r.data_subject_id
				where s.name like ? and r.status in ('NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT')""", Long.class,
				"%" + this.token + "%")) {
			this.requests.withdraw(id, null, Actor.SYSTEM);
		}
	}

	@Autowired
	InboxQuery inbox;

	@Test
	void quickViewsCountWhatTheirFiltersListAndMarkTheCurrentOne() {
		LocalDate today = this.clock.instant().atZone(STOCKHOLM).toLocalDate();
		InboxQuery.InboxCounts before = this.inbox.counts(this.handlerId, today);
		register(this.token + " Late", null, RequestType.ACCESS, Duration.ofDays(45));
		String mine = register(this.token + " Mine", null, RequestType.ERASURE, Duration.ofDays(2));
		this.requests.assign(id(mine), null, this.handlerId, Actor.SYSTEM);
		// Deltas: other tests' rows (and their clean-ups by SQL, which the kept counts
		// do not see until recounted) are in the same database.
		InboxQuery.InboxCounts after = this.inbox.counts(this.handlerId, today);
		assertThat(after.mine() - before.mine()).isEqualTo(1);
		assertThat(after.unassigned() - before.unassigned()).isEqualTo(1);
		assertThat(after.overdue() - before.overdue()).isEqualTo(1);
		assertThat(after.open() - before.open()).isEqualTo(2);
		assertThat(after.mine()).isEqualTo(refs("/staff/requests?assignee=mine").size());

		String page = this.handler.get("/staff/requests?assignee=mine").body();
		assertThat(page).containsPattern("id=\"view-mine\"[^>]*aria-current=\"page\"")
			.doesNotContainPattern("id=\"view-open\"[^>]*aria-current")
			.containsPattern("id=\"view-mine\"(?s:.*?)class=\"badge text-bg-light count\">1<");
		assertThat(this.handler.get("/staff/requests?overdue=true").body())
			.containsPattern("id=\"view-overdue\"[^>]*aria-current=\"page\"");
		assertThat(this.handler.get("/staff/requests?overdue=true&type=ACCESS").body())
			.doesNotContainPattern("aria-current=\"page\"");
	}

	@Test
	void sortsMostUrgentFirstAndPagesByKeysetWithoutGapsOrDuplicates() {
		// 31 requests over 10 arrival days: deadlines tie in threes, so the id breaks
		// ties.
		for (int i = 0; i < 31; i++) {
			register(this.token + " Person" + i, null, RequestType.ACCESS, Duration.ofDays(i % 10));
		}
		List<String> expected = this.jdbc.queryForList("""
				select r.reference from dsr_request r join data_subject s on s.id = r.data_subject_id
				where s.name like ? order by r.effective_deadline, r.id""", String.class, this.token + "%");
		assertThat(expected).hasSize(31);

		HttpResponse<String> first = this.handler.get("/staff/requests?q=" + this.token + "&status=NEW");
		assertThat(first.statusCode()).isEqualTo(200);
		List<String> seen = new ArrayList<>(references(first.body()));
		assertThat(seen).hasSize(InboxQuery.PAGE_SIZE);
		assertThat(first.body()).doesNotContain("id=\"first-page\"");
		String next = nextLink(first.body());
		assertThat(next).contains("q=" + this.token, "status=NEW", "after=");

		HttpResponse<String> second = this.handler.get(next);
		List<String> secondRefs = references(second.body());
		assertThat(secondRefs).hasSize(6);
		assertThat(second.body()).contains("id=\"first-page\"").doesNotContain("id=\"next-page\"");
		seen.addAll(secondRefs);
		assertThat(seen).containsExactlyElementsOf(expected);

		// The deadlines on the page (the second date of a row, after the receipt date)
		// are
		// in order, earliest first.
		List<LocalDate> deadlines = ROW.matcher(first.body())
			.results()
			.map((m) -> LocalDate
				.parse(m.group(2).replaceAll("(?s).*?\\d{4}-\\d{2}-\\d{2}.*?(\\d{4}-\\d{2}-\\d{2}).*", "$1")))
			.toList();
		assertThat(deadlines).isSorted();
	}

	@Test
	void sortsByReceiptDateEitherWayShowingWhenAndHowEachCameIn() {
		for (int i = 0; i < 31; i++) {
			register(this.token + " Person" + i, null, RequestType.ACCESS, Duration.ofDays(i % 10));
		}
		List<String> expected = this.jdbc.queryForList("""
				select r.reference from dsr_request r join data_subject s on s.id = r.data_subject_id
				where s.name like ? order by r.receipt_date desc, r.id desc""", String.class, this.token + "%");

		HttpResponse<String> first = this.handler.get("/staff/requests?q=" + this.token + "&status=NEW&sort=-received");
		assertThat(first.statusCode()).isEqualTo(200);
		List<String> seen = new ArrayList<>(references(first.body()));
		String next = nextLink(first.body());
		assertThat(next).contains("sort=-received", "after=");
		seen.addAll(references(this.handler.get(next).body()));
		assertThat(seen).containsExactlyElementsOf(expected);

		// The column says the order to a screen reader and offers the other way round.
		assertThat(first.body()).contains("aria-sort=\"descending\"", "Requests, newest received first")
			.contains("sort=received\" id=\"sort-received\"");
		String row = row(first.body(), expected.get(0));
		assertThat(row).contains(LocalDate.ofInstant(this.clock.instant(), STOCKHOLM).toString(), "Email");

		// Oldest first: the reverse, ties by id.
		List<String> oldest = references(
				this.handler.get("/staff/requests?q=" + this.token + "&status=NEW&sort=received").body());
		assertThat(oldest).containsExactlyElementsOf(this.jdbc.queryForList("""
				select r.reference from dsr_request r join data_subject s on s.id = r.data_subject_id
				where s.name like ? order by r.receipt_date, r.id limit 25""", String.class, this.token + "%"));
	}

	@Test
	@DisplayName("Art. 12(3): a paused request whose deadline has passed stays in the overdue list")
	void aPausedRequestPastItsDeadlineStaysOverdueAndIsNotDueSoon() {
		String pausedLate = register(this.token + " PausedLate", null, RequestType.ACCESS, Duration.ofDays(20));
		this.requests.pause(id(pausedLate), null, PauseGround.IDENTITY, "Your customer number", null, Actor.SYSTEM);
		String pausedInTime = register(this.token + " PausedInTime", null, RequestType.ACCESS, Duration.ofDays(1));
		this.clock.advance(Duration.ofDays(25));
		// A staff session ends 12 hours after sign-in
		// (dsr.security.session.absolute-timeout).
		assertThat(this.handler.signIn(this.handlerEmail, TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
		this.requests.pause(id(pausedInTime), null, PauseGround.IDENTITY, "Your customer number", null, Actor.SYSTEM);
		String overdue = register(this.token + " Late", null, RequestType.ACCESS, Duration.ofDays(45));

		String q = "/staff/requests?q=" + this.token;
		assertThat(refs(q + "&overdue=true")).containsExactlyInAnyOrder(pausedLate, overdue);
		assertThat(refs(q + "&dueWithin=366")).isEmpty();
		assertThat(refs(q + "&paused=true")).containsExactlyInAnyOrder(pausedLate, pausedInTime);
	}

	@Test
	void filtersByStatusTypeAssigneeOverduePausedExtendedAndDueWithin() {
		String mine = register(this.token + " Mine", "mine-" + this.token + "@example.com", RequestType.ACCESS,
				Duration.ofDays(1));
		long mineId = id(mine);
		this.requests.assign(mineId, null, this.handlerId, Actor.SYSTEM);
		String unassigned = register(this.token + " Unassigned", null, RequestType.ERASURE, Duration.ofDays(2));
		String paused = register(this.token + " Paused", null, RequestType.ACCESS, Duration.ofDays(3));
		this.requests.pause(id(paused), null, PauseGround.IDENTITY, "Waiting for proof of identity", null,
				Actor.SYSTEM);
		String extended = register(this.token + " Extended", null, RequestType.OBJECTION, Duration.ofDays(4));
		this.requests.extend(id(extended), null, 2, "Many requests at once", Actor.SYSTEM);
		// No email address: the extension counts once its notice is recorded as posted.
		this.requests.recordExtensionPosted(id(extended), null, this.requests.today(), Actor.SYSTEM);
		String overdue = register(this.token + " Overdue", null, RequestType.ACCESS, Duration.ofDays(45));
		String withdrawn = register(this.token + " Withdrawn", null, RequestType.ACCESS, Duration.ofDays(5));
		this.requests.withdraw(id(withdrawn), null, Actor.SYSTEM);

		String q = "/staff/requests?q=" + this.token;
		assertThat(refs(q)).containsExactlyInAnyOrder(mine, unassigned, paused, extended, overdue);
		assertThat(refs(q + "&status=ALL")).containsExactlyInAnyOrder(mine, unassigned, paused, extended, overdue,
				withdrawn);
		assertThat(refs(q + "&status=WITHDRAWN")).containsExactly(withdrawn);
		assertThat(refs(q + "&type=ERASURE")).containsExactly(unassigned);
		assertThat(refs(q + "&assignee=mine")).containsExactly(mine);
		assertThat(refs(q + "&assignee=" + this.handlerId)).containsExactly(mine);
		assertThat(refs(q + "&assignee=unassigned")).containsExactlyInAnyOrder(unassigned, paused, extended, overdue);
		assertThat(refs(q + "&overdue=true")).containsExactly(overdue);
		assertThat(refs(q + "&paused=true")).containsExactly(paused);
		assertThat(refs(q + "&extended=true")).containsExactly(extended);
		// Due within 40 days: the month-long deadlines, not the overdue one, not the one
		// extended by two months.
		assertThat(refs(q + "&dueWithin=40")).containsExactlyInAnyOrder(mine, unassigned);
		// Filters combine; values that do not parse are ignored rather than refused.
		assertThat(refs(q + "&type=ACCESS&assignee=unassigned")).containsExactlyInAnyOrder(paused, overdue);
		assertThat(refs(q + "&type=NOPE&dueWithin=abc&assignee=x")).hasSize(5);

		// Each row says its status, type, assignee and days left in words.
		String html = this.handler.get(q + "&status=ALL").body();
		assertThat(row(html, mine)).contains("New", "Access", "Test User").containsPattern("\\d+ days left");
		assertThat(row(html, overdue)).contains("Overdue by").contains("urgency-overdue");
		assertThat(row(html, paused)).contains("Paused, waiting for the person", "Clock paused");
		assertThat(row(html, extended)).contains("extended", "Objection");
		assertThat(row(html, withdrawn)).contains("Withdrawn", "Closed");
		assertThat(row(html, unassigned)).contains("Erasure", "Unassigned");
		assertThat(html).contains("href=\"/staff/requests/" + mineId + "\"");

		// The form shows the chosen filters again, in Swedish too.
		String filtered = this.handler.get(q + "&type=ERASURE&overdue=true&lang=sv").body();
		assertThat(filtered).contains("Förfaller inom (dagar)", "Rensa filter", "Inga ärenden matchar.");
		assertThat(Html.valueOf(filtered, "q")).hasValue(this.token);
		assertThat(filtered).containsPattern("<option value=\"ERASURE\" selected=\"selected\">");
		assertThat(Html.isChecked(filtered, "overdue", "true")).isTrue();
		assertThat(Html.isChecked(filtered, "paused", "true")).isFalse();
	}

	@Test
	void searchesByExactReferenceEmailPrefixAndPartOfTheName() {
		String anna = register("Anna " + this.token + " Åström", "Anna." + this.token + "@Example.com",
				RequestType.ACCESS, Duration.ofDays(1));
		String bo = register("Bo " + this.token, "bo." + this.token + "@example.com", RequestType.ERASURE,
				Duration.ofDays(1));

		assertThat(refs("/staff/requests?q=" + anna)).containsExactly(anna);
		assertThat(refs("/staff/requests?q=" + anna.toLowerCase())).containsExactly(anna);
		assertThat(refs("/staff/requests?q=ANNA." + this.token.toUpperCase() + "%40")).containsExactly(anna);
		assertThat(refs("/staff/requests?q=bo." + this.token + "%40example.com")).containsExactly(bo);
		assertThat(refs("/staff/requests?q=" + this.token.toLowerCase() + "+%C3%85str")).containsExactly(anna);
		assertThat(refs("/staff/requests?q=" + this.token)).containsExactlyInAnyOrder(anna, bo);
		// Wildcards typed are taken literally.
		assertThat(refs("/staff/requests?q=" + this.token + "%25")).isEmpty();
		assertThat(refs("/staff/requests?q=" + this.token.substring(0, 8) + "_")).isEmpty();
	}

	@Test
	void aCaseHandlerRegistersALetterAndIsSentToTheRequestPage() {
		Instant now = Instant.parse("2026-03-13T09:00:00Z");
		this.clock.set(now);
		Map<String, String> fields = form("2026-03-03T10:00");
		fields.put("channel", "LETTER");
		fields.put("email", "");
		// Without an email address, the letters go by post: the address is needed.
		fields.put("postalAddress", "Storgatan 1\n223 50 Lund");
		HttpResponse<String> saved = this.handler.submit("/staff/requests/new", "/staff/requests/new", fields);
		assertThat(saved.statusCode()).isEqualTo(302);
		String location = saved.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/staff/requests/\\d+");
		long id = Long.parseLong(location.replaceAll(".*/", ""));
		Map<String, Object> row = this.jdbc.queryForMap(
				"select status, channel, type, received_at, receipt_date, original_deadline from dsr_request where id = ?",
				id);
		assertThat(row.get("status")).isEqualTo("NEW");
		assertThat(row.get("channel")).isEqualTo("LETTER");
		assertThat(row.get("type")).isEqualTo("ERASURE");
		assertThat(((Timestamp) row.get("received_at")).toInstant()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
		// 3 March 2026 + one month = Good Friday 3 April; past Easter Monday: 7 April.
		assertThat(row.get("original_deadline")).hasToString("2026-04-07");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'REQUEST_RECEIVED' and target_id = ?", Integer.class,
				String.valueOf(id)))
			.isEqualTo(1);
		assertThat(this.handler.get("/staff/requests?q=" + this.token).body()).contains("2026-04-07", "25 days left");
	}

	@Test
	void refusesAFutureArrivalAMissingTypeAndABadEmailKeepingWhatWasTyped() {
		this.clock.set(Instant.parse("2026-03-13T09:00:00Z"));
		Map<String, String> fields = form("2026-03-13T10:30");
		fields.put("type", "");
		fields.put("email", "not-an-address");
		HttpResponse<String> refused = this.handler.submit("/staff/requests/new", "/staff/requests/new", fields);
		assertThat(refused.statusCode()).isEqualTo(200);
		String html = refused.body();
		assertThat(Html.textOf(html, "receivedAt-error")).hasValue("The arrival cannot be in the future.");
		assertThat(Html.textOf(html, "type-error")).hasValue("Choose what the person asks for.");
		assertThat(Html.textOf(html, "email-error")).hasValueSatisfying((t) -> assertThat(t).contains("valid email"));
		assertThat(Html.valueOf(html, "name")).hasValue(this.token + " Letter");
		assertThat(Html.valueOf(html, "email")).hasValue("not-an-address");
		assertThat(Html.valueOf(html, "receivedAt")).hasValue("2026-03-13T10:30");
		assertThat(html).contains("Please write to me at home.");
		assertThat(this.jdbc.queryForObject("select count(*) from data_subject where name like ?", Integer.class,
				this.token + "%"))
			.isZero();

		HttpVisitor swedish = new HttpVisitor(this.port, SWEDISH);
		swedish.signIn(this.handlerEmail, TestAccounts.PASSWORD);
		fields.put("receivedAt", "igår");
		fields.put("channel", "WEB");
		String sv = swedish.submit("/staff/requests/new", "/staff/requests/new", fields).body();
		assertThat(Html.textOf(sv, "receivedAt-error")).hasValue("Ange datum och tid, till exempel 2026-03-03 10:00.");
		assertThat(Html.textOf(sv, "type-error")).hasValue("Välj vad personen begär.");
		assertThat(Html.textOf(sv, "channel-error")).hasValue("Välj hur begäran kom in.");
		assertThat(Html.valueOf(sv, "receivedAt")).hasValue("igår");
	}

	@Test
	void aComplianceOfficerReadsTheInboxButCannotRegister() {
		HttpVisitor officer = new HttpVisitor(this.port, ENGLISH);
		officer.signIn(TestAccounts.create(this.accounts, Role.COMPLIANCE_OFFICER), TestAccounts.PASSWORD);
		HttpResponse<String> inbox = officer.get("/staff/requests");
		assertThat(inbox.statusCode()).isEqualTo(200);
		assertThat(inbox.body()).contains("href=\"/staff/requests\"").doesNotContain("href=\"/staff/requests/new\"");
		assertThat(officer.get("/staff/requests/new").statusCode()).isEqualTo(403);
		assertThat(officer.submit("/staff/requests", "/staff/requests/new", form("2026-03-03T10:00")).statusCode())
			.isEqualTo(403);
		assertThat(this.handler.get("/staff/requests").body()).contains("href=\"/staff/requests/new\"");
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() {
		HttpVisitor anonymous = new HttpVisitor(this.port, ENGLISH);
		for (String path : List.of("/staff/requests", "/staff/requests/new", "/staff/requests?status=ALL")) {
			HttpResponse<String> response = anonymous.get(path);
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location"))
				.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		}
	}

	private Map<String, String> form(String receivedAt) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("channel", "EMAIL");
		fields.put("receivedAt", receivedAt);
		fields.put("type", "ERASURE");
		fields.put("language", "sv");
		fields.put("name", this.token + " Letter");
		fields.put("email", this.token + "@example.com");
		fields.put("phone", "");
		fields.put("description", "Please write to me at home.");
		return fields;
	}

	private String register(String name, String email, RequestType type, Duration ago) {
		DsrRequest request = this.requests.register(new NewRequest(name, email, null, "sv", type, Channel.EMAIL,
				"From a test", this.clock.instant().minus(ago)), Actor.SYSTEM);
		return request.getReference();
	}

	private long id(String reference) {
		return this.requests.byReference(reference).getId();
	}

	private List<String> refs(String path) {
		HttpResponse<String> response = this.handler.get(path);
		assertThat(response.statusCode()).isEqualTo(200);
		return references(response.body());
	}

	private static List<String> references(String html) {
		return ROW.matcher(html).results().map((m) -> m.group(1)).toList();
	}

	private static String row(String html, String reference) {
		Matcher m = ROW.matcher(html);
		while (m.find()) {
			if (m.group(1).equals(reference)) {
				return m.group(2);
			}
		}
		throw new AssertionError("No row for " + reference);
	}

	private static String nextLink(String html) {
		Matcher m = NEXT.matcher(html);
		assertThat(m.find()).as("a next-page link").isTrue();
		return m.group(1).replace("&amp;", "&");
	}

}
