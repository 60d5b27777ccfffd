package se.dsrdesk.account;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.support.Html;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * An admin manages staff accounts through the pages under {@code /staff/admin/accounts},
 * and every user changes their own password: validation in the person's language, the
 * rules that protect the accounts, and the audit trail.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AccountAdministrationTest {

	static final String PASSWORD = TestAccounts.PASSWORD;

	static final String NEW_PASSWORD = "a brand new passphrase";

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

	@LocalServerPort
	int port;

	@Nested
	class CreatingAnAccount {

		@Test
		void mistakesAreExplainedNextToEachFieldInEnglish() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String html = html(createAs(admin, ENGLISH, "not-an-email", "Jane Doe", "elevenchars"));
			assertThat(Html.textOf(html, "email-error"))
				.hasValue("Enter a valid email address, such as name@example.com.");
			assertThat(Html.textOf(html, "roles-error")).hasValue("Choose at least one role.");
			assertThat(html).contains("Please correct the marked fields.");
		}

		@Test
		void mistakesAreExplainedNextToEachFieldInSwedish() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String html = html(createAs(admin, SWEDISH, "not-an-email", "Jane Doe", "elevenchars"));
			assertThat(Html.textOf(html, "email-error"))
				.hasValue("Ange en giltig e-postadress, till exempel namn@example.com.");
			assertThat(Html.textOf(html, "roles-error")).hasValue("Välj minst en roll.");
		}

		@Test
		void theFormKeepsWhatWasTyped() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			MvcTestResult result = createAs(admin, ENGLISH, "not-an-email", "Jane Doe", "elevenchars",
					Role.CASE_HANDLER, Role.COMPLIANCE_OFFICER);
			assertThat(result).hasStatusOk().hasViewName("admin/accounts/new");
			String html = html(result);
			assertThat(Html.valueOf(html, "email")).hasValue("not-an-email");
			assertThat(Html.valueOf(html, "displayName")).hasValue("Jane Doe");
			assertThat(Html.isChecked(html, "roles", "CASE_HANDLER")).isTrue();
			assertThat(Html.isChecked(html, "roles", "COMPLIANCE_OFFICER")).isTrue();
			assertThat(Html.isChecked(html, "roles", "ADMIN")).isFalse();
			assertThat(Html.textOf(html, "roles-error")).isEmpty();
		}

		@Test
		void anAddressThatDiffersOnlyInCaseIsTaken() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String existing = newAccount(Role.CASE_HANDLER);
			MvcTestResult result = createAs(admin, ENGLISH, existing.toUpperCase(Locale.ROOT), "Someone Else", PASSWORD,
					Role.CASE_HANDLER);
			assertThat(result).hasStatusOk().hasViewName("admin/accounts/new");
			assertThat(Html.textOf(html(result), "email-error"))
				.hasValue("Another account already uses this email address.");
			assertThat(countAccounts(existing)).isEqualTo(1);
		}

		@Test
		void aValidAccountIsInvitedAndAudited() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String email = uniqueEmail();
			MvcTestResult result = createAs(admin, ENGLISH, email.toUpperCase(Locale.ROOT), "Jane Doe", PASSWORD,
					Role.CASE_HANDLER);
			long id = idOf(email);
			assertThat(result).hasStatus3xxRedirection()
				.hasRedirectedUrl("/staff/admin/accounts/" + id)
				.flash()
				.containsEntry("success", "account.invited");
			assertThat(auditRows(id)).containsExactly(
					new AuditRow(admin.id(), "ACCOUNT_CREATED", "invited; roles=[CASE_HANDLER]"),
					new AuditRow(admin.id(), "INVITATION_SENT", null));
			// Whatever the admin typed is no password: the colleague chooses their own.
			assertThat(signIn(email, PASSWORD)).hasRedirectedUrl("/login?error");
			assertThat(AccountAdministrationTest.this.jdbc
				.queryForObject("select invitation_pending from staff_user where id = ?", Boolean.class, id)).isTrue();
		}

		MvcTestResult createAs(StaffPrincipal admin, String language, String email, String name, String password,
				Role... roles) {
			MockMvcRequestBuilder request = AccountAdministrationTest.this.mvc.post()
				.uri("/staff/admin/accounts")
				.with(user(admin))
				.with(csrf())
				.header("Accept-Language", language)
				.param("email", email)
				.param("displayName", name)
				.param("language", "en")
				.param("password", password)
				.param("_roles", "on");
			for (Role role : roles) {
				request = request.param("roles", role.name());
			}
			return request.exchange();
		}

	}

	@Nested
	class EditingAnAccount {

		@Test
		void aStaleVersionIsRefusedAndTheFormShowsTheCurrentDetails() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String email = newAccount(Role.CASE_HANDLER);
			long id = idOf(email);
			long versionOnScreen = AccountAdministrationTest.this.accounts.get(id).getVersion();
			AccountAdministrationTest.this.accounts.update(id, versionOnScreen, email, "Changed Elsewhere",
					EnumSet.of(Role.CASE_HANDLER), "en", Actor.SYSTEM);

			MvcTestResult result = update(admin, id, versionOnScreen, email, "My Edit", ENGLISH, Role.CASE_HANDLER);

			assertThat(result).hasStatusOk().hasViewName("admin/accounts/edit");
			String html = html(result);
			assertThat(html).contains("Someone else changed this account while you were editing it.");
			assertThat(displayName(id)).isEqualTo("Changed Elsewhere");
			// The message promises the current details, so that saving again can succeed.
			assertThat(Html.valueOf(html, "displayName")).hasValue("Changed Elsewhere");
			assertThat(Html.valueOf(html, "version")).hasValue(String.valueOf(versionOnScreen + 1));
		}

		@Test
		void theCurrentVersionSavesAndIsAudited() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String email = newAccount(Role.CASE_HANDLER);
			long id = idOf(email);
			long version = AccountAdministrationTest.this.accounts.get(id).getVersion();
			MvcTestResult result = update(admin, id, version, email, "New Name", ENGLISH, Role.CASE_HANDLER,
					Role.COMPLIANCE_OFFICER);
			assertThat(result).hasRedirectedUrl("/staff/admin/accounts/" + id)
				.flash()
				.containsEntry("success", "account.updated");
			assertThat(displayName(id)).isEqualTo("New Name");
			assertThat(auditRows(id)).contains(new AuditRow(admin.id(), "ACCOUNT_UPDATED",
					"roles [CASE_HANDLER] -> [CASE_HANDLER, COMPLIANCE_OFFICER]; name changed;"));
		}

		@Test
		void anAdminRoleMayBeRemovedWhileAnotherAdminIsActive() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String other = newAccount(Role.ADMIN);
			long id = idOf(other);
			MvcTestResult result = update(admin, id, 0, other, "Test User", ENGLISH, Role.CASE_HANDLER);
			assertThat(result).hasRedirectedUrl("/staff/admin/accounts/" + id);
			assertThat(roles(id)).containsExactly("CASE_HANDLER");
		}

		/**
		 * The shared database holds other admins, so this test deactivates all of them
		 * inside its own transaction, which is rolled back at the end.
		 */
		@Test
		@Transactional
		void theLastActiveAdminKeepsTheAdminRole() {
			StaffPrincipal admin = signedIn(Role.ADMIN, Role.CASE_HANDLER);
			AccountAdministrationTest.this.jdbc.update("update staff_user set active = false where id <> ?",
					admin.id());
			MvcTestResult result = update(admin, admin.id(), 0, admin.email(), "Test User", SWEDISH, Role.CASE_HANDLER);
			assertThat(result).hasStatusOk().hasViewName("admin/accounts/edit");
			assertThat(Html.textOf(html(result), "roles-error"))
				.hasValue("Det här är den sista aktiva administratören. Gör någon annan till administratör först.");
			assertThat(roles(admin.id())).contains("ADMIN");
		}

		@Test
		void anAdminCannotDeactivateThemselves() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			MvcTestResult result = post(admin, "/staff/admin/accounts/" + admin.id() + "/deactivate");
			assertThat(result).hasRedirectedUrl("/staff/admin/accounts/" + admin.id())
				.flash()
				.containsEntry("failure", "account.cannotDeactivateSelf");
			assertThat(isActive(admin.id())).isTrue();
			assertThat(AccountAdministrationTest.this.mvc.get()
				.uri("/staff/admin/accounts/" + admin.id())
				.with(user(admin))
				.header("Accept-Language", ENGLISH)
				// The flash message lives in the (database) session the redirect's cookie
				// names.
				.cookie(result.getResponse().getCookies())).bodyText()
				.contains("You cannot deactivate your own account.");
		}

		@Test
		void aDeactivatedAccountCanBeReactivatedAndBothAreAudited() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String email = newAccount(Role.CASE_HANDLER);
			long id = idOf(email);

			assertThat(post(admin, "/staff/admin/accounts/" + id + "/deactivate")).flash()
				.containsEntry("success", "account.deactivated");
			assertThat(isActive(id)).isFalse();
			assertThat(signIn(email, PASSWORD)).hasRedirectedUrl("/login?error");

			assertThat(post(admin, "/staff/admin/accounts/" + id + "/reactivate")).flash()
				.containsEntry("success", "account.reactivated");
			assertThat(isActive(id)).isTrue();
			assertThat(signIn(email, PASSWORD)).hasRedirectedUrl("/staff");

			assertThat(auditRows(id)).extracting(AuditRow::action)
				.containsSubsequence("ACCOUNT_DEACTIVATED", "ACCOUNT_REACTIVATED");
			assertThat(auditRows(id)).filteredOn((row) -> row.action().startsWith("ACCOUNT_"))
				.extracting(AuditRow::actorId)
				.containsOnly(null, admin.id());
		}

		MvcTestResult update(StaffPrincipal admin, long id, long version, String email, String name, String language,
				Role... roles) {
			MockMvcRequestBuilder request = AccountAdministrationTest.this.mvc.post()
				.uri("/staff/admin/accounts/" + id)
				.with(user(admin))
				.with(csrf())
				.header("Accept-Language", language)
				.param("version", String.valueOf(version))
				.param("email", email)
				.param("displayName", name)
				.param("language", "en")
				.param("_roles", "on");
			for (Role role : roles) {
				request = request.param("roles", role.name());
			}
			return request.exchange();
		}

	}

	@Nested
	class SendingSomeoneAPasswordLink {

		@Test
		void anAdminCannotChooseTheirPassword() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String email = newAccount(Role.CASE_HANDLER);
			long id = idOf(email);
			assertThat(AccountAdministrationTest.this.mvc.post()
				.uri("/staff/admin/accounts/" + id + "/password")
				.with(user(admin))
				.with(csrf())
				.param("newPassword", NEW_PASSWORD)
				.param("confirmPassword", NEW_PASSWORD)).hasStatus(404);
			assertThat(signIn(email, NEW_PASSWORD)).hasRedirectedUrl("/login?error");
		}

		@Test
		void theLinkIsMailedAndTheOldPasswordWorksUntilUsed() {
			StaffPrincipal admin = signedIn(Role.ADMIN);
			String email = newAccount(Role.CASE_HANDLER);
			long id = idOf(email);
			assertThat(post(admin, "/staff/admin/accounts/" + id + "/password-link"))
				.hasRedirectedUrl("/staff/admin/accounts/" + id)
				.flash()
				.containsEntry("success", "account.passwordLinkSent");
			assertThat(signIn(email, PASSWORD)).hasRedirectedUrl("/staff");
			assertThat(auditRows(id)).contains(new AuditRow(admin.id(), "PASSWORD_RESET_LINK_SENT", null));
			assertThat(AccountAdministrationTest.this.jdbc.queryForObject(
					"select count(*) from staff_account_link where staff_user_id = ? and purpose = 'PASSWORD_RESET'",
					Integer.class, id))
				.isEqualTo(1);
		}

	}

	@Nested
	class ChangingOwnPassword {

		@Test
		void aWrongCurrentPasswordIsRefusedAndAudited() {
			StaffPrincipal user = signedIn(Role.CASE_HANDLER);
			MvcTestResult result = change(user, "not my password", NEW_PASSWORD, NEW_PASSWORD);
			assertThat(result).hasStatusOk().hasViewName("account/password");
			assertThat(Html.textOf(html(result), "currentPassword-error")).hasValue("The current password is wrong.");
			assertThat(auditRows(user.id())).extracting(AuditRow::action).contains("PASSWORD_CHANGE_FAILED");
			assertThat(signIn(user.email(), PASSWORD)).hasRedirectedUrl("/staff");
		}

		@Test
		void twoDifferentNewPasswordsAreRefused() {
			StaffPrincipal user = signedIn(Role.CASE_HANDLER);
			MvcTestResult result = change(user, PASSWORD, NEW_PASSWORD, "something else entirely");
			assertThat(result).hasStatusOk();
			assertThat(Html.textOf(html(result), "confirmPassword-error"))
				.hasValue("The two passwords are not the same.");
			assertThat(signIn(user.email(), PASSWORD)).hasRedirectedUrl("/staff");
		}

		@Test
		void theNewPasswordSignsInAndTheOldOneNoLonger() {
			StaffPrincipal user = signedIn(Role.CASE_HANDLER);
			assertThat(change(user, PASSWORD, NEW_PASSWORD, NEW_PASSWORD)).hasRedirectedUrl("/staff")
				.flash()
				.containsEntry("success", "password.changed");
			assertThat(signIn(user.email(), PASSWORD)).hasRedirectedUrl("/login?error");
			assertThat(signIn(user.email(), NEW_PASSWORD)).hasRedirectedUrl("/staff");
			assertThat(auditRows(user.id())).contains(new AuditRow(user.id(), "PASSWORD_CHANGED", null));
		}

		MvcTestResult change(StaffPrincipal user, String current, String password, String confirmation) {
			return AccountAdministrationTest.this.mvc.post()
				.uri("/staff/account/password")
				.with(user(user))
				.with(csrf())
				.header("Accept-Language", ENGLISH)
				.param("currentPassword", current)
				.param("newPassword", password)
				.param("confirmPassword", confirmation)
				.exchange();
		}

	}

	/**
	 * The servlet container renders error pages, which MockMvc does not do, so these go
	 * over real HTTP.
	 */
	@Nested
	class AnUnknownAccount {

		@Test
		void getsTheNotFoundPageInEnglish() {
			HttpResponse<String> response = adminVisitor(ENGLISH).get("/staff/admin/accounts/" + Long.MAX_VALUE);
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(response.body()).contains("Page not found", "There is nothing here.");
		}

		@Test
		void getsTheNotFoundPageInSwedish() {
			HttpResponse<String> response = adminVisitor(SWEDISH).get("/staff/admin/accounts/" + Long.MAX_VALUE);
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).contains("Sidan finns inte", "lang=\"sv\"");
		}

		HttpVisitor adminVisitor(String language) {
			HttpVisitor visitor = new HttpVisitor(AccountAdministrationTest.this.port, language);
			String email = newAccount(Role.ADMIN);
			assertThat(visitor.signIn(email, PASSWORD).headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/staff"));
			return visitor;
		}

	}

	String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

	String newAccount(Role... roles) {
		return TestAccounts.create(this.accounts, roles);
	}

	/**
	 * A new account with the given roles, as Spring Security holds it after sign-in.
	 */
	StaffPrincipal signedIn(Role... roles) {
		return TestAccounts.signedIn(this.accounts, this.userDetailsService, roles);
	}

	MvcTestResult post(StaffPrincipal user, String path) {
		return this.mvc.post().uri(path).with(user(user)).with(csrf()).exchange();
	}

	MvcTestResult signIn(String email, String password) {
		return this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(password));
	}

	static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	long idOf(String email) {
		return this.jdbc.queryForObject("select id from staff_user where email = ?", Long.class, email);
	}

	int countAccounts(String email) {
		return this.jdbc.queryForObject("select count(*) from staff_user where lower(email) = lower(?)", Integer.class,
				email);
	}

	String displayName(long id) {
		return this.jdbc.queryForObject("select display_name from staff_user where id = ?", String.class, id);
	}

	boolean isActive(long id) {
		return this.jdbc.queryForObject("select active from staff_user where id = ?", Boolean.class, id);
	}

	List<String> roles(long id) {
		return this.jdbc.queryForList("select role from staff_user_role where staff_user_id = ? order by role",
				String.class, id);
	}

	List<AuditRow> auditRows(long id) {
		return this.jdbc.query(
				"select actor_id, action, details from audit_event where target_type = 'STAFF_USER' and target_id = ? "
						+ "order by occurred_at, id",
				(rs, row) -> new AuditRow(rs.getObject("actor_id", Long.class), rs.getString("action"),
						rs.getString("details")),
				String.valueOf(id));
	}

	record AuditRow(Long actorId, String action, String details) {
	}

}
