package se.dsrdesk.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.account.token.ApiTokens;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.attachment.RequestAttachments;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix: every endpoint the application maps (each URL pattern and
 * HTTP method of every {@link RequestMappingInfoHandlerMapping}: the controllers, the
 * actuator, the API description) and the endpoints Spring Security itself answers, for an
 * anonymous visitor and for a staff member holding each role alone, against the one table
 * of expectations below ({@link #RULES}). A new endpoint without a row in the table fails
 * the build ("no rule for GET /staff/foo").
 * <p>
 * Real HTTP against the application on PostgreSQL: one session per role, signed in once
 * through the sign-in form, a CSRF token with every form post (so that a refusal is the
 * rule's, not the CSRF filter's), and a personal API token per role for the REST API, as
 * an integration would call it. Path variables are filled with seeded data (a request
 * with an identity document, a task, a location, an account, a policy version), so that
 * "allowed" means that neither 401 nor 403 came back and no redirect to the sign-in page;
 * a 404 or a refused form still counts as allowed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

	/** Who calls. */
	enum Who {

		ANONYMOUS, ADMIN, CASE_HANDLER, COMPLIANCE_OFFICER;

		Role role() {
			return (this == ANONYMOUS) ? null : Role.valueOf(name());
		}

	}

	/** What a caller gets. */
	enum Outcome {

		/** Neither 401 nor 403, nor sent to the sign-in page. */
		ALLOWED,
		/** 401, or a redirect to the sign-in page. */
		SIGN_IN,
		/** 403. */
		FORBIDDEN

	}

	private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);

	private static final Set<Who> STAFF = EnumSet.of(Who.ADMIN, Who.CASE_HANDLER, Who.COMPLIANCE_OFFICER);

	/** Request contents: never for an admin by that role alone. */
	private static final Set<Who> READERS = EnumSet.of(Who.CASE_HANDLER, Who.COMPLIANCE_OFFICER);

	private static final Set<Who> CASE_HANDLERS = EnumSet.of(Who.CASE_HANDLER);

	private static final Set<Who> ADMINS = EnumSet.of(Who.ADMIN);

	/** Refused to everyone: anonymous callers are sent to sign in, staff get 403. */
	private static final Set<Who> NOBODY = EnumSet.noneOf(Who.class);

	private static final Set<Who> OVERSIGHT = EnumSet.of(Who.ADMIN, Who.COMPLIANCE_OFFICER);

	/**
	 * The one table: endpoint ("METHOD pattern", path variables without their regular
	 * expressions) to who may call it. Everyone else is sent to sign in (anonymous) or
	 * refused (403).
	 */
	static final Map<String, Set<Who>> RULES = new LinkedHashMap<>();

	static {
		// Public pages, the public request form and its links, the privacy policy.
		rule(EVERYONE, "GET /", "GET /login", "GET /error", "GET /request", "POST /request", "GET /request/sent",
				"GET /request/confirm", "POST /request/confirm", "GET /request/status/{reference}/{token}",
				"POST /request/status/{reference}/{token}/withdraw", "GET /request/new-link", "POST /request/new-link",
				"GET /request/new-link/sent", "GET /request/download/{token}/{file}", "GET /privacy",
				"GET /privacy/versions/{id}", "GET /privacy/notices/opt-out/{token}",
				"POST /privacy/notices/opt-out/{token}");
		// A forgotten password, and the links of invitations and password resets.
		rule(EVERYONE, "GET /login/forgot-password", "POST /login/forgot-password", "GET /login/set-password",
				"POST /login/set-password");
		// Health and info (details only for some staff: AccessRulesTest); the API's
		// description.
		rule(EVERYONE, "GET /actuator/health", "GET /actuator/health/**", "GET /actuator/info", "GET /v3/api-docs",
				"GET /v3/api-docs/swagger-config", "GET /swagger-ui.html");
		// The actuator's list of endpoints, and the API description as YAML (the JSON
		// one is public): refused by the staff chain's last rule.
		rule(NOBODY, "GET /actuator", "GET /v3/api-docs.yaml");
		// Spring Security's own endpoints: the sign-in form and sign-out, passkeys.
		rule(EVERYONE, "POST /login", "POST /logout", "POST /webauthn/authenticate/options");

		// Every staff member: the start page, their own account, failed mail, the
		// register of data locations (read), the second factor page.
		rule(STAFF, "GET /staff", "GET /staff/account/password", "POST /staff/account/password",
				"GET /staff/account/tokens", "POST /staff/account/tokens", "POST /staff/account/tokens/{id}/revoke",
				"GET /staff/account/sessions", "POST /staff/account/sessions/{handle}/end",
				"POST /staff/account/sessions/end-others", "GET /staff/account/sign-in",
				"POST /staff/account/sign-in/recovery-codes", "POST /staff/account/sign-in/passkeys/{id}/delete",
				"GET /staff/sign-in/second-factor", "GET /staff/mail/failed", "POST /staff/mail/failed/{id}/send-again",
				"POST /staff/mail/failed/{id}/dismiss", "GET /staff/locations", "GET /staff/locations/{id}",
				"POST /webauthn/register/options", "POST /webauthn/register", "GET /staff/account/drafts",
				"POST /staff/account/drafts", "POST /staff/account/drafts/discard");
		// A location's review: its owner or an admin (checked in the service); the seeded
		// location has no owner.
		rule(ADMINS, "POST /staff/locations/{id}/review");
		// A mailbox location's yearly review and its kept mails: the same (checked in the
		// controller); its connection test: admins.
		rule(ADMINS, "GET /staff/locations/{id}/mailboxes/review", "POST /staff/locations/{id}/mailboxes/review",
				"POST /staff/locations/{id}/mailboxes/keep", "POST /staff/locations/{id}/mailboxes/test");

		// Admins: accounts, the register (changes), the privacy policy versions.
		rule(ADMINS, "GET /staff/admin/accounts", "GET /staff/admin/accounts/new", "POST /staff/admin/accounts",
				"GET /staff/admin/accounts/{id}", "POST /staff/admin/accounts/{id}",
				"POST /staff/admin/accounts/{id}/password-link", "POST /staff/admin/accounts/{id}/invitation",
				"POST /staff/admin/accounts/{id}/deactivate", "POST /staff/admin/accounts/{id}/reactivate",
				"POST /staff/admin/accounts/{id}/unlock", "POST /staff/admin/accounts/{id}/sessions/end",
				"GET /staff/admin/policy", "GET /staff/admin/policy/new", "POST /staff/admin/policy",
				"GET /staff/admin/policy/{id}", "GET /staff/admin/policy/{id}/recipients.csv",
				"GET /staff/locations/new", "POST /staff/locations", "GET /staff/locations/{id}/edit",
				"POST /staff/locations/{id}", "POST /staff/locations/{id}/deactivate",
				"POST /staff/locations/{id}/reactivate");

		// Oversight: figures, the audit trail, exports without names.
		rule(OVERSIGHT, "GET /staff/dashboard", "GET /staff/dashboard/report", "GET /staff/dashboard/report.pdf",
				"GET /staff/audit", "GET /staff/audit/export.csv", "GET /staff/exports",
				"GET /staff/exports/requests.csv", "GET /api/v1/dashboard");

		// Held data erased at a location: from the location's page.
		rule(EnumSet.of(Who.ADMIN, Who.CASE_HANDLER), "POST /staff/holds/{id}/erased");

		// Request contents, read: the inbox, a request, its attachments (identity
		// documents too), retention, tasks; the API's reading.
		rule(READERS, "GET /staff/requests", "GET /staff/requests/{id}",
				"GET /staff/requests/{id}/attachments/{attachmentId}", "GET /staff/requests/{id}/retention",
				"GET /staff/requests/{id}/tasks", "GET /staff/tasks", "GET /staff/tasks/{id}",
				"GET /staff/restrictions/{id}", "GET /api/v1/requests", "GET /api/v1/requests/{reference}");

		// Casework: registering, every step, notes, attachments, letters, holds, tasks.
		rule(CASE_HANDLERS, "GET /staff/requests/new", "POST /staff/requests/new", "POST /staff/requests/{id}/assign",
				"POST /staff/requests/{id}/start", "POST /staff/requests/{id}/identity",
				"POST /staff/requests/{id}/information", "POST /staff/requests/{id}/resume",
				"POST /staff/requests/{id}/extend", "POST /staff/requests/{id}/extension-posted",
				"POST /staff/requests/{id}/delay", "POST /staff/requests/{id}/reject",
				"POST /staff/requests/{id}/withdraw", "POST /staff/requests/{id}/notes",
				"POST /staff/requests/{id}/attachments", "POST /staff/requests/{id}/attachments/{attachmentId}/delete",
				"POST /staff/requests/{id}/legal-hold", "POST /staff/requests/{id}/legal-hold/lift",
				"GET /staff/requests/{id}/answer", "POST /staff/requests/{id}/answer", "POST /staff/tasks/{id}",
				"POST /staff/tasks/{id}/assign", "POST /api/v1/requests", "POST /api/v1/requests/{reference}/start",
				"POST /api/v1/requests/{reference}/pause", "POST /api/v1/requests/{reference}/resume",
				"POST /api/v1/requests/{reference}/extension", "POST /api/v1/requests/{reference}/extension-posted",
				"POST /api/v1/requests/{reference}/delay-notice", "POST /api/v1/requests/{reference}/assign",
				"POST /api/v1/requests/{reference}/reject", "POST /api/v1/requests/{reference}/answer",
				"POST /api/v1/requests/{reference}/tasks/{taskId}/outcome", "POST /staff/tasks/{id}/recipients",
				"POST /api/v1/requests/{reference}/tasks/{taskId}/recipients", "POST /staff/restrictions/{id}/tell",
				"POST /staff/restrictions/{id}/posted", "POST /staff/restrictions/{id}/lift",
				"POST /staff/requests/{id}/authority", "POST /api/v1/requests/{reference}/authority");

		// Closing a request as a duplicate of another one.
		rule(CASE_HANDLERS, "POST /staff/requests/{id}/duplicate", "POST /api/v1/requests/{reference}/duplicate-of");
		// Several requests of an inbox page assigned at once, each as a single
		// assignment.
		rule(CASE_HANDLERS, "POST /staff/requests/bulk-assign");
		// The controller's logo and header colour for the public pages (404 when not
		// set).
		rule(EVERYONE, "GET /brand/colours.css", "GET /brand/logo");

		// A task's connected system: looking reads the person's data there, acting
		// changes it.
		rule(CASE_HANDLERS, "POST /staff/tasks/{id}/connector/copy", "POST /staff/tasks/{id}/connector/erase",
				"POST /staff/tasks/{id}/connector/unsubscribe",
				"GET /api/v1/requests/{reference}/tasks/{taskId}/connector/find",
				"POST /api/v1/requests/{reference}/tasks/{taskId}/connector/copy",
				"POST /api/v1/requests/{reference}/tasks/{taskId}/connector/erase",
				"POST /api/v1/requests/{reference}/tasks/{taskId}/connector/unsubscribe");

		// Letters by post: the person's address and letters, printed and recorded as
		// posted by case handlers.
		rule(CASE_HANDLERS, "GET /staff/letters", "GET /staff/letters/{id}/pdf", "POST /staff/letters/{id}/posted",
				"GET /api/v1/requests/{reference}/letters", "GET /api/v1/requests/{reference}/letters/{letterId}/pdf",
				"POST /api/v1/requests/{reference}/letters/{letterId}/posted");

		// The answer package: its review reads and masks the person's data (case
		// handlers only); its link's page lists the files for whoever holds the secret.
		rule(CASE_HANDLERS, "GET /staff/requests/{id}/package",
				"POST /staff/requests/{id}/package/sections/{findingId}",
				"POST /staff/requests/{id}/package/sections/{findingId}/checked",
				"POST /staff/requests/{id}/package/sections/{findingId}/include",
				"POST /staff/requests/{id}/package/preview",
				"POST /staff/requests/{id}/package/attachments/{attachmentId}/include",
				"POST /staff/requests/{id}/package/attachments/{attachmentId}/checked",
				"POST /staff/requests/{id}/package/builds", "GET /staff/requests/{id}/package/builds/{buildId}",
				"GET /staff/requests/{id}/package/builds/{buildId}/files/{file}");
		// ... and prepared through the API, as on the build's page.
		rule(CASE_HANDLERS, "POST /api/v1/requests/{reference}/answer/package",
				"GET /api/v1/requests/{reference}/answer/package",
				"GET /api/v1/requests/{reference}/answer/package/{buildId}");
		rule(EVERYONE, "GET /request/download/{token}/");

		// The privacy inbox: the mails people wrote to the privacy address, and resuming
		// a paused request at a reply's receipt (case handlers only).
		rule(CASE_HANDLERS, "GET /staff/incoming-mail", "GET /staff/incoming-mail/{id}",
				"POST /staff/incoming-mail/{id}/register", "POST /staff/incoming-mail/{id}/attach",
				"POST /staff/incoming-mail/{id}/dismiss", "POST /staff/requests/{id}/resume-at-reply");

		// The status page talks back (a message with a file) and offers the answer's
		// files: the status link's secret is the key.
		rule(EVERYONE, "POST /request/status/{reference}/{token}/message",
				"GET /request/status/{reference}/{token}/files/{file}");
	}

	/**
	 * Endpoints that Spring Security's filters answer, which no handler mapping lists.
	 */
	static final List<String> SECURITY_ENDPOINTS = List.of("POST /login", "POST /logout",
			"POST /webauthn/authenticate/options", "POST /webauthn/register/options", "POST /webauthn/register");

	/**
	 * Endpoints after which the caller's session is gone or changed: each gets its own.
	 */
	static final Set<String> SESSION_ENDING = Set.of("POST /login", "POST /logout");

	/**
	 * Where an anonymous caller gets an exact answer other than "sign in": Spring
	 * Security's passkey registration filter answers before the rules, with 400 and no
	 * options.
	 */
	static final Map<String, Integer> ANONYMOUS_STATUS = Map.of("POST /webauthn/register/options", 400);

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

	@Autowired
	List<RequestMappingInfoHandlerMapping> handlerMappings;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	ApiTokens apiTokens;

	@Autowired
	RequestService requests;

	@Autowired
	RequestAttachments attachments;

	@Autowired
	LocationService locations;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	final Map<Who, String> emails = new EnumMap<>(Who.class);

	final Map<Who, String> tokens = new EnumMap<>(Who.class);

	final Map<Who, Visitor> sessions = new EnumMap<>(Who.class);

	final Map<String, String> seeded = new LinkedHashMap<>();

	/** The matrix's request: its calls change it (a case handler may withdraw it). */
	DsrRequest request;

	/** The least-privilege tests' own request, with its task and identity document. */
	DsrRequest own;

	long taskId;

	long attachmentId;

	@BeforeAll
	void seed() {
		for (Who who : Who.values()) {
			if (who.role() != null) {
				String email = TestAccounts.create(this.accounts, who.role());
				this.emails.put(who, email);
				StaffPrincipal principal = (StaffPrincipal) this.userDetails.loadUserByUsername(email);
				this.tokens.put(who, this.apiTokens.create(principal, "matrix", Duration.ofDays(1)).secret());
			}
		}
		DataLocation location = this.locations.create(
				new LocationDetails(new LocalizedText("Matris " + UUID.randomUUID(), "Matrix"),
						new LocalizedText(null, null), LocationKind.OTHER, null, new LocalizedText(null, null),
						new LocalizedText(null, null), LegalBasis.LEGITIMATE_INTEREST, List.of(),
						new LocalizedText(null, null), new LocalizedText("Ett år", "One year"), 12,
						new LocalizedText(null, null), new LocalizedText(null, null), 12, Set.of(RequestType.ACCESS)),
				Actor.SYSTEM);
		this.request = startedWithTask(location);
		long matrixTask = this.taskId;
		long matrixAttachment = this.attachmentId;
		this.own = startedWithTask(location);
		// Account actions act on an account of its own, not on the callers'.
		long victim = ((StaffPrincipal) this.userDetails
			.loadUserByUsername(TestAccounts.create(this.accounts, Role.CASE_HANDLER))).id();
		Long policy = this.jdbc.queryForObject("SELECT min(id) FROM policy_version", Long.class);

		this.seeded.put("/staff/requests/{id}", String.valueOf(this.request.getId()));
		this.seeded.put("/staff/tasks/{id}", String.valueOf(matrixTask));
		// A number, so that the request is refused or allowed before a build is looked
		// up.
		this.seeded.put("{buildId}", "999999999");
		this.seeded.put("/staff/locations/{id}", String.valueOf(location.getId()));
		this.seeded.put("/staff/admin/accounts/{id}", String.valueOf(victim));
		this.seeded.put("/staff/admin/policy/{id}", String.valueOf((policy != null) ? policy : 999_999_999L));
		this.seeded.put("/privacy/versions/{id}", String.valueOf((policy != null) ? policy : 999_999_999L));
		this.seeded.put("{reference}", this.request.getReference());
		this.seeded.put("{attachmentId}", String.valueOf(matrixAttachment));
		this.seeded.put("{taskId}", String.valueOf(matrixTask));
		this.seeded.put("{file}", "extract.pdf");
	}

	/**
	 * An access request with an identity document, started, so that it has a task at the
	 * location; {@link #taskId} and {@link #attachmentId} are its.
	 */
	private DsrRequest startedWithTask(DataLocation location) {
		DsrRequest registered = this.requests
			.register(new NewRequest("Åsa Öberg", "matrix-" + UUID.randomUUID() + "@example.com", null, "sv",
					RequestType.ACCESS, Channel.EMAIL, "Please help.", null), Actor.SYSTEM);
		this.attachmentId = this.attachments.add(registered.getId(), "passport.pdf",
				"%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), true, Actor.SYSTEM);
		DsrRequest started = this.requests.startWork(registered.getId(), null, Actor.SYSTEM);
		this.taskId = this.tasks.ofRequest(started.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(location.getId()))
			.findFirst()
			.orElseThrow()
			.getId();
		return started;
	}

	@Test
	void everyEndpointHasARuleAndEveryRuleAnEndpoint() {
		Set<String> endpoints = endpoints();
		List<String> missing = endpoints.stream()
			.filter((endpoint) -> !RULES.containsKey(endpoint))
			.map((endpoint) -> "no rule for " + endpoint)
			.toList();
		assertThat(missing).as("endpoints without a row in AuthorizationMatrixTest.RULES").isEmpty();
		List<String> stale = RULES.keySet()
			.stream()
			.filter((rule) -> !endpoints.contains(rule))
			.map((rule) -> "no endpoint for the rule " + rule)
			.toList();
		assertThat(stale).as("rows in AuthorizationMatrixTest.RULES that match no endpoint").isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("endpoints")
	void answersEachCallerAsTheTableSays(String endpoint) {
		Set<Who> allowed = RULES.get(endpoint);
		assertThat(allowed).as("no rule for " + endpoint).isNotNull();
		List<String> wrong = new ArrayList<>();
		for (Who who : Who.values()) {
			Outcome expected = allowed.contains(who) ? Outcome.ALLOWED
					: (who == Who.ANONYMOUS) ? Outcome.SIGN_IN : Outcome.FORBIDDEN;
			HttpResponse<String> response = call(endpoint, who);
			if (who == Who.ANONYMOUS && ANONYMOUS_STATUS.containsKey(endpoint)) {
				if (response.statusCode() != ANONYMOUS_STATUS.get(endpoint) || response.body().contains("challenge")) {
					wrong.add(who + " expected " + ANONYMOUS_STATUS.get(endpoint) + " without options but got "
							+ response.statusCode() + " " + response.body());
				}
				continue;
			}
			Outcome actual = outcome(response);
			if (actual != expected) {
				wrong.add(who + " expected " + expected + " but got " + actual + " (" + response.statusCode() + " "
						+ response.headers().firstValue("Location").orElse("") + ")");
			}
		}
		assertThat(wrong).as(endpoint + " at " + path(endpoint)).isEmpty();
	}

	/**
	 * Least privilege, one by one: what an admin alone and a compliance officer may not.
	 */
	@Nested
	class LeastPrivilege {

		@Test
		void anAdminWithoutACaseRoleReadsNoRequestContents() {
			Visitor admin = session(Who.ADMIN);
			assertThat(admin.get("/staff/requests/" + AuthorizationMatrixTest.this.own.getId()).statusCode())
				.isEqualTo(403);
			assertThat(admin
				.get("/staff/requests/" + AuthorizationMatrixTest.this.own.getId() + "/attachments/"
						+ AuthorizationMatrixTest.this.attachmentId)
				.statusCode()).isEqualTo(403);
			assertThat(admin.get("/staff/requests").statusCode()).isEqualTo(403);
			assertThat(api(Who.ADMIN, "GET", "/api/v1/requests/" + AuthorizationMatrixTest.this.own.getReference())
				.statusCode()).isEqualTo(403);
			assertThat(api(Who.ADMIN, "GET", "/api/v1/requests").statusCode()).isEqualTo(403);
			// The same request and file for a compliance officer, so the 403 is the
			// role's.
			Visitor officer = session(Who.COMPLIANCE_OFFICER);
			assertThat(officer.get("/staff/requests/" + AuthorizationMatrixTest.this.own.getId()).statusCode())
				.isEqualTo(200);
			HttpResponse<String> file = officer.get("/staff/requests/" + AuthorizationMatrixTest.this.own.getId()
					+ "/attachments/" + AuthorizationMatrixTest.this.attachmentId);
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(file.body()).startsWith("%PDF-1.4");
			assertThat(api(Who.COMPLIANCE_OFFICER, "GET",
					"/api/v1/requests/" + AuthorizationMatrixTest.this.own.getReference())
				.statusCode()).isEqualTo(200);
		}

		@Test
		void anAdminStillManagesAccountsAndTheRegisterAndSeesTheFigures() {
			Visitor admin = session(Who.ADMIN);
			assertThat(admin.get("/staff/admin/accounts").statusCode()).isEqualTo(200);
			assertThat(admin.get("/staff/locations/new").statusCode()).isEqualTo(200);
			HttpResponse<String> dashboard = admin.get("/staff/dashboard");
			assertThat(dashboard.statusCode()).isEqualTo(200);
			assertThat(api(Who.ADMIN, "GET", "/api/v1/dashboard").statusCode()).isEqualTo(200);
		}

		@Test
		void aComplianceOfficerReadsATaskButCannotRecordItsOutcome() {
			Visitor officer = session(Who.COMPLIANCE_OFFICER);
			String task = "/staff/tasks/" + AuthorizationMatrixTest.this.taskId;
			HttpResponse<String> page = officer.get(task);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains(AuthorizationMatrixTest.this.own.getReference())
				.doesNotContain("id=\"outcome-form\"", "action=\"" + task + "/assign\"");
			assertThat(officer.post(task, "outcome=NOT_FOUND&note=Searched.").statusCode()).isEqualTo(403);
			assertThat(api(Who.COMPLIANCE_OFFICER, "POST",
					"/api/v1/requests/" + AuthorizationMatrixTest.this.own.getReference() + "/tasks/"
							+ AuthorizationMatrixTest.this.taskId + "/outcome",
					"{\"outcome\":\"NOT_FOUND\",\"note\":\"Searched.\"}")
				.statusCode()).isEqualTo(403);
			assertThat(AuthorizationMatrixTest.this.jdbc.queryForObject("SELECT status FROM location_task WHERE id = ?",
					String.class, AuthorizationMatrixTest.this.taskId))
				.isEqualTo("OPEN");
			// The case handler's page has the form.
			assertThat(session(Who.CASE_HANDLER).get(task).body()).contains("id=\"outcome-form\"");
		}

		@Test
		void theNavigationShowsOnlyWhatTheRoleMayOpen() {
			String admin = session(Who.ADMIN).get("/staff").body();
			assertThat(admin).contains("href=\"/staff/admin/accounts\"", "href=\"/staff/dashboard\"")
				.doesNotContain("href=\"/staff/requests\"", "href=\"/staff/tasks\"", "href=\"/staff/requests/new\"");
			String officer = session(Who.COMPLIANCE_OFFICER).get("/staff").body();
			assertThat(officer).contains("href=\"/staff/requests\"", "href=\"/staff/dashboard\"")
				.doesNotContain("href=\"/staff/admin/accounts\"", "href=\"/staff/tasks\"",
						"href=\"/staff/requests/new\"");
			String handler = session(Who.CASE_HANDLER).get("/staff").body();
			assertThat(handler)
				.contains("href=\"/staff/requests\"", "href=\"/staff/tasks\"", "href=\"/staff/requests/new\"")
				.doesNotContain("href=\"/staff/admin/accounts\"", "href=\"/staff/dashboard\"");
			// The location page lists its open task, linked for readers only.
			String location = "/staff/locations/" + AuthorizationMatrixTest.this.seeded.get("/staff/locations/{id}");
			String taskLink = "href=\"/staff/tasks/" + AuthorizationMatrixTest.this.taskId + "\"";
			assertThat(session(Who.ADMIN).get(location).body())
				.contains(AuthorizationMatrixTest.this.own.getReference())
				.doesNotContain(taskLink);
			assertThat(session(Who.COMPLIANCE_OFFICER).get(location).body()).contains(taskLink);
			// The audit trail names the request, linked for readers only.
			String audit = "/staff/audit?reference=" + AuthorizationMatrixTest.this.own.getReference();
			String requestLink = "href=\"/staff/requests/" + AuthorizationMatrixTest.this.own.getId() + "\"";
			assertThat(session(Who.ADMIN).get(audit).body()).contains(AuthorizationMatrixTest.this.own.getReference())
				.doesNotContain(requestLink);
			assertThat(session(Who.COMPLIANCE_OFFICER).get(audit).body()).contains(requestLink);
		}

	}

	/** Every mapped endpoint and Spring Security's own, as "METHOD pattern". */
	Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>(SECURITY_ENDPOINTS);
		for (RequestMappingInfoHandlerMapping mapping : this.handlerMappings) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					String normalised = VARIABLE.matcher(pattern).replaceAll("{$1}");
					if (methods.isEmpty()) {
						// Any method: the GET stands for them.
						endpoints.add("GET " + normalised);
					}
					for (RequestMethod method : methods) {
						endpoints.add(method.name() + " " + normalised);
					}
				}
			}
		}
		return endpoints;
	}

	/** The endpoint's path with seeded data in its variables. */
	String path(String endpoint) {
		String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
		StringBuilder path = new StringBuilder();
		Matcher variable = VARIABLE.matcher(pattern);
		while (variable.find()) {
			String before = pattern.substring(0, variable.start());
			String value = this.seeded.get("{" + variable.group(1) + "}");
			if (value == null) {
				value = this.seeded.entrySet()
					.stream()
					.filter((e) -> e.getKey().startsWith("/") && (before + "{id}").endsWith(e.getKey()))
					.map(Map.Entry::getValue)
					.findFirst()
					.orElse((variable.group(1).equals("id")) ? "999999999" : "no-such-" + variable.group(1));
			}
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variable.appendTail(path);
		return path.toString().replace("/**", "/db");
	}

	HttpResponse<String> call(String endpoint, Who who) {
		String method = endpoint.substring(0, endpoint.indexOf(' '));
		String path = path(endpoint);
		if (path.startsWith("/api/")) {
			return api(who, method, path, "{}");
		}
		Visitor visitor = SESSION_ENDING.contains(endpoint) ? newSession(who) : session(who);
		if ("GET".equals(method)) {
			return visitor.get(path);
		}
		String body = "POST /login".equals(endpoint) ? "email=nobody%40example.invalid&password=wrong-password" : "";
		return visitor.send(method, path, body);
	}

	static Outcome outcome(HttpResponse<String> response) {
		int status = response.statusCode();
		if (status == 401) {
			return Outcome.SIGN_IN;
		}
		if (status == 403) {
			return Outcome.FORBIDDEN;
		}
		String location = response.headers().firstValue("Location").orElse("");
		if (status / 100 == 3 && URI.create(location).getPath().equals("/login")
				&& URI.create(location).getQuery() == null) {
			return Outcome.SIGN_IN;
		}
		return Outcome.ALLOWED;
	}

	Visitor session(Who who) {
		return this.sessions.computeIfAbsent(who, this::newSession);
	}

	Visitor newSession(Who who) {
		Visitor visitor = new Visitor(this.port);
		if (who.role() != null) {
			HttpResponse<String> signedIn = visitor.send("POST", "/login",
					"email=" + encode(this.emails.get(who)) + "&password=" + encode(TestAccounts.PASSWORD));
			assertThat(signedIn.headers().firstValue("Location").orElse("")).as("sign-in of " + who)
				.doesNotContain("error");
			// A new CSRF token comes with the sign-in.
			visitor.csrf = null;
		}
		return visitor;
	}

	HttpResponse<String> api(Who who, String method, String path) {
		return api(who, method, path, "{}");
	}

	HttpResponse<String> api(Who who, String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", "application/json")
			.method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json));
		if (who.role() != null) {
			request.header("Authorization", "Bearer " + this.tokens.get(who));
		}
		return send(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), request.build());
	}

	static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A browser without a browser: its own cookies, and the CSRF token of its forms sent
	 * with every post (as the header Spring Security also reads, so that it holds for
	 * multipart forms too).
	 */
	static final class Visitor {

		final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		final String baseUrl;

		String csrf;

		Visitor(int port) {
			this.baseUrl = "http://localhost:" + port;
		}

		HttpResponse<String> get(String path) {
			return AuthorizationMatrixTest.send(this.client, request(path).header("Accept", "text/html").GET().build());
		}

		HttpResponse<String> post(String path, String form) {
			return send("POST", path, form);
		}

		HttpResponse<String> send(String method, String path, String form) {
			return AuthorizationMatrixTest.send(this.client,
					request(path).header("Accept", "text/html")
						.header("Content-Type", "application/x-www-form-urlencoded")
						.header("X-XSRF-TOKEN", csrf())
						.method(method, HttpRequest.BodyPublishers.ofString(form))
						.build());
		}

		private String csrf() {
			if (this.csrf == null) {
				// The start page for staff, the sign-in page for anyone: both hold a
				// form.
				HttpResponse<String> page = get("/staff");
				if (page.statusCode() != 200) {
					page = get("/login");
				}
				Matcher matcher = CSRF_FIELD.matcher(page.body());
				assertThat(matcher.find()).as("a CSRF token on " + page.uri()).isTrue();
				this.csrf = matcher.group(1);
			}
			return this.csrf;
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept-Language", "en");
		}

	}

	private static void rule(Set<Who> who, String... endpoints) {
		for (String endpoint : endpoints) {
			if (RULES.put(endpoint, who) != null) {
				throw new IllegalStateException("Two rules for " + endpoint);
			}
		}
	}

}
