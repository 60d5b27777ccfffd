package se.dsrdesk.request.letters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.Html;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Post as a channel, through HTTP against PostgreSQL: a person with only a postal address
 * gets a printable letter for every step (information needed, extension, delay, answer;
 * rejection), stored in the correspondence log as a letter to post and never mailed; the
 * PDF read back holds the address and the letter; recording a letter as posted is shown
 * on the page, and a posted extension notice makes the extension count (Art. 12(3) GDPR:
 * an extension counts only once the person is told, within the first month). No flash
 * message says "queued". Received on Tuesday 3 March 2026; the one-month deadline is
 * Tuesday 7 April.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PostalLettersTest {

	static final String ADDRESS = "Storgatan 1\r\n\r\n223 50 Lund ";

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
			this.jdbc.update("update correspondence set status = 'POSTED', posted_on = DATE '2026-03-03'"
					+ " where request_id = ? and status = 'TO_POST'", id);
		}
		this.clock.reset();
	}

	@Test
	@DisplayName("A person with only a postal address gets a printable letter for each step, and 'posted' is recorded")
	void everyStepByPost() {
		String name = "Åsa Öberg " + UUID.randomUUID().toString().substring(0, 8);
		MvcTestResult registered = this.mvc.post()
			.uri("/staff/requests/new")
			.with(user(this.handler))
			.with(csrf())
			.header("Accept-Language", "en")
			.param("channel", "LETTER")
			.param("receivedAt", "2026-03-03T09:30")
			.param("type", "ACCESS")
			.param("name", name)
			.param("email", "")
			.param("language", "sv")
			.param("postalAddress", ADDRESS)
			.param("description", "Send me my data by post.")
			.exchange();
		assertThat(registered).hasStatus3xxRedirection();
		long id = Long.parseLong(registered.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		this.opened.add(id);
		DsrRequest request = this.requests.get(id);
		assertThat(request.getPostalAddress()).isEqualTo("Storgatan 1\n223 50 Lund");
		assertThat(Html.textOf(page(id), "postal-address").orElseThrow()).contains("Storgatan 1", "223 50 Lund");
		request = this.requests.startWork(id, null, Actor.SYSTEM);

		// Information needed.
		assertThat(flash(step(id, "information",
				Map.of("version", v(id), "pauseGround", "IDENTITY", "information", "A copy of your passport."))))
			.isEqualTo("requestPage.done.paused.post");
		this.requests.resume(id, null, Actor.SYSTEM);

		// Extension: a letter to post, which does not count until it is recorded.
		assertThat(flash(step(id, "extend",
				Map.of("version", v(id), "extensionMonths", "2", "extensionReason", "Many systems to search."))))
			.isEqualTo("requestPage.done.extended.post");
		assertThat(this.requests.get(id).isExtensionCounted()).isFalse();

		List<Map<String, Object>> letters = letters(id);
		// Registered by staff, acknowledged by post first (issue 17).
		assertThat(letters).extracting((l) -> l.get("template"))
			.containsExactly("request-acknowledged", "request-information-needed", "request-extended");
		assertThat(letters).allSatisfy((l) -> {
			assertThat(l.get("status")).isEqualTo("TO_POST");
			assertThat(l.get("recipient")).isEqualTo("post");
			assertThat(l.get("postal_address")).isEqualTo(name + "\nStorgatan 1\n223 50 Lund");
		});
		long extensionLetter = ((Number) letters.get(2).get("id")).longValue();

		// The list of letters to post, and the printable letter.
		String list = html(this.mvc.get().uri("/staff/letters").with(user(this.handler)).exchange());
		assertThat(list).contains("data-id=\"" + extensionLetter + "\"");
		MvcTestResult pdf = this.mvc.get()
			.uri("/staff/letters/" + extensionLetter + "/pdf")
			.with(user(this.handler))
			.exchange();
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		String text = pdfText(pdf.getResponse().getContentAsByteArray());
		assertThat(text).contains(name, "Storgatan 1", "223 50 Lund", "Clavis Communications AB", "Norra Vallgatan 4",
				"Many systems to search.", request.getReference());

		// Recorded as posted within the first month: the extension counts, and the page
		// and the timeline say so.
		MvcTestResult posted = this.mvc.post()
			.uri("/staff/letters/" + extensionLetter + "/posted")
			.with(user(this.handler))
			.with(csrf())
			.param("postedOn", "2026-03-03")
			.param("request", Long.toString(id))
			.exchange();
		assertThat(posted).hasStatus3xxRedirection().hasRedirectedUrl("/staff/requests/" + id);
		assertThat(flash(posted)).isEqualTo("letters.posted.done");
		DsrRequest extended = this.requests.get(id);
		assertThat(extended.isExtensionCounted()).isTrue();
		assertThat(extended.getExtensionNoticePostedOn()).isEqualTo(LocalDate.of(2026, 3, 3));
		String after = page(id);
		assertThat(Html.textOf(after, "post-letters-panel").orElseThrow()).contains("posted on", "to post");
		assertThat(Html.textOf(after, "timeline").orElseThrow()).contains("posted on");
		assertThat(after).doesNotContain("queued");
		// Twice is refused.
		assertThat(flash(this.mvc.post()
			.uri("/staff/letters/" + extensionLetter + "/posted")
			.with(user(this.handler))
			.with(csrf())
			.param("postedOn", "2026-03-03")
			.exchange(), "failure")).isEqualTo("letters.posted.already");

		// A delay notice, then the answer: letters too.
		this.clock.set(Instant.parse("2026-06-15T09:00:00Z"));
		assertThat(flash(step(id, "delay",
				Map.of("version", v(id), "delayReason", "Backups first.", "expectedOn", "2026-06-25"))))
			.isEqualTo("requestPage.done.delayAnnounced.post");
		TestTasks.finishAll(this.tasks, id);
		this.requests.verifyIdentity(id, null, IdentityMethod.ID_DOCUMENT, "passport seen", Actor.SYSTEM);
		assertThat(flash(step(id, "answer", Map.of("version", v(id), "answerText", "Here is what we hold about you.",
				"lateReason", "Backups had to be restored."))))
			.isEqualTo("answer.sent.post");
		assertThat(letters(id)).extracting((l) -> l.get("template"))
			.containsExactly("request-acknowledged", "request-information-needed", "request-extended",
					"request-delayed", "request-answer");
		long answerLetter = ((Number) letters(id).get(4).get("id")).longValue();
		assertThat(pdfText(this.mvc.get()
			.uri("/staff/letters/" + answerLetter + "/pdf")
			.with(user(this.handler))
			.exchange()
			.getResponse()
			.getContentAsByteArray())).contains("Here is what we hold about you.", "Storgatan 1")
			// The posted access answer encloses the approved package (Art. 15(3)).
			.contains("En kopia av dina uppgifter");
		// Nothing was queued for the mail server.
		assertThat(this.jdbc.queryForObject(
				"select count(*) from correspondence where request_id = ? and status in ('QUEUED', 'SENT')", Long.class,
				id))
			.isZero();
		assertThat(this.jdbc.queryForList(
				"select action from audit_event where request_id = ? and target_type = 'CORRESPONDENCE' order by id",
				String.class, id))
			.contains("LETTER_PRINTED", "LETTER_POSTED");
	}

	@Test
	@DisplayName("A rejection by post is a letter to post, listed in the API, printable and recorded there too")
	void rejectionByPostThroughTheApi() {
		DsrRequest request = this.requests
			.registerTogether(new NewRequest("Per Post", null, null, "en", RequestType.ERASURE, Channel.LETTER,
					"Erase me.", null), List.of(), null, null, "Box 12\n114 11 Stockholm", Actor.SYSTEM)
			.get(0);
		this.opened.add(request.getId());
		this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		assertThat(flash(step(request.getId(), "reject",
				Map.of("version", v(request.getId()), "rejectionGround", RejectionGround.values()[0].name(),
						"rejectionReasons", "We hold no data about you."))))
			.isEqualTo("requestPage.done.rejected.post");

		String api = "/api/v1/requests/" + request.getReference() + "/letters";
		MvcTestResult listed = this.mvc.get().uri(api).with(user(this.handler)).exchange();
		assertThat(listed).hasStatusOk();
		assertThat(listed).bodyJson().extractingPath("$[0].template").isEqualTo("request-rejected");
		assertThat(listed).bodyJson().extractingPath("$[0].status").isEqualTo("TO_POST");
		long letter = ((Number) letters(request.getId()).get(0).get("id")).longValue();
		MvcTestResult pdf = this.mvc.get().uri(api + "/" + letter + "/pdf").with(user(this.handler)).exchange();
		assertThat(pdf).hasStatusOk();
		assertThat(pdfText(pdf.getResponse().getContentAsByteArray())).contains("Per Post", "Box 12",
				"114 11 Stockholm", "We hold no data about you.");
		MvcTestResult future = this.mvc.post()
			.uri(api + "/" + letter + "/posted")
			.with(user(this.handler))
			.contentType("application/json")
			.content("{\"postedOn\":\"2026-03-04\"}")
			.exchange();
		assertThat(future).hasStatus(400);
		MvcTestResult posted = this.mvc.post()
			.uri(api + "/" + letter + "/posted")
			.with(user(this.handler))
			.contentType("application/json")
			.content("{\"postedOn\":\"2026-03-03\"}")
			.exchange();
		assertThat(posted).hasStatusOk();
		assertThat(posted).bodyJson().extractingPath("$.postedOn").isEqualTo("2026-03-03");
		// Another request's reference does not reach the letter.
		DsrRequest other = this.requests.register(new NewRequest("Other", "other-" + UUID.randomUUID() + "@example.com",
				null, "en", RequestType.ACCESS, Channel.EMAIL, null, null), Actor.SYSTEM);
		this.opened.add(other.getId());
		assertThat(this.mvc.get()
			.uri("/api/v1/requests/" + other.getReference() + "/letters/" + letter + "/pdf")
			.with(user(this.handler))
			.exchange()).hasStatus(404);
	}

	@Test
	@DisplayName("Art. 12(3): an extension notice posted after the first month is recorded as posted, but the "
			+ "extension does not count")
	void extensionNoticePostedTooLate() {
		DsrRequest request = this.requests
			.registerTogether(
					new NewRequest("Sen Post", null, null, "sv", RequestType.ACCESS, Channel.LETTER, null, null),
					List.of(), null, null, "Lillgatan 2\n222 22 Lund", Actor.SYSTEM)
			.get(0);
		this.opened.add(request.getId());
		this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		this.requests.extend(request.getId(), null, 1, "Many systems.", Actor.SYSTEM);
		long letter = ((Number) letters(request.getId()).get(0).get("id")).longValue();
		// The one-month deadline is Tuesday 7 April 2026; the notice is posted on the
		// 8th.
		this.clock.set(Instant.parse("2026-04-08T09:00:00Z"));
		MvcTestResult posted = this.mvc.post()
			.uri("/staff/letters/" + letter + "/posted")
			.with(user(this.handler))
			.with(csrf())
			.param("postedOn", "2026-04-08")
			.exchange();
		assertThat(flash(posted)).isEqualTo("letters.posted.done");
		assertThat(letters(request.getId()).get(0)).containsEntry("status", "POSTED");
		DsrRequest after = this.requests.get(request.getId());
		assertThat(after.isExtensionCounted()).isFalse();
		assertThat(after.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 4, 7));
	}

	@Test
	@DisplayName("A compliance officer can neither print letters nor record them as posted")
	void caseHandlersOnly() {
		StaffPrincipal officer = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER);
		assertThat(this.mvc.get().uri("/staff/letters").with(user(officer)).exchange()).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/staff/letters/1/posted")
			.with(user(officer))
			.with(csrf())
			.param("postedOn", "2026-03-03")
			.exchange()).hasStatus(403);
	}

	private List<Map<String, Object>> letters(long id) {
		return this.jdbc.queryForList("select id, template, status, recipient, postal_address from correspondence"
				+ " where request_id = ? order by id", id);
	}

	private String v(long id) {
		return Long.toString(this.requests.get(id).getVersion());
	}

	private MvcTestResult step(long id, String action, Map<String, String> fields) {
		var builder = this.mvc.post()
			.uri("/staff/requests/" + id + "/" + action)
			.with(user(this.handler))
			.with(csrf())
			.header("Accept-Language", "en");
		fields.forEach((name, value) -> builder.param(name, value));
		return builder.exchange();
	}

	private String page(long id) {
		return html(this.mvc.get()
			.uri("/staff/requests/" + id)
			.with(user(this.handler))
			.header("Accept-Language", "en")
			.exchange());
	}

	private static Object flash(MvcTestResult result) {
		return flash(result, "success");
	}

	private static Object flash(MvcTestResult result, String kind) {
		return result.getMvcResult().getFlashMap().get(kind);
	}

	private static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	static String pdfText(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " ");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
