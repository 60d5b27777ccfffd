package se.dsrdesk.answer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.location.connector.NewFinding;
import se.dsrdesk.location.connector.TaskFindings;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.support.PackageFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The answer package built in the background (issue 13, performance): "Prepare the
 * package" answers at once with the build's page, which shows how far the build has got
 * and reloads itself while it works; once ready it lists the files and enables sending,
 * and sending takes exactly those files. A build whose runner stopped (a restart) is
 * taken up by another runner once its lease runs out and completed; a second build while
 * one works is refused; a large package is not built while a page waits.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AnswerBuildTest {

	static final Pattern LINK = Pattern.compile("/request/download/([A-Za-z0-9_-]{43})/(?!\\S)");

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskFindings findings;

	@Autowired
	LocationService locations;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	AnswerBuildRunner runner;

	@Autowired
	AnswerBuilds builds;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AnswerComposer composer;

	StaffUser owner;

	DataLocation crm;

	DsrRequest request;

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.owner = this.accounts.create("owner-" + UUID.randomUUID() + "@example.com", "Olga Owner",
				EnumSet.of(Role.CASE_HANDLER), "en", TestAccounts.PASSWORD, Actor.SYSTEM);
		this.crm = AnswerFixtures.crm(this.locations, this.owner);
		// Builds left by other tests are not this test's.
		this.runner.runWaiting();
		MailDispatch.now(this.context);
		mail.reset();
	}

	@AfterEach
	void tearDown() {
		if (this.request != null) {
			this.jdbc.update(
					"update dsr_request set status = 'COMPLETED', closed_at = created_at"
							+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')",
					this.request.getId());
			this.jdbc.update("update answer_build set status = 'FAILED' where request_id = ? and status in"
					+ " ('QUEUED', 'RUNNING')", this.request.getId());
		}
		this.jdbc.update("update data_location set active = false where id = ?", this.crm.getId());
		this.clock.reset();
	}

	@Test
	void thePageAnswersAtOnceShowsProgressThenTheFilesAndSendingTakesThem() throws Exception {
		String email = "bo-" + UUID.randomUUID() + "@example.se";
		foundRequest(email, 12);
		long id = this.request.getId();
		String draft = this.composer.compose(id, Locale.ENGLISH).strip();

		MvcTestResult queued = prepare(draft);
		assertThat(queued).hasStatus3xxRedirection();
		String page = queued.getResponse().getRedirectedUrl();
		assertThat(page).matches("/staff/requests/" + id + "/package/builds/\\d+");
		long buildId = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));

		// Waiting: the page says so, reloads itself, and the send button is disabled.
		String waiting = html(this.mvc.get().uri(page).with(handler()).exchange());
		assertThat(waiting).contains("Waiting to start", "http-equiv=\"refresh\"");
		assertThat(sendButton(waiting)).contains("disabled");

		// A second click while it waits is refused and leads back to it.
		MvcTestResult second = prepare(draft);
		assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(page);
		assertThat(second.getMvcResult().getFlashMap().get("failure")).isEqualTo("package.build.running");
		assertThat(this.builds.ofRequest(id)).hasSize(1);

		// Under way: the step and the percentage.
		this.jdbc.update("update answer_build set status = 'RUNNING' where id = ?", buildId);
		this.builds.progress(buildId, "files", 3, 12, 40);
		String running = html(this.mvc.get().uri(page).with(handler()).exchange());
		assertThat(running).contains("Copying file 3 of 12", "40 % done", "value=\"40\"", "http-equiv=\"refresh\"");
		assertThat(sendButton(running)).contains("disabled");
		this.jdbc.update("update answer_build set status = 'QUEUED' where id = ?", buildId);

		assertThat(this.runner.runWaiting()).isEqualTo(1);
		String ready = html(this.mvc.get().uri(page).with(handler()).exchange());
		assertThat(ready).contains("The package is ready", "extract.pdf", "extract.json", "package.zip")
			.doesNotContain("http-equiv=\"refresh\"");
		assertThat(sendButton(ready)).doesNotContain("disabled");
		MvcTestResult pdf = this.mvc.get().uri(page + "/files/extract.pdf").with(handler()).exchange();
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		Long downloadId = this.jdbc.queryForObject("select download_id from answer_build where id = ?", Long.class,
				buildId);

		// Sending takes the files that were built: no second package.
		assertThat(answer(draft)).hasStatus3xxRedirection();
		assertThat(
				this.jdbc.queryForObject("select count(*) from answer_download where request_id = ?", Long.class, id))
			.isOne();
		assertThat(this.jdbc.queryForObject("select status from answer_build where id = ?", String.class, buildId))
			.isEqualTo("SENT");
		MailDispatch.now(this.context);
		Matcher link = LINK.matcher(MailServer.plainText(mail.messagesTo(email).get(0)));
		assertThat(link.find()).isTrue();
		MvcTestResult zip = this.mvc.get().uri("/request/download/" + link.group(1) + "/package.zip").exchange();
		assertThat(zip).hasStatusOk();
		Map<String, byte[]> entries = PackageFiles.unzip(zip.getResponse().getContentAsByteArray());
		assertThat(entries).containsKey("extract.pdf").hasSize(3 + 12);
		assertThat(entries.get("extract.pdf")).isEqualTo(pdf.getResponse().getContentAsByteArray());
		assertThat(this.jdbc.queryForObject("select id from answer_download where request_id = ?", Long.class, id))
			.isEqualTo(downloadId);
		assertThat(html(this.mvc.get().uri(page).with(handler()).exchange())).contains("This package has been sent");
	}

	@Test
	void aBuildWhoseRunnerStoppedIsTakenUpByAnotherRunnerAndCompleted() {
		foundRequest("cy-" + UUID.randomUUID() + "@example.se", 3);
		long id = this.request.getId();
		String draft = this.composer.compose(id, Locale.ENGLISH).strip();
		long buildId = this.builds.queue(id, draft, null, false, Actor.SYSTEM);
		// A runner claims it and stops (the application is restarted mid-build).
		assertThat(this.builds.claim()).hasValueSatisfying((b) -> assertThat(b.id()).isEqualTo(buildId));
		this.builds.progress(buildId, "files", 1, 3, 30);
		// While its lease holds, no other runner takes it.
		assertThat(this.runner.runWaiting()).isZero();
		// After the lease, the next runner does, and builds it from the start.
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.runner.runWaiting()).isEqualTo(1);
		AnswerBuilds.Build build = this.builds.get(id, buildId).orElseThrow();
		assertThat(build.status()).isEqualTo(AnswerBuilds.Build.Status.READY);
		assertThat(build.attempts()).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from answer_file where download_id = ?", Long.class,
				build.downloadId()))
			.isEqualTo(3 + 3 + 1);
	}

	@Test
	void aLetterChangedAfterTheBuildIsNotSentWithTheOldFiles() throws Exception {
		foundRequest("di-" + UUID.randomUUID() + "@example.se", 2);
		long id = this.request.getId();
		String draft = this.composer.compose(id, Locale.ENGLISH).strip();
		long buildId = this.builds.queue(id, draft, null, false, Actor.SYSTEM);
		this.runner.runWaiting();
		assertThat(answer(draft + "\n\nP.S. One more thing.")).hasStatus3xxRedirection();
		// Built again for the letter as sent; the old build stays unsent.
		assertThat(this.jdbc.queryForObject("select status from answer_build where id = ?", String.class, buildId))
			.isEqualTo("READY");
		assertThat(
				this.jdbc.queryForObject("select count(*) from answer_download where request_id = ?", Long.class, id))
			.isEqualTo(2);
	}

	@Test
	void aLargePackageIsNotBuiltWhileThePageWaits() {
		foundRequest("ed-" + UUID.randomUUID() + "@example.se", 1);
		long id = this.request.getId();
		LocationTask task = this.tasks.ofRequest(id)
			.stream()
			.filter((t) -> t.getLocation().getId().equals(this.crm.getId()))
			.findFirst()
			.orElseThrow();
		this.findings.add(task.getId(), List.of(NewFinding.file("Export", "crm:export", "export.txt", "text/plain",
				"x".repeat(2_200_000).getBytes(StandardCharsets.UTF_8))), Actor.SYSTEM);
		String draft = this.composer.compose(id, Locale.ENGLISH).strip();
		MvcTestResult refused = answer(draft);
		assertThat(refused.getResponse().getStatus()).isNotEqualTo(302);
		assertThat(html(refused)).contains("This package is large: prepare it for sending first");
		assertThat(this.requests.get(id).getStatus()).isNotEqualTo(RequestStatus.COMPLETED);
		assertThat(prepare(draft)).hasStatus3xxRedirection();
		assertThat(this.runner.runWaiting()).isEqualTo(1);
		assertThat(answer(draft)).hasStatus3xxRedirection();
		assertThat(this.requests.get(id).getStatus()).isEqualTo(RequestStatus.COMPLETED);
	}

	/** The send form's button on a build's page. */
	private static String sendButton(String html) {
		Matcher button = Pattern.compile("<button[^>]*id=\"build-send-button\"[^>]*>").matcher(html);
		assertThat(button.find()).isTrue();
		return button.group();
	}

	/**
	 * A started access request whose CRM task found a record and {@code mails} mails;
	 * identity verified; every other task finished.
	 */
	private void foundRequest(String email, int mails) {
		DsrRequest registered = this.requests.register(new NewRequest("Bo Berg", email, null, "en", RequestType.ACCESS,
				Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		this.request = this.requests.startWork(registered.getId(), null, Actor.SYSTEM);
		this.requests.verifyIdentity(registered.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(registered.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(this.crm.getId()))
			.findFirst()
			.orElseThrow();
		List<NewFinding> found = new java.util.ArrayList<>();
		found.add(NewFinding.record("Member", "crm:members/1", Map.of("Name", "Bo Berg", "Email", email)));
		for (int i = 0; i < mails; i++) {
			found.add(NewFinding.file("Mail " + i, "imap:INBOX/" + i, "mail-" + i + ".eml", "message/rfc822",
					("From: " + email + "\nSubject: Invoice " + i + "\n\nHello!\n").getBytes(StandardCharsets.UTF_8)));
		}
		this.findings.add(task.getId(), found, Actor.SYSTEM);
		this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.FOUND, "Looked up.", "A membership and mails", null, null, null),
				Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, registered.getId());
	}

	private MvcTestResult prepare(String text) {
		return this.mvc.post()
			.uri("/staff/requests/" + this.request.getId() + "/package/builds")
			.param("answerText", text)
			.with(handler())
			.with(csrf())
			.exchange();
	}

	private MvcTestResult answer(String text) {
		return AnswerFixtures.sendAnswer(this.mvc, this.requests, this.request.getId(), text, handler());
	}

	private RequestPostProcessor handler() {
		return AnswerFixtures.signedIn(this.userDetailsService, this.owner, "en");
	}

	private static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
