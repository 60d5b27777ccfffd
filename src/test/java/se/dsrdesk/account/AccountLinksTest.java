package se.dsrdesk.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.system.SecretTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invitation and forgotten-password links over real HTTP, with a real SMTP server and the
 * application's clock under the test's control: a link sets the password once and then no
 * more, expires, is stored only as a hash, and ends the account's sessions; the
 * forgotten-password page answers alike for known and unknown addresses and mails only
 * the known. Also the first administrator's forced password change, and the limit on
 * wrong current passwords when changing one's own.
 */
@IntegrationTest
class AccountLinksTest {

	private static final Pattern LINK = Pattern.compile("/login/set-password\\?token=([A-Za-z0-9_-]{43})");

	private static final String NEW_PASSWORD = "a long enough passphrase";

	@RegisterExtension
	static MailServer mail = new MailServer();

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anInvitationSetsThePasswordOnceAndIsStoredOnlyAsAHash() {
		String email = uniqueEmail();
		StaffUser user = this.accounts.invite(email, "Ines Inbjuden", EnumSet.of(Role.CASE_HANDLER), "en",
				Actor.SYSTEM);
		String token = tokenMailedTo(email, 1);
		HttpVisitor visitor = visitor();

		HttpResponse<String> page = visitor.get("/login/set-password?token=" + token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Welcome: choose your password", "Ines Inbjuden", email);
		// Opening the page used nothing; only the hash is kept, and the queued mail keeps
		// no readable link.
		assertThat(this.jdbc.queryForList("select token_hash from staff_account_link where staff_user_id = ?",
				String.class, user.getId()))
			.containsExactly(SecretTokens.hash(token));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from correspondence where body_text like ? or body_html like ? or subject like ?",
				Integer.class, "%" + token + "%", "%" + token + "%", "%" + token + "%"))
			.isZero();

		HttpResponse<String> common = setPassword(visitor, token, "password1234", "password1234");
		assertThat(common.statusCode()).isEqualTo(200);
		assertThat(common.body()).contains("one of the most common");
		assertThat(setPassword(visitor, token, NEW_PASSWORD, "something else").body())
			.contains("The two passwords are not the same.");

		HttpResponse<String> set = setPassword(visitor, token, NEW_PASSWORD, NEW_PASSWORD);
		assertThat(set.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?passwordSet"));
		assertThat(location(visitor().signIn(email, NEW_PASSWORD))).endsWith("/staff");
		assertThat(this.jdbc.queryForObject("select invitation_pending from staff_user where id = ?", Boolean.class,
				user.getId()))
			.isFalse();
		assertThat(auditActions(user.getId())).contains("INVITATION_SENT", "INVITATION_ACCEPTED");

		// Once only.
		HttpResponse<String> again = setPassword(visitor, token, "yet another passphrase", "yet another passphrase");
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(again.body()).contains("The link has already been used");
		assertThat(location(visitor().signIn(email, "yet another passphrase"))).endsWith("/login?error");
		assertThat(visitor.get("/login/set-password?token=" + token).statusCode()).isEqualTo(410);
	}

	@Test
	void anInvitationExpiresAndANewOneWithdrawsTheOld() {
		Instant start = Instant.parse("2026-03-02T08:00:00Z");
		this.clock.set(start);
		String email = uniqueEmail();
		StaffUser user = this.accounts.invite(email, "Ella Utgången", EnumSet.of(Role.CASE_HANDLER), "en",
				Actor.SYSTEM);
		String first = tokenMailedTo(email, 1);
		HttpVisitor visitor = visitor();

		this.clock.set(start.plus(Duration.ofHours(72)));
		HttpResponse<String> expired = visitor.get("/login/set-password?token=" + first);
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("The link has expired.", "Ask your administrator");
		assertThat(setPassword(visitor, first, NEW_PASSWORD, NEW_PASSWORD).statusCode()).isEqualTo(410);
		assertThat(this.accounts.invitationExpiry(this.accounts.get(user.getId())))
			.contains(start.plus(Duration.ofHours(72)));

		this.accounts.resendInvitation(user.getId(), Actor.SYSTEM);
		String second = tokenMailedTo(email, 2);
		assertThat(second).isNotEqualTo(first);
		this.clock.set(start.plus(Duration.ofHours(72 + 71)));
		assertThat(visitor.get("/login/set-password?token=" + second).statusCode()).isEqualTo(200);

		this.accounts.resendInvitation(user.getId(), Actor.SYSTEM);
		String third = tokenMailedTo(email, 3);
		HttpResponse<String> withdrawn = visitor.get("/login/set-password?token=" + second);
		assertThat(withdrawn.statusCode()).isEqualTo(410);
		assertThat(withdrawn.body()).contains("a newer link has been sent");
		assertThat(location(setPassword(visitor, third, NEW_PASSWORD, NEW_PASSWORD))).endsWith("/login?passwordSet");
	}

