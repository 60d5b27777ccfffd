package se.dsrdesk.dashboard;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The CSV export of requests for a period, against PostgreSQL: what each column says, in
 * the reader's language, that it opens in Excel (BOM, semicolons, CRLF) and holds no
 * personal data, who may have it, and what a bad period gets. Requests are received in
 * January 2018, a period no other test uses.
 */
@IntegrationTest
@AutoConfigureMockMvc
class RequestExportTest {

	private static final String PERIOD = "from=2018-01-01&to=2018-01-31";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	MutableClock clock;

	static DsrRequest completed;

	static DsrRequest rejectedLate;

	static DsrRequest extendedOpen;

	static DsrRequest withdrawn;

	static DsrRequest outside;

	@BeforeEach
	void receiveRequestsInJanuary2018() {
		if (completed != null) {
			return;
		}
		this.clock.set(Instant.parse("2018-02-01T08:00:00Z"));
		completed = receive(RequestType.ACCESS, Channel.LETTER, "2018-01-02T10:00:00Z");
		rejectedLate = receive(RequestType.ERASURE, Channel.EMAIL, "2018-01-03T08:00:00Z");
		extendedOpen = receive(RequestType.RECTIFICATION, Channel.PHONE, "2018-01-31T22:30:00Z");
		withdrawn = receive(RequestType.OBJECTION, Channel.IN_PERSON, "2018-01-01T00:30:00Z");
		outside = receive(RequestType.ACCESS, Channel.EMAIL, "2017-12-31T22:30:00Z");
		this.clock.set(Instant.parse("2018-02-01T09:00:00Z"));
		this.requests.startWork(completed.getId(), null, Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, completed.getId());
		TestRequests.complete(this.requests, completed.getId(), Actor.SYSTEM);
		this.requests.startWork(extendedOpen.getId(), null, Actor.SYSTEM);
		this.requests.extend(extendedOpen.getId(), null, 2, "Many systems.", Actor.SYSTEM);
		this.requests.withdraw(withdrawn.getId(), null, Actor.SYSTEM);
		// Well after its deadline (about 5 February).
		this.clock.set(Instant.parse("2018-03-01T09:00:00Z"));
		TestRequests.reject(this.requests, rejectedLate.getId(), "Unfounded.", Actor.SYSTEM);
		extendedOpen = this.requests.get(extendedOpen.getId());
		completed = this.requests.get(completed.getId());
		rejectedLate = this.requests.get(rejectedLate.getId());
		this.clock.reset();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void hasOneRowPerRequestOfThePeriodInReceiptOrderInSwedish() throws IOException {
		MvcTestResult result = get("/staff/exports/requests.csv?" + PERIOD, principal(Role.COMPLIANCE_OFFICER), "sv");
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"requests_2018-01-01_2018-01-31.csv\"");
		assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
		byte[] body = result.getResponse().getContentAsByteArray();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text.split("\r\n", -1)).hasSize(6).endsWith("");
		assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");

