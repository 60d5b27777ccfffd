package se.dsrdesk.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.account.token.ApiTokens;
import se.dsrdesk.location.RestrictionHolds;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.request.RequestRetention;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The dashboard page, the yearly report's PDF, the requests export and the dashboard's
 * API call: compliance officers and admins only, a period that makes no sense is refused
 * with a message in the reader's language, and the API answers every refusal as problem
 * details.
 */
@WebSliceTest({ DashboardController.class, DashboardApiController.class, RequestExportController.class })
class DashboardWebTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

	static final Dashboard.Period LAST_YEAR = Dashboard.lastTwelveMonths(TODAY);

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Dashboard dashboard;

	@MockitoBean
	YearlyReport report;

	@MockitoBean
	RequestExport export;

	@MockitoBean
	RequestRetention retention;

	@MockitoBean
	Outbox outbox;

	@MockitoBean
	RestrictionHolds restrictions;

	/** 2 November 2026, 10:00 in Stockholm. */
	@TestBean
	Clock clock;

	static Clock clock() {
		return Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);
	}

	@Autowired
	ApiTokens tokens;

	@BeforeEach
	void dashboardOfADayWithNothingDue() {
		given(this.dashboard.today()).willReturn(TODAY);
		given(this.dashboard.defaultPeriod()).willReturn(LAST_YEAR);
		given(this.dashboard.glance()).willReturn(new Glance(TODAY, listing(3), listing(0), listing(0), listing(0),
				listing(0), listing(0), listing(0), listing(0)));
		given(this.dashboard.figures(any(), any()))
			.willAnswer((call) -> figures(call.getArgument(0), call.getArgument(1)));
		given(this.retention.period()).willReturn(Period.ofYears(3));
		given(this.retention.dueWithin(30)).willReturn(4L);
		given(this.restrictions.active(anyInt())).willReturn(new RestrictionHolds.Active(List.of(), 0));
		given(this.dashboard.authorityUnchecked()).willReturn(listing(0));
	}

	static <T> Glance.Listing<T> listing(long count) {
		return new Glance.Listing<>(count, List.of());
	}

	static Figures figures(LocalDate from, LocalDate to) {
		return new Figures(from, to, List.of(), Map.of(), 12, 10, 9, new DaysToAnswer(Map.of(5, 6L, 20, 4L)), Map.of(),
				0, 1, 0);
	}

	@Nested
	class Page {

		@Test
		void isForComplianceOfficersAndAdmins() {
			assertThat(DashboardWebTest.this.mvc.get()
				.uri("/staff/dashboard")
				.with(user(TestAccounts.principal(2, Role.CASE_HANDLER)))).hasStatus(403);
			assertThat(DashboardWebTest.this.mvc.get()
				.uri("/staff/dashboard")
				.with(user(TestAccounts.principal(3, Role.ADMIN)))).hasStatusOk();
			assertThat(DashboardWebTest.this.mvc.get().uri("/staff/dashboard").accept(MediaType.TEXT_HTML))
				.hasRedirectedUrl("/login");
		}

		@Test
		@DisplayName("Art. 12(2), EDPB Guidelines 01/2022: requests whose representative's authority is not checked are listed, with a link")
		void listsRequestsWhoseRepresentativeIsNotChecked() throws Exception {
			given(DashboardWebTest.this.dashboard.authorityUnchecked()).willReturn(new Glance.Listing<>(1,
					List.of(new Glance.RequestItem(77, "DSR-2026-000077", se.dsrdesk.request.RequestType.ACCESS,
							se.dsrdesk.request.RequestStatus.IN_PROGRESS, TODAY.plusDays(10), 10, 0, null))));
			MvcTestResult page = DashboardWebTest.this.mvc.get()
				.uri("/staff/dashboard")
				.with(user(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER)))
				.exchange();
			assertThat(page).hasStatusOk().bodyText().contains("authority not checked", "DSR-2026-000077");
			assertThat(page.getResponse().getContentAsString()).contains("id=\"authority-table\"",
					"data-reference=\"DSR-2026-000077\"");
		}

		@Test
		void aBannerSaysHowManyMailsCouldNotBeSentAndLinksToThem() throws Exception {
			assertThat(DashboardWebTest.this.mvc.get()
				.uri("/staff/dashboard")
				.with(user(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER)))).bodyText()
				.doesNotContain("could not be sent");
			given(DashboardWebTest.this.outbox.failedCount()).willReturn(2L);
			MvcTestResult page = DashboardWebTest.this.mvc.get()
				.uri("/staff/dashboard")
				.with(user(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER)))
				.exchange();
			assertThat(page).hasStatusOk().bodyText().contains("2 mails could not be sent.", "See failed mail");
			assertThat(page.getResponse().getContentAsString()).contains("href=\"/staff/mail/failed\"");
		}

		@Test
		void showsHowManyClosedRequestsArePurgedInTheNextThirtyDays() {
			MvcTestResult page = DashboardWebTest.this.mvc.get()
				.uri("/staff/dashboard")
				.with(user(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER)))
				.header("Accept-Language", "sv")
				.exchange();
			assertThat(page).hasStatusOk().model().containsEntry("purgeDueSoon", 4L);
			assertThat(page).bodyText()
				.contains("Avslutade ärenden som gallras inom 30 dagar", "raderas 3 år efter att det avslutades");
		}

		@Test
		void showsTheLastTwelveMonthsByDefault() {
			MvcTestResult page = DashboardWebTest.this.mvc.get()
				.uri("/staff/dashboard")
				.with(user(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER)))
				.exchange();
			assertThat(page).hasStatusOk().hasViewName("dashboard/dashboard");
			assertThat(page).model()
				.containsEntry("fromText", "2025-12-01")
				.containsEntry("toText", "2026-11-02")
				.containsEntry("csvLink", "/staff/exports/requests.csv?from=2025-12-01&to=2026-11-02");
			then(DashboardWebTest.this.dashboard).should().figures(LAST_YEAR.from(), LAST_YEAR.to());
		}

		@Test
		void refusesAReversedPeriodAndKeepsWhatWasTyped() {
			MvcTestResult page = DashboardWebTest.this.mvc.get()
				.uri("/staff/dashboard?from=2026-06-01&to=2026-01-01")
				.with(user(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER)))
				.header("Accept-Language", "sv")
				.exchange();
			assertThat(page).hasStatusOk();
			assertThat(page).model().containsEntry("fromText", "2026-06-01").containsEntry("toText", "2026-01-01");
			assertThat(page).bodyText().contains("Perioden slutar innan den börjar.");
			then(DashboardWebTest.this.dashboard).should().figures(LAST_YEAR.from(), LAST_YEAR.to());
		}

		@Test
		void refusesADateThatDoesNotParse() {
			assertThat(DashboardWebTest.this.mvc.get()
				.uri("/staff/dashboard?from=1/2/2026")
				.with(user(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER)))
				.header("Accept-Language", "en")).bodyText().contains("Give the dates as YYYY-MM-DD");
		}

		@Test
		void theYearlyReportIsAPdfToDownload() {
			given(DashboardWebTest.this.report.pdf(2024, Locale.ENGLISH)).willReturn("%PDF-1.7".getBytes());
			MvcTestResult pdf = DashboardWebTest.this.mvc.get()
				.uri("/staff/dashboard/report.pdf?year=2024")
				.with(user(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER)))
				.header("Accept-Language", "en")
				.exchange();
			assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
			assertThat(pdf).headers().hasValue("Content-Disposition", "attachment; filename=\"dsr-report-2024.pdf\"");
			assertThat(pdf).body().asString().isEqualTo("%PDF-1.7");
		}

		@Test
		void aYearOutOfRangeGivesThisYearsReport() {
			given(DashboardWebTest.this.report.pdf(2026, Locale.ENGLISH)).willReturn("%PDF-1.7".getBytes());
			assertThat(DashboardWebTest.this.mvc.get()
				.uri("/staff/dashboard/report.pdf?year=1999")
				.with(user(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER)))
				.header("Accept-Language", "en")).headers()
				.hasValue("Content-Disposition", "attachment; filename=\"dsr-report-2026.pdf\"");
		}

	}

	@Nested
	class Export {

		@Test
		void isForComplianceOfficersAndAdminsAndOnlyToRead() {
			assertThat(DashboardWebTest.this.mvc.get()
				.uri("/staff/exports")
				.with(user(TestAccounts.principal(2, Role.CASE_HANDLER)))).hasStatus(403);
			assertThat(DashboardWebTest.this.mvc.post()
				.uri("/staff/exports/requests.csv")
				.with(user(TestAccounts.principal(3, Role.ADMIN, Role.COMPLIANCE_OFFICER)))
				.with(csrf())).hasStatus(403);
		}

		@Test
		void offersTheLastTwelveMonths() {
			MvcTestResult page = DashboardWebTest.this.mvc.get()
				.uri("/staff/exports")
				.with(user(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER)))
				.exchange();
			assertThat(page).hasStatusOk().hasViewName("exports/requests");
			// The dashboard's "last 12 months": from the first of the month eleven months
			// ago.
			assertThat(Dashboard.lastTwelveMonths(TODAY).from()).isEqualTo(LocalDate.of(2025, 12, 1));
			assertThat(page).bodyText().contains("value=\"2025-12-01\"", "value=\"2026-11-02\"");
		}

		@Test
		void writesThePeriodsRequestsAsCsv() throws Exception {
			MvcTestResult csv = DashboardWebTest.this.mvc.get()
				.uri("/staff/exports/requests.csv?from=2026-01-01&to=2026-06-30")
				.with(user(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER)))
				.header("Accept-Language", "sv")
				.exchange();
			assertThat(csv).hasStatusOk();
			assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
			assertThat(csv.getResponse().getHeader("Content-Disposition"))
				.contains("requests_2026-01-01_2026-06-30.csv");
			then(DashboardWebTest.this.export).should()
				.write(eq(LocalDate.of(2026, 1, 1)), eq(LocalDate.of(2026, 6, 30)), eq(Locale.forLanguageTag("sv")),
						any());
		}

		@Test
		void aReversedPeriodIsNamedAndNothingIsExported() throws Exception {
			MvcTestResult page = DashboardWebTest.this.mvc.get()
				.uri("/staff/exports/requests.csv?from=2026-06-30&to=2026-01-01")
				.with(user(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER)))
				.header("Accept-Language", "sv")
				.exchange();
			assertThat(page).hasStatus(400).hasViewName("exports/requests");
			assertThat(page).bodyText().contains("Slutdatumet får inte vara före startdatumet.");
			then(DashboardWebTest.this.export).should(never()).write(any(), any(), any(), any());
		}

	}

	@Nested
	class Api {

		static final String TOKEN = "dsr_test-token";

		/** {@code dsr.api.auth-failures-per-hour}'s default. */
		static final int DEFAULT_FAILURES_PER_HOUR = 60;

		static RequestPostProcessor from(String address) {
			return (request) -> {
				request.setRemoteAddr(address);
				return request;
			};
		}

		void tokenOf(StaffPrincipal principal) {
			given(DashboardWebTest.this.tokens.authenticate(TOKEN)).willReturn(Optional.of(principal));
		}

		@Test
		void withoutCredentialsAsksForThemInTheCallersLanguage() {
			MvcTestResult result = DashboardWebTest.this.mvc.get()
				.uri("/api/v1/dashboard")
				.header("Accept-Language", "sv")
				.exchange();
			assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result.getResponse().getHeaders("WWW-Authenticate"))
				.containsExactly("Bearer realm=\"DSR Desk API\"", "Basic realm=\"DSR Desk API\", charset=\"UTF-8\"");
			assertThat(result).bodyJson()
				.extractingPath("$.type")
				.isEqualTo("tag:dsrdesk.se,2026:problem:unauthenticated");
			assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Inloggning krävs");
			assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/v1/dashboard");
		}

		@Test
		void anUnknownTokenIsRefused() {
			given(DashboardWebTest.this.tokens.authenticate(anyString())).willReturn(Optional.empty());
			MvcTestResult result = DashboardWebTest.this.mvc.get()
				.uri("/api/v1/dashboard")
				.header("Authorization", "Bearer dsr_unknown")
				.exchange();
			assertThat(result).hasStatus(401);
			assertThat(result.getResponse().getHeaders("WWW-Authenticate"))
				.contains("Bearer realm=\"DSR Desk API\", error=\"invalid_token\"");
			assertThat(result).bodyJson()
				.extractingPath("$.type")
				.isEqualTo("tag:dsrdesk.se,2026:problem:bad-credentials");
		}

		@Test
		void aCaseHandlersTokenMayNotReadTheCounts() {
			tokenOf(TestAccounts.principal(2, Role.CASE_HANDLER));
			MvcTestResult result = DashboardWebTest.this.mvc.get()
				.uri("/api/v1/dashboard")
				.header("Authorization", "Bearer " + TOKEN)
				.header("Accept-Language", "en")
				.exchange();
			assertThat(result).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Your roles do not allow this call.");
			then(DashboardWebTest.this.dashboard).should(never()).glance();
		}

		@Test
		void aComplianceOfficersTokenReadsTheCountsWithoutASession() {
			tokenOf(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER));
			MvcTestResult result = DashboardWebTest.this.mvc.get()
				.uri("/api/v1/dashboard?from=2026-01-01&to=2026-06-30")
				.header("Authorization", "Bearer " + TOKEN)
				.exchange();
			assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
			assertThat(result).bodyJson().extractingPath("$.attention.overdue").isEqualTo(3);
			assertThat(result).bodyJson().extractingPath("$.period.from").isEqualTo("2026-01-01");
			assertThat(result).bodyJson().extractingPath("$.period.answeredLate").isEqualTo(1);
			assertThat(result.getRequest().getSession(false)).isNull();
			assertThat(result.getResponse().getCookies()).isEmpty();
			assertThat(result).headers()
				.hasValue("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
		}

		@Test
		void anAddressThatFailsTooOftenIsRefusedBeforeItsCredentialsAreChecked() {
			given(DashboardWebTest.this.tokens.authenticate(anyString())).willReturn(Optional.empty());
			for (int i = 0; i < DEFAULT_FAILURES_PER_HOUR; i++) {
				assertThat(DashboardWebTest.this.mvc.get()
					.uri("/api/v1/dashboard")
					.with(from("192.0.2.7"))
					.header("Authorization", "Bearer dsr_guess-" + i)).hasStatus(401);
			}
			tokenOf(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER));
			MvcTestResult blocked = DashboardWebTest.this.mvc.get()
				.uri("/api/v1/dashboard")
				.with(from("192.0.2.7"))
				.header("Authorization", "Bearer " + TOKEN)
				.header("Accept-Language", "en")
				.exchange();
			assertThat(blocked).hasStatus(429);
			assertThat(blocked).headers().containsHeader("Retry-After");
			assertThat(blocked).bodyJson()
				.extractingPath("$.type")
				.isEqualTo("tag:dsrdesk.se,2026:problem:too-many-failures");
			// Another address is not affected.
			assertThat(DashboardWebTest.this.mvc.get()
				.uri("/api/v1/dashboard")
				.with(from("192.0.2.8"))
				.header("Authorization", "Bearer " + TOKEN)).hasStatusOk();
		}

		@Test
		void aReversedPeriodIsBadInputNamedInTheCallersLanguage() {
			tokenOf(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER));
			MvcTestResult result = DashboardWebTest.this.mvc.get()
				.uri("/api/v1/dashboard?from=2026-06-30&to=2026-01-01")
				.header("Authorization", "Bearer " + TOKEN)
				.header("Accept-Language", "sv")
				.exchange();
			assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson()
				.extractingPath("$.type")
				.isEqualTo("tag:dsrdesk.se,2026:problem:invalid-request");
			assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("to");
			assertThat(result).bodyJson()
				.extractingPath("$.errors[0].message")
				.isEqualTo("Perioden slutar innan den börjar.");
		}

		@Test
		void aDateThatDoesNotParseIsBadInputInThatField() {
			tokenOf(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER));
			MvcTestResult result = DashboardWebTest.this.mvc.get()
				.uri("/api/v1/dashboard?from=31/01/2026")
				.header("Authorization", "Bearer " + TOKEN)
				.header("Accept-Language", "en")
				.exchange();
			assertThat(result).hasStatus(400);
			assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
			assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("Choose one of the options.");
		}

		@Test
		void onlyReadingIsAllowed() {
			tokenOf(TestAccounts.principal(4, Role.COMPLIANCE_OFFICER, Role.ADMIN, Role.CASE_HANDLER));
			assertThat(DashboardWebTest.this.mvc.post()
				.uri("/api/v1/dashboard")
				.header("Authorization", "Bearer " + TOKEN)).hasStatus(403);
		}

	}

}
