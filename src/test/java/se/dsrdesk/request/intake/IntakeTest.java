package se.dsrdesk.request.intake;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.support.Html;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.system.SecretTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public intake over real HTTP against PostgreSQL and GreenMail: what is stored, what
 * is mailed, how links behave once used or expired, bad input, the honeypot, linking a
 * person's requests, duplicates, and that none of it opens a server session.
 */
@IntegrationTest
class IntakeTest {

	/** Tuesday 14 January 2025, 10:00 in Stockholm. */
	static final Instant SUBMITTED = Instant.parse("2025-01-14T09:00:00Z");

	@RegisterExtension
	static MailServer mail = new MailServer();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	IntakeSweep sweep;

	HttpVisitor visitor;

	@BeforeEach
	void setUp() {
		this.clock.set(SUBMITTED);
		this.visitor = new HttpVisitor(this.port, "en-GB");
	}

	@AfterEach
	void tearDown() {
		// Leave no open requests for the deadline sweep tests to find.
		this.jdbc.update("UPDATE dsr_request SET status = 'WITHDRAWN', closed_at = updated_at"
				+ " WHERE channel = 'WEB' AND status IN ('NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT')");
		this.clock.reset();
	}

	@Test
	void aNameAndAnInternationalisedAddressComeThroughUnchanged() {
		String email = "åsa." + unique() + "@bücher.example";
		// "Å" typed as A plus a combining ring: stored in the composed (NFC) form.
		HttpResponse<String> response = submit(
				form("ACCESS", "A\u030Asa O\u0308berg-A\u030Angstro\u0308m", email, "Customer data, please"));
		assertThat(response.statusCode()).isEqualTo(302);

		Map<String, Object> stored = this.jdbc.queryForMap("SELECT s.name, s.email, s.email_key, r.status,"
				+ " r.received_at, r.relationship FROM dsr_request r JOIN data_subject s ON s.id = r.data_subject_id"
				+ " WHERE s.email = ?", email);
		assertThat(stored).containsEntry("name", "Åsa Öberg-Ångström")
			.containsEntry("email", email)
			.containsEntry("status", "UNVERIFIED")
			.containsEntry("relationship", "CUSTOMER");
		assertThat(((Timestamp) stored.get("received_at")).toInstant()).isEqualTo(SUBMITTED);

		String ascii = IntakeService.deliverable(email);
		assertThat(ascii).endsWith("@xn--bcher-kva.example");
		List<String> mails = IntakeMails.deliveredTo(this.context, mail, ascii, 1);
		assertThat(mails).hasSize(1);
		// Before the address is confirmed, the mail holds nothing the form's sender
		// typed.
		assertThat(mails.get(0)).contains("Hello,", email).doesNotContain("Åsa Öberg-Ångström");

		this.visitor.submit("/request/confirm?token=" + IntakeMails.confirmToken(mails.get(0)), "/request/confirm",
				Map.of("token", IntakeMails.confirmToken(mails.get(0))));
		List<String> after = IntakeMails.deliveredTo(this.context, mail, ascii, 2);
		assertThat(after).hasSize(2);
		assertThat(after.get(1)).contains("Hello Åsa Öberg-Ångström,", "Our answer at the latest: 14 February 2025");
	}

	@Test
	void aNameWithAWebAddressIsNeverMailedToTheUnconfirmedAddress() throws Exception {
		String email = "victim." + unique() + "@example.com";
		assertThat(submit(form("ACCESS", "Win a prize at https://evil.example/claim www.evil.example", email, null))
			.statusCode()).isEqualTo(302);
		List<String> texts = IntakeMails.deliveredTo(this.context, mail, email, 1);
		assertThat(texts).hasSize(1);
		assertThat(texts.get(0)).contains("Hello,", "/request/confirm?token=").doesNotContain("evil", "prize");
		// Neither part, plain text or HTML, holds it.
		String whole = se.dsrdesk.support.MailServer.text(mail.messagesTo(email).get(0));
		assertThat(whole).contains("text/html").doesNotContain("evil", "prize");
	}

