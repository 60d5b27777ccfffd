package se.dsrdesk.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The audit trail viewer: compliance officers and admins read it and nobody writes to it,
 * filters that do not parse are named in the reader's language and list nothing, the next
 * page keeps the filters, and the export is a CSV file with translated headings.
 */
@WebSliceTest(AuditController.class)
@Import(AuditWords.class)
class AuditTrailPageTest {

	static final StaffPrincipal OFFICER = TestAccounts.principal(3, Role.COMPLIANCE_OFFICER);

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	static final AuditQuery.AuditRow CREATED = new AuditQuery.AuditRow(41, Instant.parse("2026-03-02T09:15:00Z"),
			"Admin Person", "ACCOUNT_CREATED", "STAFF_USER", "7", "Test User 7", null, null,
			List.of(Change.of("email", null, "user-7@example.com")));

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AuditQuery query;

	@BeforeEach
	void actionsAndStaff() {
		given(this.query.actions()).willReturn(List.of("ACCOUNT_CREATED"));
		given(this.query.staff()).willReturn(List.of(new AuditQuery.StaffOption(1, "Admin Person")));
	}

	@Test
	void isForComplianceOfficersAndAdmins() {
		given(this.query.page(any(), any())).willReturn(new AuditQuery.AuditPage(List.of(), false));
		assertThat(this.mvc.get().uri("/staff/audit").with(user(TestAccounts.principal(2, Role.CASE_HANDLER))))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/staff/audit").with(user(OFFICER))).hasStatusOk().hasViewName("audit/list");
		assertThat(this.mvc.get().uri("/staff/audit").with(user(TestAccounts.principal(4, Role.ADMIN)))).hasStatusOk();
	}

	@Test
	void nothingCanBeSentToIt() {
		assertThat(this.mvc.post()
			.uri("/staff/audit")
			.with(user(TestAccounts.principal(4, Role.ADMIN, Role.COMPLIANCE_OFFICER)))
			.with(csrf())).hasStatus(403);
	}

	@Test
	void listsTheRowsAndLinksTheNextPageWithTheSameFilters() {
		given(this.query.page(any(), any())).willReturn(new AuditQuery.AuditPage(List.of(CREATED), true));
		MvcTestResult page = this.mvc.get()
			.uri("/staff/audit?action=ACCOUNT_CREATED&from=2026-03-01")
			.with(user(OFFICER))
			.header("Accept-Language", "en")
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText().contains("Admin Person", "user-7@example.com");
		assertThat(page).model()
			.extractingByKey("nextPage")
			.asString()
			.startsWith("/staff/audit?action=ACCOUNT_CREATED&from=2026-03-01&after=");
		assertThat(page).model()
			.containsEntry("exportLink", "/staff/audit/export.csv?action=ACCOUNT_CREATED&from=2026-03-01");
	}

	@Test
	void filtersThatDoNotParseAreNamedAndNothingIsListed() {
		MvcTestResult page = this.mvc.get()
			.uri("/staff/audit?reference=123&from=2026-05-01&to=2026-04-01")
			.with(user(OFFICER))
			.header("Accept-Language", "sv")
			.exchange();
		assertThat(page).hasStatus(400).hasViewName("audit/list");
		assertThat(page).model().extractingBindingResult("filter").hasFieldErrors("reference", "to");
		assertThat(page).bodyText().contains("DSR-ÅÅÅÅ-NNNNNN").doesNotContain("Admin Person</td>");
		then(this.query).should(never()).page(any(), any());
	}

	@Test
	void exportsTheSelectionAsCsvWithTranslatedHeadings() {
		willAnswer((call) -> {
			Consumer<AuditQuery.AuditRow> each = call.getArgument(2);
			each.accept(CREATED);
			return null;
		}).given(this.query).export(any(), any(), any());
		MvcTestResult csv = this.mvc.get()
			.uri("/staff/audit/export.csv?action=ACCOUNT_CREATED")
			.with(user(OFFICER))
			.header("Accept-Language", "sv")
			.exchange();
		assertThat(csv).hasStatusOk();
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		assertThat(csv.getResponse().getHeader("Content-Disposition"))
			.matches(".*audit-trail_\\d{4}-\\d{2}-\\d{2}\\.csv.*");
		assertThat(csv).body()
			.asString()
			.contains("När;Vem;Vad;Händelsekod")
			.contains("2026-03-02 10:15:00;Admin Person;Konto skapat;ACCOUNT_CREATED")
			.contains("email: – → user-7@example.com");
		then(this.query).should().export(any(), any(), any());
	}

}
