package se.dsrdesk.location.register;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The register of data locations: every staff user reads it, only admins add or change a
 * location, the form is validated with messages in the admin's language, and any staff
 * user may record a review (the service decides whose).
 */
@WebSliceTest(LocationController.class)
class LocationRegisterPageTest {

	static final StaffPrincipal ADMIN = TestAccounts.principal(1, Role.ADMIN);

	static final StaffPrincipal HANDLER = TestAccounts.principal(2, Role.CASE_HANDLER);

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	LocationService locations;

	@MockitoBean
	TaskService tasks;

	@Test
	void everyStaffUserReadsTheRegister() {
		given(this.locations.list(true, Locale.ENGLISH, 0, LocationController.PAGE_SIZE)).willReturn(Page.empty());
		given(this.locations.counts(anyList())).willReturn(Map.of());
		MvcTestResult page = this.mvc.get()
			.uri("/staff/locations")
			.with(user(HANDLER))
			.header("Accept-Language", "en")
			.exchange();
		assertThat(page).hasStatusOk().hasViewName("locations/list");
		assertThat(page).bodyText().doesNotContain("href=\"/staff/locations/new\"");
		assertThat(this.mvc.get().uri("/staff/locations").accept(MediaType.TEXT_HTML)).hasRedirectedUrl("/login");
	}

	@Test
	void onlyAdminsAddOrChangeLocations() {
		assertThat(this.mvc.get().uri("/staff/locations/new").with(user(HANDLER))).hasStatus(403);
		assertThat(this.mvc.get().uri("/staff/locations/4/edit").with(user(HANDLER))).hasStatus(403);
		assertThat(this.mvc.post().uri("/staff/locations").with(user(HANDLER)).with(csrf()).param("nameSv", "CRM"))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/staff/locations/4/deactivate").with(user(HANDLER)).with(csrf()))
			.hasStatus(403);
		then(this.locations).should(never()).create(any(), any());
		then(this.locations).should(never()).deactivate(anyLong(), any());
	}

	@Test
	void theAdminGetsAnEmptyForm() {
		MvcTestResult page = this.mvc.get()
			.uri("/staff/locations/new")
			.with(user(ADMIN))
			.header("Accept-Language", "en")
			.exchange();
		assertThat(page).hasStatusOk().hasViewName("locations/new");
		assertThat(page).bodyText().contains("name=\"nameSv\"", "name=\"recipients[0].name\"");
	}

	@Test
	void namesWhatIsMissingInTheAdminsLanguage() {
		MvcTestResult page = this.mvc.post()
			.uri("/staff/locations")
			.with(user(ADMIN))
			.with(csrf())
			.header("Accept-Language", "sv")
			.param("nameSv", "")
			.param("nameEn", "CRM")
			.param("ownerId", "99")
			.param("recipients[0].name", "Mailer AB")
			.exchange();
		assertThat(page).hasStatusOk().hasViewName("locations/new");
		assertThat(page).model()
			.extractingBindingResult("locationForm")
			.hasFieldErrors("nameSv", "ownerId", "recipients[0].role", "recipients[0].country");
		assertThat(page).bodyText().contains("Fyll i det här fältet.", "Välj ett av alternativen.");
		then(this.locations).should(never()).create(any(), any());
	}

	@Test
	void anUnknownLocationIsNotFound() {
		given(this.locations.get(404)).willThrow(new NotFoundException("Location"));
		assertThat(this.mvc.get().uri("/staff/locations/404").with(user(HANDLER))).hasStatus(404);
	}

	@Test
	void anyStaffUserMayRecordAReview() {
		MvcTestResult result = this.mvc.post()
			.uri("/staff/locations/4/review")
			.with(user(HANDLER))
			.with(csrf())
			.param("note", "Checked the retention job.")
			.exchange();
		assertThat(result).hasRedirectedUrl("/staff/locations/4");
		assertThat(result).flash().containsEntry("success", "location.reviewed");
		then(this.locations).should().recordReview(4, "Checked the retention job.", HANDLER);
	}

	@Test
	void aReviewNoteTooLongIsRefused() {
		MvcTestResult result = this.mvc.post()
			.uri("/staff/locations/4/review")
			.with(user(HANDLER))
			.with(csrf())
			.param("note", "x".repeat(2001))
			.exchange();
		assertThat(result).flash().containsEntry("failure", "location.review.tooLong");
		then(this.locations).should(never()).recordReview(anyLong(), any(), any());
	}

	@Test
	void aReviewNeedsACsrfToken() {
		assertThat(this.mvc.post().uri("/staff/locations/4/review").with(user(HANDLER)).param("note", "ok"))
			.hasStatus(403);
		then(this.locations).should(never()).recordReview(anyLong(), any(), any());
	}

}