	@Test
	void theConfirmationLinkIsSingleUseAndTheUsedLinkGetsAHelpfulPage() {
		String email = unique() + "@example.com";
		submit(form("ERASURE", "Erik Ek", email, null));
		String token = IntakeMails.confirmToken(IntakeMails.deliveredTo(this.context, mail, email, 1).get(0));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM request_token WHERE token_hash = ?", Integer.class,
				SecretTokens.hash(token)))
			.as("only the hash is stored")
			.isEqualTo(1);

		HttpResponse<String> confirmed = confirm(token);
		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(confirmed.headers().firstValue("Location").orElseThrow()).contains("/request/status/DSR-2025-")
			.endsWith("?confirmed");
		assertThat(statusOf(email)).isEqualTo("NEW");

		HttpResponse<String> again = confirm(token);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(Html.textOf(again.body(), "page").orElseThrow()).contains("This link has already been used",
				"Get a new link");
		assertThat(this.visitor.get("/request/confirm?token=" + token).body())
			.contains("This link has already been used");
		assertThat(IntakeMails.deliveredTo(this.context, mail, email, 2)).as("one acknowledgement only").hasSize(2);
	}

	@Test
	void anExpiredLinkIsRefusedAndANewLinkCanBeHad() {
		String email = unique() + "@example.com";
		submit(form("ACCESS", "Ella Ström", email, null));
		String token = IntakeMails.confirmToken(IntakeMails.deliveredTo(this.context, mail, email, 1).get(0));

		this.clock.set(SUBMITTED.plus(Duration.ofDays(7)).plusSeconds(1));
		HttpResponse<String> page = this.visitor.get("/request/confirm?token=" + token);
		assertThat(page.body()).contains("This link has expired", "Send a new link");
		assertThat(confirm(token).body()).contains("This link has expired");
		assertThat(statusOf(email)).isEqualTo("UNVERIFIED");

		HttpResponse<String> asked = this.visitor.submit("/request/new-link", "/request/new-link",
				Map.of("email", email.toUpperCase()));
		assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/request/new-link/sent");
		List<String> mails = IntakeMails.deliveredTo(this.context, mail, email, 2);
		assertThat(mails).hasSize(2);
		String fresh = IntakeMails.confirmToken(mails.get(1));
		assertThat(fresh).isNotEqualTo(token);
		assertThat(mails.get(1)).as("a new link lasts only until the request would expire")
			.contains("The link works until the end of 28 January 2025");
		assertThat(confirm(fresh).statusCode()).isEqualTo(302);
		assertThat(statusOf(email)).isEqualTo("NEW");
	}

	@Test
	void anUnknownAddressGetsTheSameAnswerAndNoMail() {
		String email = unique() + "@example.com";
		HttpResponse<String> asked = this.visitor.submit("/request/new-link", "/request/new-link",
				Map.of("email", email));
		assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/request/new-link/sent");
		assertThat(IntakeMails.deliveredTo(this.context, mail, email)).isEmpty();
		assertThat(this.visitor.get("/request/confirm?token=nonsense").body()).contains("This link does not work");
	}

	@Test
	void badInputGetsMessagesNextToItsFieldsAndKeepsWhatWasTyped() {
		Map<String, String> fields = form("OBJECTION", "Nils\u0000Nilsson", "not an address", "");
		fields.remove("truthful");
		HttpResponse<String> response = submit(fields);
		assertThat(response.statusCode()).isEqualTo(200);
		String html = response.body();
		assertThat(Html.textOf(html, "name-error")).hasValue("Remove the invisible control characters from this text.");
		assertThat(Html.textOf(html, "email-error")).hasValue("Enter a valid email address, such as name@example.com.");
		assertThat(Html.textOf(html, "description-error")).hasValue("Tell us which use of your data you object to.");
		assertThat(Html.textOf(html, "truthful-error"))
			.hasValue("Tick the box to confirm that what you have written is true.");
		assertThat(Html.valueOf(html, "email")).hasValue("not an address");
		assertThat(Html.isChecked(html, "type", "OBJECTION")).isTrue();
		assertThat(Html.isChecked(html, "relationship", "CUSTOMER")).isTrue();

		Map<String, String> noType = form("ACCESS", "Nils Nilsson", "nils@example.com", "x".repeat(4001));
		noType.remove("type");
		String second = submit(noType).body();
		assertThat(Html.textOf(second, "type-error")).hasValue("Choose what you want to ask for.");
		assertThat(Html.textOf(second, "description-error")).hasValue("Use at most 4000 characters.");
		assertThat(Html.valueOf(second, "name")).hasValue("Nils Nilsson");
	}

	/**
	 * Issue 13: the public form takes an optional postal address, so that letters can go
	 * by post if the person asks; the email address stays required.
	 */
	@Test
	void anOptionalPostalAddressIsStoredAndABadOneIsRefusedWithWhatWasTyped() {
		String email = unique() + "@example.com";
		Map<String, String> fields = form("ACCESS", "Åsa Öberg", email, null);
		fields.put("postalAddress", "Åsa Öberg\r\nStorgatan 1\r\n223 62 Lund");
		assertThat(submit(fields).statusCode()).isEqualTo(302);
		assertThat(this.jdbc.queryForObject("SELECT r.postal_address FROM dsr_request r JOIN data_subject s"
				+ " ON s.id = r.data_subject_id WHERE s.email = ?", String.class, email))
			.isEqualTo("Åsa Öberg\nStorgatan 1\n223 62 Lund");

		Map<String, String> without = form("ACCESS", "Bo Ek", unique() + "@example.com", null);
		assertThat(submit(without).statusCode()).as("the address is optional").isEqualTo(302);

		String sevenLines = "1\n2\n3\n4\n5\n6\n7";
		Map<String, String> tooMany = form("ACCESS", "Bo Ek", unique() + "@example.com", null);
		tooMany.put("postalAddress", sevenLines);
		String refused = submit(tooMany).body();
		assertThat(Html.textOf(refused, "postalAddress-error"))
			.hasValue("At most 6 lines: what fits in an envelope's window.");
		assertThat(refused).contains(sevenLines);
		Map<String, String> tooLong = form("ACCESS", "Bo Ek", unique() + "@example.com", null);
		tooLong.put("postalAddress", "x".repeat(501));
		assertThat(Html.textOf(submit(tooLong).body(), "postalAddress-error")).hasValue("Use at most 500 characters.");

		// A missing email address is still refused, postal address or not.
		Map<String, String> noEmail = form("ACCESS", "Bo Ek", "", null);
		noEmail.put("postalAddress", "Bo Ek\nStorgatan 2\n223 62 Lund");
		String noEmailPage = submit(noEmail).body();
		assertThat(Html.textOf(noEmailPage, "email-error")).isPresent();
		assertThat(noEmailPage).contains("Storgatan 2");
	}

	@Test
	void theHoneypotLooksLikeSuccessAndKeepsNothing() {
		String email = unique() + "@example.com";
		Map<String, String> fields = form("ACCESS", "Robot", email, null);
		fields.put("website", "http://spam.example");
		HttpResponse<String> response = submit(fields);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/request/sent");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM data_subject WHERE email = ?", Integer.class, email))
			.isZero();
	}

	@Test
	void aKnownAddressGetsTheSameAnswerAndItsRequestsJoinOnePersonWithTheSecondFlagged() {
		String local = unique();
		String first = local + "@example.com";
		submit(form("ACCESS", "Karin Berg", first, null));
		confirm(IntakeMails.confirmToken(IntakeMails.deliveredTo(this.context, mail, first, 1).get(0)));

		// The same address, in other case: the answer is the same as for a new address.
		String second = local.toUpperCase() + "@EXAMPLE.com";
		HttpResponse<String> response = submit(form("ACCESS", "Karin Berg-Lund", second, null));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/request/sent");
		List<Map<String, Object>> before = requestsOf(local);
		assertThat(before).hasSize(2);
		assertThat(before.get(0).get("data_subject_id")).isNotEqualTo(before.get(1).get("data_subject_id"));

		// The same mailbox got both confirmation mails; the third mail is the second
		// link.
		List<String> mails = IntakeMails.deliveredTo(this.context, mail, second, 3);
		// The confirmation mail holds nothing the form's sender typed, not even the name.
		assertThat(mails.get(2)).contains("Hello,").doesNotContain("Karin Berg-Lund");
		confirm(IntakeMails.confirmToken(mails.get(2)));
		List<Map<String, Object>> after = requestsOf(local);
		assertThat(after.get(1).get("status")).as("a duplicate never blocks confirmation").isEqualTo("NEW");
		assertThat(after.get(1).get("data_subject_id")).isEqualTo(after.get(0).get("data_subject_id"));
		assertThat(after.get(1).get("possible_duplicate_of")).isEqualTo(after.get(0).get("id"));
		assertThat(after.get(0).get("possible_duplicate_of")).isNull();
		assertThat(this.jdbc.queryForObject("SELECT name FROM data_subject WHERE id = ?", String.class,
				after.get(0).get("data_subject_id")))
			.isEqualTo("Karin Berg-Lund");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'REQUEST_FLAGGED_DUPLICATE' AND target_id = ?",
				Integer.class, String.valueOf(after.get(1).get("id"))))
			.isEqualTo(1);
	}

	@Test
	void theStatusPageShowsTheRequestAndLettersAndLetsThePersonWithdraw() {
		String email = unique() + "@example.com";
		submit(form("PORTABILITY", "Olle Ode", email, null));
		confirm(IntakeMails.confirmToken(IntakeMails.deliveredTo(this.context, mail, email, 1).get(0)));
		String statusPath = IntakeMails.statusPath(IntakeMails.deliveredTo(this.context, mail, email, 2).get(1));

		String page = this.visitor.get(statusPath).body();
		assertThat(Html.textOf(page, "status")).hasValue("Received, waiting to be handled");
		assertThat(Html.textOf(page, "received")).hasValue("2025-01-14");
		assertThat(Html.textOf(page, "deadline")).hasValue("2025-02-14");
		assertThat(Html.textOf(page, "letters").orElseThrow()).contains("Confirm your request",
				"We have received your request");

		String reference = statusPath.split("/")[3];
		assertThat(this.visitor.get("/request/status/" + reference + "/" + "A".repeat(43)).statusCode()).isEqualTo(404);
		assertThat(this.visitor.get("/request/status/DSR-1999-000001/" + statusPath.split("/")[4]).statusCode())
			.as("the secret opens only its own request")
			.isEqualTo(404);

		HttpResponse<String> withdrawn = this.visitor.submit(statusPath, statusPath + "/withdraw", Map.of());
		assertThat(withdrawn.headers().firstValue("Location").orElseThrow()).endsWith("?withdrawn");
		assertThat(statusOf(email)).isEqualTo("WITHDRAWN");
		assertThat(Html.textOf(this.visitor.get(statusPath).body(), "status")).hasValue("Withdrawn");
	}

	@Test
	void oneReminderAfterTwoDaysThenExpiryErasesThePersonsDetails() {
		String email = unique() + "@example.com";
		submit(form("RECTIFICATION", "Rut Rättel", email, "My address is wrong"));
		String firstToken = IntakeMails.confirmToken(IntakeMails.deliveredTo(this.context, mail, email, 1).get(0));

		this.clock.set(SUBMITTED.plus(Duration.ofHours(47)));
		this.sweep.run();
		assertThat(IntakeMails.deliveredTo(this.context, mail, email)).as("no reminder before 48 hours").hasSize(1);

		this.clock.set(SUBMITTED.plus(Duration.ofHours(48)).plusSeconds(60));
		this.sweep.run();
		this.sweep.run();
		List<String> mails = IntakeMails.deliveredTo(this.context, mail, email, 2);
		assertThat(mails).as("one reminder, however often the sweep runs").hasSize(2);
		assertThat(mails.get(1)).contains("We have not yet had your confirmation.");
		assertThat(IntakeMails.confirmToken(mails.get(1))).isNotEqualTo(firstToken);

		this.clock.set(SUBMITTED.plus(Duration.ofDays(14)).minusSeconds(60));
		this.sweep.run();
		assertThat(statusOf(email)).isEqualTo("UNVERIFIED");

		this.clock.set(SUBMITTED.plus(Duration.ofDays(14)).plusSeconds(60));
		this.sweep.run();
		Map<String, Object> expired = this.jdbc.queryForMap("SELECT r.id, r.status, r.description, r.type,"
				+ " r.receipt_date, s.name, s.email, s.email_key, s.phone, s.erased_at FROM dsr_request r"
				+ " JOIN data_subject s ON s.id = r.data_subject_id WHERE r.description IS NULL AND r.status = 'EXPIRED'"
				+ " AND r.id = (SELECT MAX(request_id) FROM correspondence WHERE subject LIKE 'Reminder: confirm%'"
				+ " AND sent_at IS NOT NULL AND recipient = 'erased')");
		assertThat(expired).containsEntry("type", "RECTIFICATION")
			.containsEntry("name", null)
			.containsEntry("email", null)
			.containsEntry("email_key", null)
			.containsEntry("phone", null);
		assertThat(expired.get("erased_at")).isNotNull();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM correspondence WHERE request_id = ? AND (recipient <> 'erased' OR body_text <> '-')",
				Integer.class, expired.get("id")))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM data_subject WHERE email = ?", Integer.class, email))
			.isZero();
		assertThat(confirm(firstToken).body()).contains("This link has already been used");
	}

	@Test
	void anonymousVisitorsGetNoServerSession() {
		String email = unique() + "@example.com";
		List<HttpResponse<String>> responses = new ArrayList<>();
		responses.add(this.visitor.get("/"));
		responses.add(this.visitor.get("/request"));
		responses.add(this.visitor.get("/privacy"));
		responses.add(submit(form("ACCESS", "Sam Session", email, null)));
		responses.add(this.visitor.get("/request/sent"));
		String token = IntakeMails.confirmToken(IntakeMails.deliveredTo(this.context, mail, email, 1).get(0));
		responses.add(this.visitor.get("/request/confirm?token=" + token));
		responses.add(confirm(token));
		String location = responses.get(responses.size() - 1).headers().firstValue("Location").orElseThrow();
		responses.add(this.visitor.get(URI.create(location).getRawPath()));
		for (HttpResponse<String> response : responses) {
			assertThat(response.statusCode()).as(response.uri().toString()).isLessThan(400);
			assertThat(response.headers().allValues("Set-Cookie")).as(response.uri().toString())
				.noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
		}
	}

	@Test
	void thePrivacyPolicyIsServedInBothLanguages() {
		assertThat(this.visitor.get("/privacy").body()).contains("Privacy policy", "Clavis Communications AB",
				"Integritetsskyddsmyndigheten (IMY)");
		assertThat(new HttpVisitor(this.port, "sv-SE").get("/privacy").body()).contains("Integritetspolicy",
				"personuppgiftsansvarig");
		assertThat(this.visitor.get("/request").body()).contains("href=\"/privacy\"");
	}

	@Test
	void theCorrespondenceLogKeepsNoLinkSecretAndTheLinksStillWork() {
		String email = unique() + "@example.com";
		submit(form("ACCESS", "Sara Secret", email, null));
		String confirmToken = IntakeMails.confirmToken(IntakeMails.deliveredTo(this.context, mail, email, 1).get(0));
		assertThat(confirm(confirmToken).statusCode()).isEqualTo(302);
		String acknowledgement = IntakeMails.deliveredTo(this.context, mail, email, 2).get(1);
		String statusPath = IntakeMails.statusPath(acknowledgement);
		String statusToken = statusPath.substring(statusPath.lastIndexOf('/') + 1);
		assertThat(this.visitor.get(statusPath).statusCode()).isEqualTo(200);
		assertThat(statusOf(email)).isEqualTo("NEW");

		List<Map<String, Object>> stored = this.jdbc.queryForList(
				"SELECT subject, body_text, body_html, secrets, status FROM correspondence WHERE recipient = ?", email);
		assertThat(stored).hasSizeGreaterThanOrEqualTo(2).allSatisfy((row) -> {
			String all = row.get("subject") + " " + row.get("body_text") + " " + row.get("body_html");
			assertThat(all).doesNotContain(confirmToken).doesNotContain(statusToken);
			assertThat(row.get("status")).isEqualTo("SENT");
			assertThat(row.get("secrets")).as("the encrypted secrets are dropped once sent").isNull();
		});
		assertThat(stored).anySatisfy((row) -> assertThat((String) row.get("body_text"))
			.contains("/request/confirm?token=[secret-link-hidden-"));
	}

	private HttpResponse<String> submit(Map<String, String> fields) {
		return this.visitor.submit("/request", "/request", fields);
	}

	private HttpResponse<String> confirm(String token) {
		return this.visitor.submit("/request/new-link", "/request/confirm", Map.of("token", token));
	}

	private String statusOf(String email) {
		return this.jdbc.queryForObject(
				"SELECT r.status FROM dsr_request r JOIN data_subject s"
						+ " ON s.id = r.data_subject_id WHERE s.email_key = lower(?) ORDER BY r.id DESC LIMIT 1",
				String.class, email);
	}

	private List<Map<String, Object>> requestsOf(String local) {
		return this.jdbc.queryForList("SELECT r.id, r.status, r.data_subject_id, r.possible_duplicate_of"
				+ " FROM dsr_request r WHERE r.id IN (SELECT request_id FROM correspondence WHERE lower(recipient) LIKE ?)"
				+ " ORDER BY r.id", local.toLowerCase() + "@%");
	}

	static Map<String, String> form(String type, String name, String email, String description) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("type", type);
		fields.put("name", name);
		fields.put("email", email);
		fields.put("phone", "");
		fields.put("relationship", "CUSTOMER");
		fields.put("description", (description != null) ? description : "");
		fields.put("language", "en");
		fields.put("truthful", "true");
		fields.put("website", "");
		return fields;
	}

	static String unique() {
		return "p" + UUID.randomUUID().toString().substring(0, 12);
	}

}
