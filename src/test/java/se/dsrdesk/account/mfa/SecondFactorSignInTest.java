package se.dsrdesk.account.mfa;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Second factors at sign-in with {@code dsr.security.mfa.required=ADMINS} (the default),
 * over real HTTP with a real SMTP server: an administrator's password alone does not
 * reach the staff pages; a code by email finishes the sign-in and works once; recovery
 * codes work once each; staff without the admin role are not asked.
 */
@IntegrationTest
@TestPropertySource(properties = "dsr.security.mfa.required=ADMINS")
class SecondFactorSignInTest {

	private static final Pattern CODE = Pattern.compile("\\b([A-Z2-9]{4}-[A-Z2-9]{4})\\b");

	private static final Pattern RECOVERY_CODE = Pattern.compile("class=\"recovery-code\">([a-z2-9-]{11})<");

	@RegisterExtension
	static MailServer mail = new MailServer();

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	StaffUserRepository users;

	@Autowired
	JdbcTemplate jdbc;

	HttpVisitor signedIn(String email) {
		HttpVisitor visitor = new HttpVisitor(this.port, "en");
		HttpResponse<String> response = visitor.signIn(email, TestAccounts.PASSWORD);
		assertThat(location(response)).endsWith("/staff");
		return visitor;
	}

	@Test
	void anAdministratorsPasswordAloneDoesNotReachTheStaffPages() {
		String admin = TestAccounts.create(this.accounts, Role.ADMIN);
		HttpVisitor visitor = signedIn(admin);
		for (String page : List.of("/staff/admin/accounts", "/staff", "/staff/dashboard", "/staff/account/sign-in")) {
			HttpResponse<String> response = visitor.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(location(response)).as(page).contains("/staff/sign-in/second-factor");
		}
		HttpResponse<String> secondFactorPage = visitor.get("/staff/sign-in/second-factor");
		assertThat(secondFactorPage.statusCode()).isEqualTo(200);
		assertThat(secondFactorPage.body()).contains("Finish signing in").contains("Email me a code");
	}

	@Test
	void staffWithoutTheAdminRoleAreNotAskedUnderTheDefaultSetting() {
		String handler = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor visitor = signedIn(handler);
		assertThat(visitor.get("/staff/requests").statusCode()).isEqualTo(200);
	}

	@Test
	void aCodeByEmailFinishesTheSignInAndWorksOnce() throws Exception {
		String admin = TestAccounts.create(this.accounts, Role.ADMIN);
		HttpVisitor visitor = signedIn(admin);
		assertThat(location(visitor.get("/staff/admin/accounts"))).contains("/staff/sign-in/second-factor");

		HttpResponse<String> sent = visitor.submit("/staff/sign-in/second-factor", "/staff/sign-in/second-factor/email",
				Map.of());
		assertThat(location(sent)).endsWith("/staff/sign-in/second-factor?sent");
		String code = sentCode(admin);
		// Only a digest is kept.
		assertThat(this.jdbc.queryForList("select code_hash from staff_sign_in_codes", String.class))
			.noneMatch((hash) -> hash.contains(code.replace("-", "")));

		HttpResponse<String> wrong = visitor.submit("/staff/sign-in/second-factor", "/staff/sign-in/second-factor/code",
				Map.of("token", "AAAA-AAAA"));
		assertThat(location(wrong)).endsWith("/staff/sign-in/second-factor?codeError");

		HttpResponse<String> accepted = visitor.submit("/staff/sign-in/second-factor",
				"/staff/sign-in/second-factor/code", Map.of("token", code.toLowerCase()));
		// Back to the page first asked for.
		assertThat(location(accepted)).contains("/staff/admin/accounts");
		assertThat(visitor.get("/staff/admin/accounts").statusCode()).isEqualTo(200);
		assertThat(visitor.get("/staff").statusCode()).isEqualTo(200);

		// The same code does not work again, not even in another session of the same
		// person.
		HttpVisitor again = signedIn(admin);
		HttpResponse<String> reused = again.submit("/staff/sign-in/second-factor", "/staff/sign-in/second-factor/code",
				Map.of("token", code));
		assertThat(location(reused)).endsWith("/staff/sign-in/second-factor?codeError");
		assertThat(again.get("/staff/admin/accounts").statusCode()).isEqualTo(302);

		long id = this.users.findByEmail(admin).orElseThrow().getId();
		assertThat(auditActions(id)).contains("MFA_EMAIL_CODE_SENT", "MFA_EMAIL_CODE_USED", "MFA_EMAIL_CODE_REFUSED");
		assertThat(auditLabels(id)).allMatch((label) -> label.equals("staff-user:" + id));
	}

