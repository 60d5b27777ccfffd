package se.dsrdesk.location;

import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.Html;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The register of data locations through its pages: admins create, edit and deactivate
 * locations, with translated messages next to the fields and nothing typed lost; every
 * staff user reads the register; nobody deletes a location.
 */
@IntegrationTest
@AutoConfigureMockMvc
class LocationRegisterTest {

	static final String ENGLISH = "en-GB,en;q=0.9";

	static final String SWEDISH = "sv-SE,sv;q=0.9";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	JdbcTemplate jdbc;

	@Nested
	class Reading {

		@Test
		void everyStaffRoleReadsTheSeededRegisterInItsLanguage() {
			for (Role role : Role.values()) {
				StaffPrincipal reader = signedIn(role);
				String english = html(get(reader, "/staff/locations", ENGLISH));
				assertThat(english).contains("Mailchimp newsletter list", "Email conversations", "Internal documents",
						"Bookkeeping records");
				String swedish = html(get(reader, "/staff/locations", SWEDISH));
				assertThat(swedish).contains("Nyhetsbrevslistan i Mailchimp", "E-postkonversationer",
						"Interna dokument", "Bokföringsunderlag");
			}
		}

		@Test
		void theDetailPageShowsTheProcessorItsCountryAndTheSafeguard() {
			long id = seeded("Mailchimp newsletter list");
			String html = html(get(signedIn(Role.CASE_HANDLER), "/staff/locations/" + id, ENGLISH));
			assertThat(Html.textOf(html, "location-recipients")).hasValueSatisfying((text) -> assertThat(text)
				.contains("Mailchimp (Intuit Inc.)", "Processor", "USA", "EU–US Data Privacy Framework"));
			assertThat(html).doesNotContain("/staff/locations/" + id + "/edit");
		}

		@Test
		void bookkeepingCitesTheBookkeepingActAndDoesNotApplyToObjections() {
			long id = seeded("Bookkeeping records");
			String html = html(get(signedIn(Role.COMPLIANCE_OFFICER), "/staff/locations/" + id, SWEDISH));
			assertThat(html).contains("bokföringslagen 7 kap. 2 §");
			assertThat(this.types(id)).containsExactlyInAnyOrder("ACCESS", "ERASURE", "RECTIFICATION", "RESTRICTION");
		}

		@Test
		@org.junit.jupiter.api.DisplayName("Art. 15(1)(c), Art. 21(3), Art. 45, BFL 7 kap. 2 §: the seeded register names "
				+ "the mail provider as processor, has contact details, marks Mailchimp as direct marketing on consent")
		void theSeededDefaultsMatchThePolicy() {
			StaffPrincipal reader = signedIn(Role.CASE_HANDLER);
			String mailbox = html(get(reader, "/staff/locations/" + seeded("Email conversations"), ENGLISH));
			assertThat(mailbox).contains("mail provider", "Processor",
					"Mail conversations are reviewed once a year, when mails containing personal data are deleted.");
			String contacts = html(get(reader,
					"/staff/locations/" + seeded("Contact details (phone, text messages and post)"), ENGLISH));
			assertThat(contacts).contains("phone number", "postal address").contains("Legitimate interest");
			assertThat(LocationRegisterTest.this.jdbc.queryForMap(
					"select direct_marketing, legal_basis from data_location where name_en = 'Mailchimp newsletter list'"))
				.containsEntry("direct_marketing", true)
				.containsEntry("legal_basis", "CONSENT");
			String mailchimp = html(get(reader, "/staff/locations/" + seeded("Mailchimp newsletter list"), SWEDISH));
			assertThat(mailchimp).contains("beslut om adekvat skyddsnivå enligt artikel 45");
			String bookkeeping = html(get(reader, "/staff/locations/" + seeded("Bookkeeping records"), ENGLISH));
			assertThat(Html.textOf(bookkeeping, "retention-rule"))
				.hasValueSatisfying((text) -> assertThat(text).contains("Bookkeeping Act ch. 7 s. 2"));
		}

		java.util.List<String> types(long id) {
			return LocationRegisterTest.this.jdbc.queryForList(
					"select request_type from data_location_request_type where location_id = ?", String.class, id);
		}

		@Test
		void anUnknownLocationIsNotFound() {
			assertThat(get(signedIn(Role.CASE_HANDLER), "/staff/locations/999999999", ENGLISH)).hasStatus(404);
		}

	}