		List<CSVRecord> records = parse(text);
		assertThat(records.get(0).toList()).containsExactly("Ärendenummer", "Typ", "Kanal", "Inkom", "Sista dag",
				"Förlängt (månader)", "Avslutat", "Utfall", "I tid");
		assertThat(records.subList(1, records.size())).extracting((r) -> r.get(0))
			.containsExactly(withdrawn.getReference(), completed.getReference(), rejectedLate.getReference(),
					extendedOpen.getReference());
		assertThat(records.get(1).toList()).containsExactly(withdrawn.getReference(), "Invändning", "Personligt besök",
				"2018-01-01", withdrawn.getEffectiveDeadline().toString(), "", "2018-02-01", "Återkallat", "");
		assertThat(records.get(2).toList()).containsExactly(completed.getReference(), "Tillgång (registerutdrag)",
				"Brev", "2018-01-02", completed.getEffectiveDeadline().toString(), "", "2018-02-01", "Avslutat", "ja");
		assertThat(records.get(3).get(7)).isEqualTo("Avslaget");
		assertThat(records.get(3).get(6)).isEqualTo("2018-03-01");
		assertThat(records.get(3).get(8)).isEqualTo("nej");
		// Received at 23:30 on 31 January in Stockholm.
		assertThat(records.get(4).toList()).containsExactly(extendedOpen.getReference(), "Rättelse", "Telefon",
				"2018-01-31", extendedOpen.getEffectiveDeadline().toString(), "2", "", "Pågår", "");
		assertThat(text).doesNotContain("Åsa", "Öberg", "@exempel.se");
	}

	@Test
	void speaksEnglishToEnglishReaders() throws IOException {
		List<CSVRecord> records = parse(
				new String(get("/staff/exports/requests.csv?" + PERIOD, principal(Role.ADMIN), "en").getResponse()
					.getContentAsByteArray(), StandardCharsets.UTF_8));
		assertThat(records.get(0).toList()).containsExactly("Reference", "Type", "Channel", "Received", "Deadline",
				"Extended (months)", "Closed", "Outcome", "On time");
		assertThat(records.get(2).toList()).containsSubsequence("Access", "Letter", "Completed", "yes");
		assertThat(records.get(4).get(7)).isEqualTo("Open");
	}

	@Test
	void coversTheLastTwelveMonthsByDefault() {
		this.clock.set(Instant.parse("2026-06-15T10:00:00Z"));
		MvcTestResult result = get("/staff/exports/requests.csv", principal(Role.ADMIN), "en");
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.contains("requests_2025-07-01_2026-06-15.csv");
		String form = text(get("/staff/exports", principal(Role.ADMIN), "en"));
		assertThat(Html.valueOf(form, "from")).contains("2025-07-01");
		assertThat(Html.valueOf(form, "to")).contains("2026-06-15");
	}

	@Nested
	class BadPeriod {

		@Test
		void aDateThatDoesNotExistIsNamedOnTheForm() {
			MvcTestResult result = get("/staff/exports/requests.csv?from=2018-02-30&to=2018-03-31",
					principal(Role.ADMIN), "sv");
			assertThat(result).hasStatus(400);
			String html = text(result);
			assertThat(Html.textOf(html, "from-error"))
				.contains("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-31.");
			assertThat(Html.valueOf(html, "from")).contains("2018-02-30");
			assertThat(Html.valueOf(html, "to")).contains("2018-03-31");
		}

		@Test
		void anEndBeforeTheStartIsNamedOnTheForm() {
			MvcTestResult result = get("/staff/exports/requests.csv?from=2018-03-01&to=2018-01-31",
					principal(Role.ADMIN), "en");
			assertThat(result).hasStatus(400);
			assertThat(Html.textOf(text(result), "to-error"))
				.contains("The end date must not be before the start date.");
		}

	}

	@Nested
	class Access {

		@ParameterizedTest
		@ValueSource(strings = { "/staff/exports", "/staff/exports/requests.csv?" + PERIOD })
		void caseHandlersAreRefused(String path) {
			assertThat(get(path, principal(Role.CASE_HANDLER), "en")).hasStatus(403);
		}

		@ParameterizedTest
		@ValueSource(strings = { "COMPLIANCE_OFFICER", "ADMIN" })
		void complianceOfficersAndAdminsExport(Role role) {
			assertThat(get("/staff/exports", principal(role), "en")).hasStatusOk();
			assertThat(get("/staff/exports/requests.csv?" + PERIOD, principal(role), "en")).hasStatusOk();
		}

		@Test
		void anonymousVisitorsAreSentToSignIn() {
			MvcTestResult result = RequestExportTest.this.mvc.get().uri("/staff/exports/requests.csv").exchange();
			assertThat(result).hasStatus3xxRedirection();
		}

	}

	DsrRequest receive(RequestType type, Channel channel, String receivedAt) {
		return this.requests.register(new NewRequest("Åsa Öberg", "asa-" + UUID.randomUUID() + "@exempel.se", null,
				"sv", type, channel, "Beskrivning", Instant.parse(receivedAt)), Actor.SYSTEM);
	}

	MvcTestResult get(String path, StaffPrincipal who, String language) {
		return this.mvc.get().uri(path).with(user(who)).header("Accept-Language", language).exchange();
	}

	StaffPrincipal principal(Role role) {
		return TestAccounts.signedIn(this.accounts, this.userDetailsService, role);
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