	@Test
	void aForgottenPasswordLinkWorksOnceExpiresAndEndsTheSessions() {
		// Whole seconds: the database keeps microseconds, and rounds.
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.clock.set(start);
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor signedIn = visitor();
		assertThat(location(signedIn.signIn(email, TestAccounts.PASSWORD))).endsWith("/staff");
		assertThat(signedIn.get("/staff").statusCode()).isEqualTo(200);

		HttpVisitor forgetful = visitor();
		HttpResponse<String> asked = forgetful.submit("/login/forgot-password", "/login/forgot-password",
				Map.of("email", email.toUpperCase()));
		assertThat(location(asked)).endsWith("/login/forgot-password?sent");
		// The first mail is the welcome of TestAccounts.create.
		String expiring = tokenMailedTo(email, 2);
		this.clock.set(start.plus(Duration.ofMinutes(60)));
		assertThat(forgetful.get("/login/set-password?token=" + expiring).statusCode()).isEqualTo(410);

		this.clock.set(start.plus(Duration.ofMinutes(61)));
		forgetful.submit("/login/forgot-password", "/login/forgot-password", Map.of("email", email));
		String token = tokenMailedTo(email, 3);
		HttpResponse<String> page = forgetful.get("/login/set-password?token=" + token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Choose a new password");
		// The old password still works until the link is used.
		assertThat(signedIn.get("/staff").statusCode()).isEqualTo(200);

		assertThat(location(setPassword(forgetful, token, NEW_PASSWORD, NEW_PASSWORD))).endsWith("/login?passwordSet");
		HttpResponse<String> ended = signedIn.get("/staff");
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(location(ended)).endsWith("/login");
		assertThat(location(visitor().signIn(email, TestAccounts.PASSWORD))).endsWith("/login?error");
		assertThat(location(visitor().signIn(email, NEW_PASSWORD))).endsWith("/staff");
		assertThat(setPassword(forgetful, token, "yet another passphrase", "yet another passphrase").statusCode())
			.isEqualTo(410);
		long id = idOf(email);
		assertThat(auditActions(id)).contains("PASSWORD_RESET_LINK_SENT", "PASSWORD_RESET_BY_LINK", "SESSIONS_ENDED");
	}

	@Test
	void theForgottenPasswordPageAnswersAlikeForKnownAndUnknownAddresses() {
		String known = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		String unknown = uniqueEmail();
		HttpResponse<String> forKnown = visitor().submit("/login/forgot-password", "/login/forgot-password",
				Map.of("email", known));
		HttpResponse<String> forUnknown = visitor().submit("/login/forgot-password", "/login/forgot-password",
				Map.of("email", unknown));
		assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(302);
		assertThat(location(forUnknown)).isEqualTo(location(forKnown));
		assertThat(forUnknown.body()).isEqualTo(forKnown.body());
		assertThat(forUnknown.headers().map().keySet()).isEqualTo(forKnown.headers().map().keySet());
		assertThat(forKnown.headers().firstValue("Set-Cookie").orElse("")).as("no session for an anonymous visitor")
			.doesNotContain("SESSION");
		HttpVisitor next = visitor();
		assertThat(next.get(location(forKnown).replaceFirst("^https?://[^/]+", "")).body())
			.contains("If this address belongs to a staff account");

		// The welcome of TestAccounts.create, then the link.
		assertThat(tokenMailedTo(known, 2)).isNotEmpty();
		assertThat(mail.awaitMessagesTo(unknown, 1, Duration.ofSeconds(2))).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from correspondence where recipient = ?", Integer.class,
				unknown))
			.isZero();
	}

	@Test
	void aGeneratedPasswordMustBeChangedBeforeAnythingElse() {
		String email = TestAccounts.create(this.accounts, Role.ADMIN, Role.CASE_HANDLER);
		// As the first administrator with a generated password is made
		// (FirstAdminBootstrap).
		this.jdbc.update("update staff_user set password_change_required = true where email = ?", email);
		HttpVisitor visitor = visitor();
		assertThat(location(visitor.signIn(email, TestAccounts.PASSWORD))).endsWith("/staff");
		for (String path : List.of("/staff", "/staff/requests", "/staff/admin/accounts", "/staff/account/tokens")) {
			HttpResponse<String> response = visitor.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(location(response)).as(path).endsWith("/staff/account/password");
		}
		HttpResponse<String> page = visitor.get("/staff/account/password");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Choose your own password before you go on.");

		HttpResponse<String> changed = visitor.submit("/staff/account/password", "/staff/account/password",
				Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword", NEW_PASSWORD, "confirmPassword",
						NEW_PASSWORD));
		assertThat(location(changed)).endsWith("/staff");
		assertThat(visitor.get("/staff").statusCode()).isEqualTo(200);
		assertThat(visitor.get("/staff/requests").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select password_change_required from staff_user where email = ?",
				Boolean.class, email))
			.isFalse();
		HttpVisitor later = visitor();
		assertThat(location(later.signIn(email, NEW_PASSWORD))).endsWith("/staff");
		assertThat(later.get("/staff").statusCode()).isEqualTo(200);
	}

	@Test
	void wrongCurrentPasswordsAreLimitedAndEndTheSessions() {
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor other = visitor();
		assertThat(location(other.signIn(email, TestAccounts.PASSWORD))).endsWith("/staff");
		HttpVisitor guesser = visitor();
		assertThat(location(guesser.signIn(email, TestAccounts.PASSWORD))).endsWith("/staff");
		for (int guess = 1; guess <= 4; guess++) {
			HttpResponse<String> wrong = change(guesser, "guess number " + guess);
			assertThat(wrong.statusCode()).as("guess " + guess).isEqualTo(200);
			assertThat(wrong.body()).contains("The current password is wrong.");
		}
		HttpResponse<String> fifth = change(guesser, "guess number 5");
		assertThat(location(fifth)).endsWith("/login?passwordTries");
		assertThat(location(guesser.get("/staff"))).endsWith("/login");
		assertThat(location(other.get("/staff"))).endsWith("/login");

		// Signed in again, even the right password is not checked until tries come back.
		HttpVisitor again = visitor();
		assertThat(location(again.signIn(email, TestAccounts.PASSWORD))).endsWith("/staff");
		assertThat(location(change(again, TestAccounts.PASSWORD))).endsWith("/login?passwordTries");
		assertThat(location(visitor().signIn(email, NEW_PASSWORD))).endsWith("/login?error");
		assertThat(auditActions(idOf(email))).contains("PASSWORD_CHANGE_FAILED", "PASSWORD_CHANGE_BLOCKED",
				"SESSIONS_ENDED");
	}

	HttpResponse<String> change(HttpVisitor visitor, String current) {
		return visitor.submit("/staff/account/password", "/staff/account/password",
				Map.of("currentPassword", current, "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
	}

	HttpResponse<String> setPassword(HttpVisitor visitor, String token, String password, String confirmation) {
		return visitor.submit("/login/forgot-password", "/login/set-password",
				Map.of("token", token, "newPassword", password, "confirmPassword", confirmation));
	}

	String tokenMailedTo(String email, int count) {
		List<MimeMessage> messages = mail.awaitMessagesTo(email, count, Duration.ofSeconds(20));
		assertThat(messages).hasSize(count);
		Matcher link = LINK.matcher(MailServer.plainText(messages.get(count - 1)));
		assertThat(link.find()).as("a link in the mail").isTrue();
		return link.group(1);
	}

	HttpVisitor visitor() {
		return new HttpVisitor(this.port, "en");
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	static String uniqueEmail() {
		return "link-" + UUID.randomUUID() + "@example.com";
	}

	long idOf(String email) {
		return this.jdbc.queryForObject("select id from staff_user where email = ?", Long.class, email);
	}

	List<String> auditActions(long id) {
		return this.jdbc.queryForList(
				"select action from audit_event where target_type = 'STAFF_USER' and target_id = ? order by id",
				String.class, String.valueOf(id));
	}

}