	@Nested
	class AccessRules {

		@ParameterizedTest
		@ValueSource(strings = { "/staff/locations", "/staff/locations/new", "/staff/tasks" })
		void anonymousVisitorsAreSentToSignIn(String path) {
			MvcTestResult result = LocationRegisterTest.this.mvc.get().uri(path).accept(MediaType.TEXT_HTML).exchange();
			assertThat(result).hasStatus3xxRedirection();
			assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
		}

		@Test
		void caseHandlersAndComplianceOfficersCannotChangeTheRegister() {
			long id = seeded("Internal documents");
			for (Role role : new Role[] { Role.CASE_HANDLER, Role.COMPLIANCE_OFFICER }) {
				StaffPrincipal user = signedIn(role);
				assertThat(get(user, "/staff/locations/new", ENGLISH)).hasStatus(403);
				assertThat(get(user, "/staff/locations/" + id + "/edit", ENGLISH)).hasStatus(403);
				assertThat(post(user, "/staff/locations/" + id + "/deactivate").exchange()).hasStatus(403);
				assertThat(fill(post(user, "/staff/locations"), "Sneaky", "Smygande").exchange()).hasStatus(403);
			}
			assertThat(active(id)).isTrue();
		}

		@Test
		void complianceOfficersReadTasksButDoNotWorkThemAndAnAdminAloneDoesNeither() {
			StaffPrincipal officer = signedIn(Role.COMPLIANCE_OFFICER);
			assertThat(get(officer, "/staff/tasks", ENGLISH)).hasStatusOk();
			assertThat(post(officer, "/staff/tasks/999999999").param("outcome", "NOT_FOUND").exchange()).hasStatus(403);
			assertThat(get(signedIn(Role.ADMIN), "/staff/tasks", ENGLISH)).hasStatus(403);
		}

		@Test
		void thereIsNoWayToDeleteALocation() {
			long id = seeded("Internal documents");
			StaffPrincipal admin = signedIn(Role.ADMIN);
			assertThat(LocationRegisterTest.this.mvc.delete()
				.uri("/staff/locations/" + id)
				.with(user(admin))
				.with(csrf())
				.exchange()
				.getResponse()
				.getStatus()).isIn(403, 405);
			assertThat(html(get(admin, "/staff/locations/" + id, ENGLISH))).doesNotContain("/delete", "_method")
				.contains("/staff/locations/" + id + "/deactivate");
		}

	}

	@Nested
	class Changing {

		@Test
		void anAdminCreatesALocationAndTheCreationIsAudited() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String name = "CRM " + UUID.randomUUID();
			MvcTestResult result = fill(post(admin, "/staff/locations"), name, name + " sv")
				.param("ownerId", admin.id().toString())
				.param("recipients[0].name", "HubSpot Inc.")
				.param("recipients[0].role", "PROCESSOR")
				.param("recipients[0].country", "USA")
				.param("recipients[0].safeguard", "SCCs")
				.exchange();
			assertThat(result).hasStatus3xxRedirection();
			long id = LocationRegisterTest.this.jdbc.queryForObject("select id from data_location where name_en = ?",
					Long.class, name);
			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/staff/locations/" + id);
			String html = html(get(admin, "/staff/locations/" + id, ENGLISH));
			assertThat(Html.textOf(html, "location-name")).hasValue(name);
			assertThat(Html.textOf(html, "location-recipients"))
				.hasValueSatisfying((text) -> assertThat(text).contains("HubSpot Inc.", "Processor", "USA", "SCCs"));
			assertThat(audited("LOCATION_CREATED", id)).isEqualTo(1);
		}

