package se.dsrdesk.audit;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.request.PauseGround;
import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.TestRequests;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.Html;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The audit trail viewer against PostgreSQL: each filter and their combinations, keyset
 * pages, before and after values of changes, the request-reference filter across a
 * request's tasks and notes, the CSV export, and what never reaches the trail: a data
 * subject's personal data. The trail is shared by every test, so each test makes its own
 * actors, actions, requests or days and filters by them.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AuditTrailViewerTest {

	private static final Pattern EVENT_ID = Pattern.compile("<tr id=\"event-(\\d+)\"");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AuditLog audit;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	LocationService locations;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Nested
	class Filters {

		@Test
		void byUserShowsOnlyTheirEntries() {
			StaffPrincipal someone = principal(Role.CASE_HANDLER);
			String action = uniqueAction();
			audit.record(someone.toActor(), action, "TEST", "1", null);
			audit.record(someone.toActor(), "SIGN_IN", "STAFF_USER", someone.id(), null);
			audit.record(new Actor(null, "someone else"), action, "TEST", "2", null);
			List<Long> theirs = idsWhere("actor_id = ?", someone.id());
			assertThat(theirs).hasSize(2);

			assertThat(eventIds(page("/staff/audit?actor=" + someone.id()))).isEqualTo(theirs);
		}

		@Test
		void byNoStaffAccountShowsTheSystemAndOthers() {
			String action = uniqueAction();
			audit.record(Actor.SYSTEM, action, "TEST", "1", null);
			audit.record(principal(Role.ADMIN).toActor(), action, "TEST", "2", null);
			String html = page("/staff/audit?actor=none&action=" + action);
			assertThat(eventIds(html)).isEqualTo(idsWhere("action = ? and actor_id is null", action)).hasSize(1);
		}

		@Test
		void byActionShowsOnlyThatActionAndOffersItInTheList() {
			String action = uniqueAction();
			audit.record(Actor.SYSTEM, action, "TEST", "1", null);
			audit.record(Actor.SYSTEM, action, "TEST", "2", null);
			String html = page("/staff/audit?action=" + action);
			assertThat(eventIds(html)).isEqualTo(idsWhere("action = ?", action)).hasSize(2);
			assertThat(html).contains("<option value=\"" + action + "\" selected=\"selected\">" + action + "</option>");
			// Known actions are offered by their translated names.
			assertThat(page("/staff/audit")).contains("<option value=\"ACCOUNT_CREATED\">Account created</option>");
		}

		@Test
		void byDateRangeUsesTheControllersTimeZone() {
			String action = uniqueAction();
			// 23:30 in Stockholm on 10 June, 00:30 on 11 June, and 12 June.
			at("2019-06-10T21:30:00Z", () -> audit.record(Actor.SYSTEM, action, "TEST", "10", null));
			at("2019-06-10T22:30:00Z", () -> audit.record(Actor.SYSTEM, action, "TEST", "11", null));
			at("2019-06-12T10:00:00Z", () -> audit.record(Actor.SYSTEM, action, "TEST", "12", null));

			assertThat(targets(page("/staff/audit?action=" + action + "&from=2019-06-11&to=2019-06-11")))
				.containsExactly("11");
			assertThat(targets(page("/staff/audit?action=" + action + "&from=2019-06-11"))).containsExactly("12", "11");
			assertThat(targets(page("/staff/audit?action=" + action + "&to=2019-06-11"))).containsExactly("11", "10");
			assertThat(page("/staff/audit?action=" + action + "&from=2019-06-13")).contains("No entries match");
		}

		@Test
		void combineWithAnd() {
			StaffPrincipal one = principal(Role.ADMIN);
			StaffPrincipal other = principal(Role.ADMIN);
			String action = uniqueAction();
			at("2019-07-01T10:00:00Z", () -> {
				audit.record(one.toActor(), action, "TEST", "one-in", null);
				audit.record(other.toActor(), action, "TEST", "other-in", null);
				audit.record(one.toActor(), "SIGN_IN", "STAFF_USER", one.id(), null);
			});
			at("2019-07-05T10:00:00Z", () -> audit.record(one.toActor(), action, "TEST", "one-later", null));

			assertThat(targets(
					page("/staff/audit?actor=" + one.id() + "&action=" + action + "&from=2019-07-01&to=2019-07-02")))
				.containsExactly("one-in");
			assertThat(targets(page("/staff/audit?actor=" + one.id() + "&action=" + action)))
				.containsExactly("one-later", "one-in");
		}

		@Test
		void keepTheirValuesInTheForm() {
			String html = page("/staff/audit?action=SIGN_IN&reference=DSR-2019-000001&from=2019-01-01&to=2019-01-31");
			assertThat(Html.valueOf(html, "reference")).contains("DSR-2019-000001");
			assertThat(Html.valueOf(html, "from")).contains("2019-01-01");
			assertThat(Html.valueOf(html, "to")).contains("2019-01-31");
			assertThat(html).contains("<option value=\"SIGN_IN\" selected=\"selected\">");
		}

	}

	@Nested
	class BadInput {

		@Test
		void aMalformedDateIsNamedNextToItsFieldAndKept() {
			MvcTestResult result = get("/staff/audit?from=2026-13-01&to=yesterday", principal(Role.ADMIN), "en");
			assertThat(result).hasStatus(400);
			String html = text(result);
			assertThat(Html.textOf(html, "from-error"))
				.contains("Write the date as YYYY-MM-DD, for example 2026-03-31.");
			assertThat(Html.textOf(html, "to-error")).contains("Write the date as YYYY-MM-DD, for example 2026-03-31.");
			assertThat(Html.valueOf(html, "from")).contains("2026-13-01");
			assertThat(html).doesNotContain("id=\"audit-events\"");
		}

		@Test
		void anEndBeforeTheStartIsRefusedInSwedish() {
			MvcTestResult result = get("/staff/audit?from=2026-03-02&to=2026-03-01", principal(Role.ADMIN), "sv");
			assertThat(result).hasStatus(400);
			assertThat(Html.textOf(text(result), "to-error")).contains("Slutdatumet får inte vara före startdatumet.");
		}

		@Test
		void aMalformedReferenceOrUserIsNamed() {
			MvcTestResult result = get("/staff/audit?reference=DSR-12&actor=bobby", principal(Role.ADMIN), "en");
			assertThat(result).hasStatus(400);
			String html = text(result);
			assertThat(Html.textOf(html, "reference-error"))
				.contains("Write the reference as DSR-YYYY-NNNNNN, for example DSR-2026-000123.");
			assertThat(Html.textOf(html, "actor-error")).contains("Choose a person from the list.");
		}

		@Test
		void aBadExportIsAnsweredWithTheFormNotAFile() {
			MvcTestResult result = get("/staff/audit/export.csv?from=31/12/2026", principal(Role.ADMIN), "en");
			assertThat(result).hasStatus(400);
			assertThat(result.getResponse().getContentType()).startsWith("text/html");
		}

		@Test
		void aCursorThatDoesNotParseStartsAtTheTop() {
			assertThat(get("/staff/audit?after=yesterday,abc", principal(Role.ADMIN), "en")).hasStatusOk();
		}

	}

	@Test
	void pagesFollowEachOtherWithoutGapsOrRepeats() {
		String action = uniqueAction();
		// 120 entries, many at the same moment: the id breaks the tie.
		for (int i = 0; i < 120; i++) {
			Instant when = Instant.parse("2019-08-01T10:00:00Z").plusSeconds(i / 7);
			int n = i;
			at(when.toString(), () -> audit.record(Actor.SYSTEM, action, "TEST", String.valueOf(n), null));
		}
		List<Long> all = idsWhere("action = ?", action);
		List<Long> seen = new ArrayList<>();
		String path = "/staff/audit?action=" + action;
		int pages = 0;
		while (path != null) {
			String html = page(path);
			List<Long> ids = eventIds(html);
			assertThat(ids).hasSizeLessThanOrEqualTo(AuditQuery.PAGE_SIZE).isNotEmpty();
			seen.addAll(ids);
			pages++;
			Matcher next = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"").matcher(html);
			// The link is encoded for the browser; MockMvc encodes what it is given.
			path = next.find() ? URLDecoder.decode(next.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8) : null;
			if (pages > 1) {
				assertThat(html).contains("id=\"first-page\"");
			}
		}
		assertThat(pages).isEqualTo(3);
		assertThat(seen).isEqualTo(all);
	}

	@Nested
	class BeforeAndAfter {

		@Test
		void ofAnAccountChange() {
			StaffPrincipal admin = principal(Role.ADMIN);
			StaffUser user = accounts.create("changed-" + UUID.randomUUID() + "@example.com", "Bo Före",
					EnumSet.of(Role.CASE_HANDLER), "sv", TestAccounts.PASSWORD, Actor.SYSTEM);
			assertThat(mvc.post()
				.uri("/staff/admin/accounts/" + user.getId())
				.with(user(admin))
				.with(csrf())
				.param("email", user.getEmail())
				.param("displayName", "Bo Efter")
				.param("roles", "CASE_HANDLER", "COMPLIANCE_OFFICER")
				.param("language", "sv")
				.param("version", String.valueOf(user.getVersion()))
				.exchange()).hasStatus3xxRedirection();

			String html = page("/staff/audit?actor=" + admin.id() + "&action=ACCOUNT_UPDATED");
			String row = onlyRow(html);
			assertThat(row).contains("<dt>Roles</dt>", "[CASE_HANDLER]", "[CASE_HANDLER, COMPLIANCE_OFFICER]",
					"<dt>Name</dt>", "Bo Före", "Bo Efter");
			assertThat(row).doesNotContain("<dt>Email</dt>", "<dt>Language</dt>");
		}

		@Test
		void ofALocationChange() {
			String name = "Lönesystem " + UUID.randomUUID();
			DataLocation location = locations.create(details(name, "Två år", 24), Actor.SYSTEM);
			StaffPrincipal admin = principal(Role.ADMIN);
			locations.update(location.getId(), location.getVersion(), details(name, "Tre år", 36), admin.toActor());

			String row = onlyRow(page("/staff/audit?actor=" + admin.id() + "&action=LOCATION_UPDATED"));
			assertThat(row).contains("<dt>Retention (months)</dt>", ">24<", ">36<", "<dt>Retention</dt>",
					"sv: Två år | en: Two years", "sv: Tre år | en: Two years");
			assertThat(row).doesNotContain("<dt>Name</dt>");
		}

		@Test
		void ofARequestsAssignmentExtensionAndStatus() {
			StaffUser handler = accounts.create("handler-" + UUID.randomUUID() + "@example.com", "Ada Handläggare",
					EnumSet.of(Role.CASE_HANDLER), "sv", TestAccounts.PASSWORD, Actor.SYSTEM);
			clock.set(Instant.parse("2026-11-24T10:00:00Z"));
			DsrRequest request = register("Please send me my data.");
			Actor actor = new Actor(handler.getId(), handler.getEmail());
			requests.assign(request.getId(), null, handler.getId(), actor);
			requests.startWork(request.getId(), null, actor);
			requests.extend(request.getId(), null, 2, "Many systems to search.", actor);
			DsrRequest extended = requests.get(request.getId());

			String html = page("/staff/audit?reference=" + request.getReference());
			String assigned = rowOf(html, "REQUEST_ASSIGNED");
			assertThat(assigned).contains("<dt>Assignee</dt>", "(none)", "Ada Handläggare (#" + handler.getId() + ")");
			assertThat(rowOf(html, "REQUEST_STARTED")).contains("<dt>Status</dt>", ">New<", ">In progress<");
			String extension = rowOf(html, "REQUEST_EXTENDED");
			assertThat(extension).contains("<dt>Extension (months)</dt>", ">0<", ">2<", "<dt>Deadline</dt>",
					">" + request.getEffectiveDeadline() + "<", ">" + extended.getEffectiveDeadline() + "<");
			assertThat(extended.getEffectiveDeadline()).isAfter(request.getEffectiveDeadline());
			// The row links to the request's page.
			assertThat(extension).contains("href=\"/staff/requests/" + request.getId() + "\"");
		}

	}

	@Test
	void theReferenceFilterFindsTheRequestsTasksAndNotesAndNothingElse() {
		clock.set(Instant.parse("2026-11-24T10:00:00Z"));
		DsrRequest request = register("Erase me.");
		DsrRequest other = register("Erase me too.");
		StaffUser handler = this.accounts.create("tasks-" + UUID.randomUUID() + "@example.com", "Tage Uppgift",
				EnumSet.of(Role.CASE_HANDLER), "sv", TestAccounts.PASSWORD, Actor.SYSTEM);
		this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		this.requests.startWork(other.getId(), null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(request.getId()).get(0);
		this.tasks.assign(task.getId(), handler.getId(), Actor.SYSTEM);
		this.requests.addNote(request.getId(), "Called the customer service.", Actor.SYSTEM);

		String html = page("/staff/audit?reference=" + request.getReference().toLowerCase(Locale.ROOT));
		assertThat(actions(html)).containsExactlyInAnyOrder("REQUEST_NOTE_ADDED", "TASK_ASSIGNED",
				"LOCATION_TASKS_CREATED", "REQUEST_STARTED", "REQUEST_RECEIVED");
		assertThat(eventIds(html)).isEqualTo(idsWhere("request_id = ?", request.getId()));
		assertThat(rowOf(html, "TASK_ASSIGNED")).contains("Task " + task.getId(), "Tage Uppgift");
		assertThat(page("/staff/audit?reference=DSR-1999-000001")).contains("No entries match");
	}

	@Test
	void noPersonalDataOfTheDataSubjectReachesTheTrail() {
		clock.set(Instant.parse("2026-11-24T10:00:00Z"));
		String email = "asa-" + UUID.randomUUID() + "@exempel.se";
		DsrRequest request = this.requests.register(new NewRequest("Åsa Öberg-Ångström", email, "0701234567", "sv",
				RequestType.ERASURE, Channel.LETTER, "Radera allt om Åsa Öberg-Ångström", clock.instant()),
				Actor.SYSTEM);
		this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		this.requests.pause(request.getId(), null, PauseGround.IDENTITY, "Är du Åsa Öberg-Ångström på " + email + "?",
				null, Actor.SYSTEM);
		this.requests.resume(request.getId(), null, Actor.SYSTEM);
		this.requests.extend(request.getId(), null, 1, "Åsa Öberg-Ångström har många konton", Actor.SYSTEM);
		TestRequests.reject(this.requests, request.getId(), "Åsa Öberg-Ångström, 0701234567, begäran är ogrundad",
				Actor.SYSTEM);

		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select actor_label, details, changes, target_id from audit_event where request_id = ?",
				request.getId());
		assertThat(rows).hasSizeGreaterThanOrEqualTo(6);
		assertThat(rows.toString()).doesNotContain("Åsa", "Öberg", email, "0701234567", "Radera", "konton", "ogrundad");
		assertThat(rows.toString()).contains("AWAITING_SUBJECT", "REJECTED");
	}

	@Nested
	class CsvExport {

		@Test
		void isTheFilteredTrailWithABomSemicolonsAndCrlf() throws IOException {
			String action = uniqueAction();
			at("2019-09-01T10:00:00Z", () -> {
				audit.record(new Actor(null, "Åsa Ek"), action, "TEST", "1", "Ärendet gällde Örebro; \"citat\"");
				audit.record(Actor.SYSTEM, action, "TEST", "2", "rad ett\nrad två",
						List.of(Change.of("status", "NEW", "IN_PROGRESS")));
			});
			MvcTestResult result = get("/staff/audit/export.csv?action=" + action, principal(Role.COMPLIANCE_OFFICER),
					"sv");
			assertThat(result).hasStatusOk();
			assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
			assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
				.contains("audit-trail_");
			assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
			byte[] body = result.getResponse().getContentAsByteArray();
			assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
			String text = new String(body, StandardCharsets.UTF_8);
			assertThat(text).startsWith("\uFEFFNär;Vem;").contains(";Före → efter\r\n").endsWith("\r\n");

			List<CSVRecord> records = parse(text);
			assertThat(records.get(0).toList()).containsExactly("När", "Vem", "Vad", "Händelsekod", "Gäller (typ)",
					"Gäller (id)", "Ärende", "Detaljer", "Före → efter");
			assertThat(records).hasSize(3);
			CSVRecord newest = records.get(1);
			assertThat(newest.get(0)).isEqualTo("2019-09-01 12:00:00");
			assertThat(newest.get(5)).isEqualTo("2");
			assertThat(newest.get(7)).isEqualTo("rad ett\nrad två");
			assertThat(newest.get(8)).isEqualTo("status: NEW → IN_PROGRESS");
			CSVRecord oldest = records.get(2);
			assertThat(oldest.get(1)).isEqualTo("Åsa Ek");
			assertThat(oldest.get(3)).isEqualTo(action);
			assertThat(oldest.get(7)).isEqualTo("Ärendet gällde Örebro; \"citat\"");
		}

		@Test
		void neutralisesFormulas() throws IOException {
			String action = uniqueAction();
			at("2019-09-02T10:00:00Z", () -> {
				audit.record(new Actor(null, "=HYPERLINK(\"http://evil.example\")"), action, "TEST", "1", "+1+1");
				audit.record(new Actor(null, "@SUM(A1)"), action, "TEST", "-2", "\t=1");
			});
			List<CSVRecord> records = parse(new String(
					get("/staff/audit/export.csv?action=" + action, principal(Role.ADMIN), "en").getResponse()
						.getContentAsByteArray(),
					StandardCharsets.UTF_8));
			assertThat(records).hasSize(3);
			assertThat(records.get(1).get(1)).isEqualTo("'@SUM(A1)");
			assertThat(records.get(1).get(5)).isEqualTo("'-2");
			assertThat(records.get(1).get(7)).isEqualTo("'\t=1");
			assertThat(records.get(2).get(1)).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
			assertThat(records.get(2).get(7)).isEqualTo("'+1+1");
		}

	}

	@Nested
	class Access {

		@ParameterizedTest
		@ValueSource(strings = { "/staff/audit", "/staff/audit/export.csv" })
		void caseHandlersAreRefused(String path) {
			assertThat(get(path, principal(Role.CASE_HANDLER), "en")).hasStatus(403);
		}

		@ParameterizedTest
		@ValueSource(strings = { "COMPLIANCE_OFFICER", "ADMIN" })
		void complianceOfficersAndAdminsRead(Role role) {
			assertThat(get("/staff/audit", principal(role), "en")).hasStatusOk();
			assertThat(get("/staff/audit/export.csv?action=" + uniqueAction(), principal(role), "en")).hasStatusOk();
		}

		@Test
		void nothingCanBeSentToTheTrail() {
			assertThat(mvc.post().uri("/staff/audit").with(user(principal(Role.ADMIN))).with(csrf()).exchange())
				.hasStatus(403);
		}

	}

	DsrRequest register(String description) {
		return this.requests.register(new NewRequest("Test Person", "viewer-" + UUID.randomUUID() + "@example.com",
				null, "en", RequestType.ERASURE, Channel.EMAIL, description, this.clock.instant()), Actor.SYSTEM);
	}

	static LocationDetails details(String name, String retentionSv, int months) {
		return new LocationDetails(new LocalizedText(name, name), new LocalizedText(null, null), LocationKind.OTHER,
				null, new LocalizedText(null, null), new LocalizedText(null, null), LegalBasis.LEGITIMATE_INTEREST,
				List.of(), new LocalizedText(null, null), new LocalizedText(retentionSv, "Two years"), months,
				new LocalizedText(null, null), new LocalizedText(null, null), 12, EnumSet.of(RequestType.ACCESS));
	}

	void at(String instant, Runnable action) {
		this.clock.set(Instant.parse(instant));
		try {
			action.run();
		}
		finally {
			this.clock.reset();
		}
	}

	static String uniqueAction() {
		return "TEST_" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT).substring(0, 16);
	}

	/** The ids of the matching entries, newest first. */
	List<Long> idsWhere(String condition, Object... args) {
		return this.jdbc.queryForList(
				"select id from audit_event where " + condition + " order by occurred_at desc, id desc", Long.class,
				args);
	}

	String page(String path) {
		MvcTestResult result = get(path, principal(Role.COMPLIANCE_OFFICER), "en");
		assertThat(result).hasStatusOk();
		return text(result);
	}

	MvcTestResult get(String path, StaffPrincipal who, String language) {
		return this.mvc.get().uri(path).with(user(who)).header("Accept-Language", language).exchange();
	}

	StaffPrincipal principal(Role role) {
		return TestAccounts.signedIn(this.accounts, this.userDetailsService, role);
	}

	static List<Long> eventIds(String html) {
		List<Long> ids = new ArrayList<>();
		Matcher matcher = EVENT_ID.matcher(html);
		while (matcher.find()) {
			ids.add(Long.valueOf(matcher.group(1)));
		}
		return ids;
	}

	static List<String> actions(String html) {
		List<String> actions = new ArrayList<>();
		Matcher matcher = Pattern.compile("<tr id=\"event-\\d+\" data-action=\"([^\"]+)\"").matcher(html);
		while (matcher.find()) {
			actions.add(matcher.group(1));
		}
		return actions;
	}

	/** The target ids of the rows of entries made with {@code TEST} targets. */
	static List<String> targets(String html) {
		List<String> targets = new ArrayList<>();
		Matcher matcher = Pattern.compile("<span>TEST ([^<]*)</span>").matcher(html);
		while (matcher.find()) {
			targets.add(matcher.group(1));
		}
		return targets;
	}

	static String onlyRow(String html) {
		assertThat(eventIds(html)).hasSize(1);
		return html.substring(html.indexOf("<tr id=\"event-"), html.indexOf("</tr>", html.indexOf("<tr id=\"event-")));
	}

	static String rowOf(String html, String action) {
		int start = html.indexOf("data-action=\"" + action + "\"");
		assertThat(start).as("a row of %s", action).isPositive();
		return html.substring(start, html.indexOf("</tr>", start));
	}

	static List<CSVRecord> parse(String text) throws IOException {
		assertThat(text).startsWith("\uFEFF");
		return CSVFormat.RFC4180.builder()
			.setDelimiter(';')
			.get()
			.parse(new StringReader(text.substring(1)))
			.getRecords();
	}

	static String text(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
