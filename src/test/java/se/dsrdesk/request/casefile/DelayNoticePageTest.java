package se.dsrdesk.request.casefile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.Html;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Delays announced on the request page (Art. 12(3)), through HTTP against PostgreSQL: the
 * banner once the deadline has passed, the delay notice with its refusals in English and
 * Swedish, an extension that does not count until its posted notice is recorded, and a
 * late answer that needs its reason and apologises. The requests are received on Tuesday
 * 3 March 2026; the one-month deadline is Tuesday 7 April.
 */
@IntegrationTest
@AutoConfigureMockMvc
class DelayNoticePageTest {

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvcTester mvc;

	StaffPrincipal handler;

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.handler = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.CASE_HANDLER);
	}

	@AfterEach
	void tearDown() {
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
		}
		this.clock.reset();
	}

	@Test
	@DisplayName("Art. 12(3): once the deadline has passed the page prompts for a delay notice, which goes to the person")
	void bannerAndNotice() {
		DsrRequest request = started("person-" + UUID.randomUUID() + "@example.com");
		assertThat(html(get(request, "en"))).doesNotContain("id=\"delay-banner\"", "id=\"delay-form\"");
		this.clock.set(Instant.parse("2026-04-08T09:00:00Z"));
		String page = html(get(request, "en"));
		assertThat(Html.textOf(page, "delay-banner").orElseThrow())
			.contains("The deadline has passed and the person has not been told.");
		assertThat(page).contains("id=\"delay-form\"");

		MvcTestResult sent = post(request, "delay", "en", Map.of("version", Long.toString(request.getVersion()),
				"delayReason", "Our backups must be restored first.", "expectedOn", "2026-04-24"));
		assertThat(sent).hasStatus3xxRedirection();
		assertThat(sent.getMvcResult().getFlashMap().get("success")).isEqualTo("requestPage.done.delayAnnounced");
		DsrRequest told = this.requests.get(request.getId());
		assertThat(told.getDelayAnnouncedOn()).isEqualTo(LocalDate.of(2026, 4, 8));
		assertThat(told.getDelayExpectedOn()).isEqualTo(LocalDate.of(2026, 4, 24));
		Map<String, Object> mail = this.jdbc.queryForMap(
				"select template, language, body_text from correspondence where id = ?", told.getDelayNoticeId());
		assertThat(mail).containsEntry("template", "request-delayed").containsEntry("language", "sv");
		assertThat((String) mail.get("body_text")).contains("Our backups must be restored first.", "den 24 april 2026",
				"artikel 12.3", "vi ber om ursäkt");
		String after = html(get(told, "en"));
		assertThat(after).doesNotContain("id=\"delay-banner\"");
		assertThat(Html.textOf(after, "delay-notice").orElseThrow()).contains("answer expected by");
		assertThat(this.jdbc.queryForList(
				"select action from audit_event where target_type = 'REQUEST' and target_id = ? order by id",
				String.class, request.getId().toString()))
			.contains("REQUEST_DELAY_ANNOUNCED");

		// The expected date passes: the banner comes back.
		this.clock.set(Instant.parse("2026-04-25T09:00:00Z"));
		assertThat(Html.textOf(html(get(told, "en")), "delay-banner").orElseThrow()).contains("has passed");
	}

	@Test
	@DisplayName("Art. 12(3): a delay notice without a reason or with a past date is refused with translated reasons, "
			+ "keeping what was typed")
	void refusedInBothLanguages() {
		DsrRequest request = started("person-" + UUID.randomUUID() + "@example.com");
		this.clock.set(Instant.parse("2026-04-08T09:00:00Z"));
		Map<String, String> bad = Map.of("version", Long.toString(request.getVersion()), "delayReason", " ",
				"expectedOn", "2026-04-01");
		String english = html(post(request, "delay", "en", bad));
		assertThat(english).contains("Write why the answer is delayed.", "The expected date must be after today.",
				"value=\"2026-04-01\"");
		String swedish = html(post(request, "delay", "sv", bad));
		assertThat(swedish).contains("Skriv varför svaret dröjer.", "Datumet måste ligga efter i dag.");
		String notADate = html(post(request, "delay", "en", Map.of("version", Long.toString(request.getVersion()),
				"delayReason", "Backups.", "expectedOn", "next week")));
		assertThat(notADate).contains("Backups.").doesNotContain("Exception");
		assertThat(this.requests.get(request.getId()).getDelayAnnouncedOn()).isNull();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from correspondence where request_id = ? and template = 'request-delayed'", Long.class,
				request.getId()))
			.isZero();
	}

	@Test
	@DisplayName("Art. 12(3): an extension for a person without email does not count until a notice posted "
			+ "within the first month is recorded")
	void extensionWithoutEmail() {
		DsrRequest request = started(null);
		this.clock.set(Instant.parse("2026-03-20T09:00:00Z"));
		assertThat(post(request, "extend", "en", Map.of("version", Long.toString(request.getVersion()),
				"extensionMonths", "1", "extensionReason", "Paper archives.")))
			.hasStatus3xxRedirection();
		DsrRequest extended = this.requests.get(request.getId());
		assertThat(extended.isExtensionCounted()).isFalse();
		assertThat(extended.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 4, 7));
		String page = html(get(extended, "en"));
		assertThat(Html.textOf(page, "extension-not-counted").orElseThrow()).contains("The extension does not count.",
				"no email address");
		assertThat(page).contains("id=\"extension-posted-form\"");
		assertThat(Html.textOf(html(get(extended, "sv")), "extension-not-counted").orElseThrow())
			.contains("Förlängningen gäller inte.");

		// Recorded on 9 April, after the month: a letter posted on 8 April is refused.
		this.clock.set(Instant.parse("2026-04-09T09:00:00Z"));
		String late = html(post(extended, "extension-posted", "en",
				Map.of("version", Long.toString(extended.getVersion()), "postedOn", "2026-04-08")));
		assertThat(late).contains("A notice posted after the first month does not make the extension count");
		assertThat(this.requests.get(request.getId()).isExtensionCounted()).isFalse();
		// ... one posted on 23 March counts.
		assertThat(post(extended, "extension-posted", "en",
				Map.of("version", Long.toString(extended.getVersion()), "postedOn", "2026-03-23")))
			.hasStatus3xxRedirection();
		DsrRequest counted = this.requests.get(request.getId());
		assertThat(counted.isExtensionCounted()).isTrue();
		assertThat(counted.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 5, 4));
		String after = html(get(counted, "en"));
		assertThat(after).doesNotContain("id=\"extension-not-counted\"", "id=\"extension-posted-form\"");
		assertThat(Html.textOf(after, "extension-counts").orElseThrow()).contains("posted on");
	}

	@Test
	@DisplayName("Art. 12(3): after the deadline the answer page asks why the answer is late, refuses without it "
			+ "(English and Swedish), and the letter apologises")
	void lateAnswer() {
		DsrRequest request = started("person-" + UUID.randomUUID() + "@example.com");
		TestTasks.finishAll(this.tasks, request.getId());
		this.requests.verifyIdentity(request.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		assertThat(html(answerPage(request, "en"))).doesNotContain("id=\"answer-late\"");
		this.clock.set(Instant.parse("2026-04-08T09:00:00Z"));
		assertThat(html(answerPage(request, "en"))).contains("id=\"answer-late\"");
		DsrRequest current = this.requests.get(request.getId());
		Map<String, String> noReason = Map.of("version", Long.toString(current.getVersion()), "answerText",
				"Here is our answer.");
		assertThat(html(post(current, "answer", "en", noReason)))
			.contains("The deadline has passed: record why the answer comes late.", "Here is our answer.");
		assertThat(html(post(current, "answer", "sv", noReason)))
			.contains("Tidsfristen har gått ut. Ange varför svaret kommer sent.");
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);

		assertThat(post(current, "answer", "en", Map.of("version", Long.toString(current.getVersion()), "answerText",
				"Here is our answer.", "lateReason", "The handler was ill.")))
			.hasStatus3xxRedirection();
		DsrRequest answered = this.requests.get(request.getId());
		assertThat(answered.getStatus()).isEqualTo(RequestStatus.COMPLETED);
		assertThat(answered.getLateReason()).isEqualTo("The handler was ill.");
		String body = this.jdbc.queryForObject(
				"select body_text from correspondence where request_id = ? and template = 'request-answer'",
				String.class, request.getId());
		assertThat(body)
			.contains("Vi ber om ursäkt för att vårt svar kommer senare", "artikel 12.3", "Here is our answer.")
			.doesNotContain("The handler was ill.");
	}

	private MvcTestResult answerPage(DsrRequest request, String language) {
		return this.mvc.get()
			.uri("/staff/requests/" + request.getId() + "/answer")
			.with(user(this.handler))
			.header("Accept-Language", language)
			.exchange();
	}

	private DsrRequest started(String email) {
		DsrRequest request = this.requests.register(new NewRequest("Åsa Öberg", email, "070-123 45 67", "sv",
				RequestType.ACCESS, Channel.LETTER, "Please help.", null), Actor.SYSTEM);
		this.opened.add(request.getId());
		return this.requests.startWork(request.getId(), null, Actor.SYSTEM);
	}

	private MvcTestResult get(DsrRequest request, String language) {
		return this.mvc.get()
			.uri("/staff/requests/" + request.getId())
			.with(user(this.handler))
			.header("Accept-Language", language)
			.exchange();
	}

	private MvcTestResult post(DsrRequest request, String action, String language, Map<String, String> fields) {
		var builder = this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/" + action)
			.with(user(this.handler))
			.with(csrf())
			.header("Accept-Language", language);
		fields.forEach((name, value) -> builder.param(name, value));
		return builder.exchange();
	}

	private static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