	@Test
	void aCodeSentToOneAdministratorDoesNotWorkForAnother() throws Exception {
		String first = TestAccounts.create(this.accounts, Role.ADMIN);
		String second = TestAccounts.create(this.accounts, Role.ADMIN);
		HttpVisitor firstVisitor = signedIn(first);
		firstVisitor.submit("/staff/sign-in/second-factor", "/staff/sign-in/second-factor/email", Map.of());
		String code = sentCode(first);

		HttpVisitor secondVisitor = signedIn(second);
		HttpResponse<String> refused = secondVisitor.submit("/staff/sign-in/second-factor",
				"/staff/sign-in/second-factor/code", Map.of("token", code));
		assertThat(location(refused)).endsWith("/staff/sign-in/second-factor?codeError");
		assertThat(secondVisitor.get("/staff").statusCode()).isEqualTo(302);
	}

	@Test
	void recoveryCodesAreShownOnceStoredAsDigestsAndWorkOnceEach() throws Exception {
		String admin = TestAccounts.create(this.accounts, Role.ADMIN);
		HttpVisitor visitor = signedIn(admin);
		visitor.submit("/staff/sign-in/second-factor", "/staff/sign-in/second-factor/email", Map.of());
		String code = sentCode(admin);
		visitor.submit("/staff/sign-in/second-factor", "/staff/sign-in/second-factor/code", Map.of("token", code));

		HttpResponse<String> made = visitor.submit("/staff/account/sign-in", "/staff/account/sign-in/recovery-codes",
				Map.of());
		assertThat(location(made)).endsWith("/staff/account/sign-in");
		String page = visitor.get("/staff/account/sign-in").body();
		List<String> codes = RECOVERY_CODE.matcher(page).results().map((match) -> match.group(1)).toList();
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		// Shown once: the next visit shows only how many are left.
		String later = visitor.get("/staff/account/sign-in").body();
		assertThat(later).doesNotContain(codes.get(0)).contains("Unused recovery codes: 10.");
		long id = this.users.findByEmail(admin).orElseThrow().getId();
		assertThat(this.jdbc.queryForList("select code_hash from staff_recovery_codes where staff_user_id = ?",
				String.class, id))
			.hasSize(10)
			.noneMatch((hash) -> codes.stream().anyMatch((c) -> hash.contains(c.replace("-", ""))));

		HttpVisitor second = signedIn(admin);
		HttpResponse<String> used = second.submit("/staff/sign-in/second-factor",
				"/staff/sign-in/second-factor/recovery", Map.of("recoveryCode", codes.get(3).toUpperCase()));
		assertThat(location(used)).endsWith("/staff");
		assertThat(second.get("/staff/admin/accounts").statusCode()).isEqualTo(200);

		HttpVisitor third = signedIn(admin);
		HttpResponse<String> reused = third.submit("/staff/sign-in/second-factor",
				"/staff/sign-in/second-factor/recovery", Map.of("recoveryCode", codes.get(3)));
		assertThat(location(reused)).endsWith("/staff/sign-in/second-factor?recoveryError");
		assertThat(third.get("/staff/admin/accounts").statusCode()).isEqualTo(302);
		assertThat(second.get("/staff/account/sign-in").body()).contains("Unused recovery codes: 9.");
		assertThat(auditActions(id)).contains("MFA_RECOVERY_CODES_CREATED", "MFA_RECOVERY_CODE_USED",
				"MFA_RECOVERY_CODE_REFUSED");
	}

	/**
	 * The code in the one sign-in code mail to a staff member (their welcome mail aside).
	 */
	private static String sentCode(String email) throws Exception {
		long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<MimeMessage> codeMails = List.of();
		while (codeMails.isEmpty() && System.nanoTime() < end) {
			Thread.sleep(50);
			codeMails = mail.messagesTo(email)
				.stream()
				.filter((message) -> subject(message).startsWith("Your sign-in code"))
				.toList();
		}
		assertThat(codeMails).hasSize(1);
		MimeMessage message = codeMails.get(0);
		Matcher matcher = CODE.matcher(MailServer.plainText(message));
		assertThat(matcher.find()).as("a code in the mail").isTrue();
		return matcher.group(1);
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private List<String> auditActions(long id) {
		return this.jdbc.queryForList(
				"select action from audit_event where target_type = 'STAFF_USER' and target_id = cast(? as varchar) order by id",
				String.class, id);
	}

	private List<String> auditLabels(long id) {
		return this.jdbc.queryForList(
				"select actor_label from audit_event where target_type = 'STAFF_USER' and target_id = cast(? as varchar) and action like 'MFA_%' order by id",
				String.class, id);
	}

}