		@Test
		@DisplayName("Art. 21(3): an admin marks a location's purpose as direct marketing")
		void anAdminMarksALocationAsDirectMarketing() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String name = "Newsletter " + UUID.randomUUID();
			assertThat(fill(post(admin, "/staff/locations"), name, name + " sv").param("ownerId", admin.id().toString())
				.param("directMarketing", "true")
				.param("_directMarketing", "on")
				.exchange()).hasStatus3xxRedirection();
			long id = LocationRegisterTest.this.jdbc.queryForObject("select id from data_location where name_en = ?",
					Long.class, name);
			assertThat(LocationRegisterTest.this.jdbc
				.queryForObject("select direct_marketing from data_location where id = ?", Boolean.class, id)).isTrue();
			assertThat(Html.textOf(html(get(admin, "/staff/locations/" + id, ENGLISH)), "direct-marketing"))
				.hasValueSatisfying((text) -> assertThat(text).startsWith("Yes"));
		}

		@Test
		void mistakesAreExplainedNextToEachFieldInEnglishAndNothingTypedIsLost() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			MvcTestResult result = post(admin, "/staff/locations").header("Accept-Language", ENGLISH)
				.param("nameSv", "Kundregister")
				.param("nameEn", "")
				.param("descriptionEn", "Our customer list")
				.param("kind", "OTHER")
				.param("legalBasis", "CONTRACT")
				.param("retentionSv", "Tre år")
				.param("retentionEn", "Three years")
				.param("reviewIntervalMonths", "500")
				.param("retentionMonths", "many")
				.param("recipients[0].name", "Fortnox AB")
				.param("_requestTypes", "on")
				.exchange();
			assertThat(result).hasStatusOk().hasViewName("locations/new");
			String html = html(result);
			assertThat(Html.textOf(html, "nameEn-error")).hasValue("Fill in this field.");
			assertThat(Html.textOf(html, "ownerId-error")).hasValue("Choose one of the options.");
			assertThat(Html.textOf(html, "reviewIntervalMonths-error"))
				.hasValue("Enter a number of months from 1 to 120.");
			assertThat(Html.textOf(html, "retentionMonths-error")).hasValue("Enter a whole number.");
			assertThat(Html.textOf(html, "requestTypes-error")).hasValue("Choose at least one request type.");
			assertThat(Html.textOf(html, "recipients0.country-error")).hasValue("Fill in this field.");
			assertThat(Html.textOf(html, "recipients0.role-error")).hasValue("Choose one of the options.");
			assertThat(html).contains("Please correct the marked fields.");
			assertThat(Html.textOf(html, "nameSv")).hasValue("Kundregister");
			assertThat(Html.textOf(html, "descriptionEn")).hasValue("Our customer list");
			assertThat(Html.valueOf(html, "recipients0.name")).hasValue("Fortnox AB");
			assertThat(Html.valueOf(html, "reviewIntervalMonths")).hasValue("500");
			assertThat(LocationRegisterTest.this.jdbc
				.queryForObject("select count(*) from data_location where name_sv = 'Kundregister'", Integer.class))
				.isZero();
		}

		@Test
		void mistakesAreExplainedInSwedish() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String html = html(post(admin, "/staff/locations").header("Accept-Language", SWEDISH)
				.param("nameSv", "")
				.param("reviewIntervalMonths", "0")
				.param("_requestTypes", "on")
				.exchange());
			assertThat(Html.textOf(html, "nameSv-error")).hasValue("Fyll i det här fältet.");
			assertThat(Html.textOf(html, "reviewIntervalMonths-error"))
				.hasValue("Ange ett antal månader från 1 till 120.");
			assertThat(Html.textOf(html, "requestTypes-error")).hasValue("Välj minst en typ av begäran.");
		}

		@Test
		void anAdminEditsALocationAndTheChangedFieldsAreAudited() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			long id = createLocation(admin, "Edit me " + UUID.randomUUID());
			long version = LocationRegisterTest.this.jdbc
				.queryForObject("select version from data_location where id = ?", Long.class, id);
			String renamed = "Edited " + UUID.randomUUID();
			MvcTestResult result = fill(post(admin, "/staff/locations/" + id), renamed, "Ändrad", 6)
				.param("ownerId", admin.id().toString())
				.param("version", Long.toString(version))
				.exchange();
			assertThat(result).hasStatus3xxRedirection();
			assertThat(LocationRegisterTest.this.jdbc
				.queryForMap("select name_en, name_sv, review_interval_months from data_location where id = ?", id))
				.containsEntry("name_en", renamed)
				.containsEntry("name_sv", "Ändrad")
				.containsEntry("review_interval_months", 6);
			String details = LocationRegisterTest.this.jdbc.queryForObject(
					"select details from audit_event where action = 'LOCATION_UPDATED' and target_id = ?", String.class,
					Long.toString(id));
			assertThat(details).contains("name", "reviewIntervalMonths").doesNotContain("legalBasis");
		}

		@Test
		void aStaleEditShowsTheCurrentVersion() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			long id = createLocation(admin, "Stale " + UUID.randomUUID());
			MvcTestResult result = fill(post(admin, "/staff/locations/" + id), "Mine", "Min")
				.header("Accept-Language", ENGLISH)
				.param("ownerId", admin.id().toString())
				.param("version", "42")
				.exchange();
			assertThat(result).hasStatusOk().hasViewName("locations/edit");
			assertThat(html(result)).contains("Someone else changed this location");
		}

		@Test
		void anAdminDeactivatesAndReactivatesALocationWhichStaysInTheRegister() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String name = "Old archive " + UUID.randomUUID();
			long id = createLocation(admin, name);
			assertThat(post(admin, "/staff/locations/" + id + "/deactivate").exchange()).hasStatus3xxRedirection();
			assertThat(active(id)).isFalse();
			assertThat(html(get(admin, "/staff/locations", ENGLISH))).doesNotContain(name);
			assertThat(html(get(signedIn(Role.CASE_HANDLER), "/staff/locations?inactive=true", ENGLISH)))
				.contains(name);
			assertThat(post(admin, "/staff/locations/" + id + "/reactivate").exchange()).hasStatus3xxRedirection();
			assertThat(active(id)).isTrue();
			assertThat(audited("LOCATION_DEACTIVATED", id)).isEqualTo(1);
			assertThat(audited("LOCATION_REACTIVATED", id)).isEqualTo(1);
		}

		@Test
		void theOwnerRecordsAReviewAndAnotherCaseHandlerMayNot() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			StaffPrincipal owner = signedIn(Role.CASE_HANDLER);
			long id = createLocation(admin, "Reviewed " + UUID.randomUUID(), owner.id());
			assertThat(post(signedIn(Role.CASE_HANDLER), "/staff/locations/" + id + "/review").exchange())
				.hasStatus(403);
			assertThat(post(owner, "/staff/locations/" + id + "/review").param("note", "Purged old threads").exchange())
				.hasStatus3xxRedirection();
			assertThat(LocationRegisterTest.this.jdbc
				.queryForMap("select reviewer_id, note from location_review where location_id = ?", id))
				.containsEntry("reviewer_id", owner.id())
				.containsEntry("note", "Purged old threads");
			assertThat(audited("LOCATION_REVIEWED", id)).isEqualTo(1);
		}

	}

	long createLocation(StaffPrincipal admin, String name) {
		return createLocation(admin, name, admin.id());
	}

	long createLocation(StaffPrincipal admin, String name, long ownerId) {
		MvcTestResult result = fill(post(admin, "/staff/locations"), name, name)
			.param("ownerId", Long.toString(ownerId))
			.exchange();
		assertThat(result).hasStatus3xxRedirection();
		return this.jdbc.queryForObject("select id from data_location where name_en = ?", Long.class, name);
	}

	MockMvcRequestBuilder fill(MockMvcRequestBuilder request, String nameEn, String nameSv) {
		return fill(request, nameEn, nameSv, 12);
	}

	MockMvcRequestBuilder fill(MockMvcRequestBuilder request, String nameEn, String nameSv, int reviewInterval) {
		return request.param("nameEn", nameEn)
			.param("nameSv", nameSv)
			.param("kind", "DOCUMENT_STORE")
			.param("legalBasis", "LEGITIMATE_INTEREST")
			.param("retentionSv", "Tre år")
			.param("retentionEn", "Three years")
			.param("reviewIntervalMonths", Integer.toString(reviewInterval))
			.param("requestTypes", "ACCESS", "ERASURE")
			.param("_requestTypes", "on");
	}

	long seeded(String nameEn) {
		return this.jdbc.queryForObject("select min(id) from data_location where name_en = ?", Long.class, nameEn);
	}

	boolean active(long id) {
		return this.jdbc.queryForObject("select active from data_location where id = ?", Boolean.class, id);
	}

	int audited(String action, long id) {
		return this.jdbc.queryForObject("select count(*) from audit_event where action = ? and target_id = ?",
				Integer.class, action, Long.toString(id));
	}

	StaffPrincipal signedIn(Role role) {
		return TestAccounts.signedIn(this.accounts, this.userDetailsService, role);
	}

	MvcTestResult get(StaffPrincipal user, String path, String language) {
		return this.mvc.get().uri(path).with(user(user)).header("Accept-Language", language).exchange();
	}

	MockMvcRequestBuilder post(StaffPrincipal user, String path) {
		return this.mvc.post().uri(path).with(user(user)).with(csrf());
	}

	static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
	}

}
