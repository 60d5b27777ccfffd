package se.dsrdesk.answer;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.location.connector.NewFinding;
import se.dsrdesk.location.connector.TaskFindings;
import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The benchmark of bench/answer-package.sh (not a test: its name keeps it out of both
 * lanes): an access answer with 500 mails (3 MB of text) and 50 attachments of 200 kB,
 * against a baseline of 5 mails and 1 attachment in the same JVM. For each: the findings
 * stored (as a connector would), the package prepared on its page (the page's answer
 * time, the longest answer of its progress page while polled, the time until the files
 * are ready, built by the background runner), and the answer sent (the page's answer
 * time); the peak heap of each phase (sampled every 10 ms).
 */
@IntegrationTest
@AutoConfigureMockMvc
class AnswerPackageBench {

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskFindings findings;

	@Autowired
	LocationService locations;

	@Autowired
	AnswerComposer composer;

	@Autowired
	AnswerBuildRunner runner;

	@Autowired
	AnswerBuilds builds;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	MockMvcTester mvc;

	@Test
	void prepareAndSend() throws Exception {
		StaffUser handler = this.accounts.create("bench-" + UUID.randomUUID() + "@example.com", "Bench Handler",
				EnumSet.of(Role.CASE_HANDLER), "en", TestAccounts.PASSWORD, Actor.SYSTEM);
		RequestPostProcessor signedIn = user(
				(StaffPrincipal) this.userDetailsService.loadUserByUsername(handler.getEmail()));
		run("baseline", 5, 1, signedIn);
		run("package", Integer.getInteger("bench.mails", 500), Integer.getInteger("bench.files", 50), signedIn);
	}

	private void run(String label, int mails, int files, RequestPostProcessor signedIn) throws Exception {
		DataLocation mailbox = this.locations
			.create(new LocationDetails(new LocalizedText("Brevlåda " + UUID.randomUUID(), "Mailbox"),
					new LocalizedText(null, null), LocationKind.OTHER, null, new LocalizedText(null, null),
					new LocalizedText(null, null), LegalBasis.CONTRACT, List.of(), new LocalizedText(null, null),
					new LocalizedText("Ett år", "One year"), 12, new LocalizedText(null, null),
					new LocalizedText(null, null), 12, EnumSet.of(RequestType.ACCESS)), Actor.SYSTEM);
		DsrRequest request = this.requests
			.register(new NewRequest("Åsa Öberg", "bench-" + UUID.randomUUID() + "@exempel.se", null, "sv",
					RequestType.ACCESS, Channel.EMAIL, null, null), Actor.SYSTEM);
		long id = request.getId();
		this.requests.startWork(id, null, Actor.SYSTEM);
		this.requests.verifyIdentity(id, null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(id)
			.stream()
			.filter((t) -> t.getLocation().getId().equals(mailbox.getId()))
			.findFirst()
			.orElseThrow();
		Random random = new Random(42);
		resetPeaks();
		long started = System.nanoTime();
		// As a connector delivers: in batches.
		List<NewFinding> batch = new ArrayList<>();
		for (int i = 0; i < mails; i++) {
			StringBuilder body = new StringBuilder("From: asa@exempel.se\nSubject: Ärende " + i + "\n\n");
			while (body.length() < 6_000) {
				body.append("Hej! Jag undrar över fakturan för ").append(random.nextInt(100_000)).append(".\n");
			}
			batch.add(NewFinding.file("Mejl " + i, "imap:INBOX/" + i, "mail-" + i + ".eml", "message/rfc822",
					body.toString().getBytes(StandardCharsets.UTF_8)));
			if (batch.size() == 100) {
				this.findings.add(task.getId(), batch, Actor.SYSTEM);
				batch.clear();
			}
		}
		for (int i = 0; i < files; i++) {
			byte[] content = new byte[200 * 1024];
			random.nextBytes(content);
			batch.add(NewFinding.file("Bilaga " + i, "imap:INBOX/a" + i, "scan-" + i + ".pdf", "application/pdf",
					content));
		}
		List<Finding> all = this.findings.add(task.getId(), batch, Actor.SYSTEM);
		all.stream().filter((f) -> !f.readyToSend()).forEach((f) -> this.findings.markChecked(f.id(), Actor.SYSTEM));
		this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.FOUND, "Exported.", "500 mejl", null, null, null), Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, id);
		double stored = seconds(started);
		long storeHeap = peakHeap();

		String letter = this.composer.compose(id, Locale.forLanguageTag("sv"));
		resetPeaks();
		long asked = System.nanoTime();
		MvcTestResult prepared = this.mvc.post()
			.uri("/staff/requests/" + id + "/package/builds")
			.param("answerText", letter)
			.with(signedIn)
			.with(csrf())
			.exchange();
		double prepareAnswer = seconds(asked);
		String page = prepared.getResponse().getRedirectedUrl();
		if (page == null) {
			throw new IllegalStateException("Prepare did not redirect: " + prepared.getResponse().getStatus());
		}
		// The runner in the background, as its schedule would; the page polled as the
		// browser's reload would.
		CompletableFuture<Integer> building = CompletableFuture.supplyAsync(this.runner::runWaiting);
		double slowestPoll = 0;
		int polls = 0;
		while (!building.isDone()) {
			long poll = System.nanoTime();
			this.mvc.get().uri(page).with(signedIn).exchange();
			slowestPoll = Math.max(slowestPoll, seconds(poll));
			polls++;
			Thread.sleep(500);
		}
		building.get();
		double ready = seconds(asked);
		long buildHeap = peakHeap();
		long buildId = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
		AnswerBuilds.Build build = this.builds.get(id, buildId).orElseThrow();
		if (build.status() != AnswerBuilds.Build.Status.READY) {
			throw new IllegalStateException("Build " + build.status() + " " + build.failure());
		}

		resetPeaks();
		long sending = System.nanoTime();
		MvcTestResult sent = this.mvc.post()
			.uri("/staff/requests/" + id + "/answer")
			.param("version", Long.toString(this.requests.get(id).getVersion()))
			.param("answerText", letter)
			.with(signedIn)
			.with(csrf())
			.exchange();
		double sendAnswer = seconds(sending);
		long sendHeap = peakHeap();
		if (sent.getResponse().getStatus() != 302) {
			throw new IllegalStateException("Send answered " + sent.getResponse().getStatus());
		}
		// One line in one write, so that a log line cannot cut it.
		System.out.println(String.format(Locale.ROOT,
				"BENCH %s: %d mails, %d files; store %.1f s (peak heap %d MB); prepare: page answered in %.2f s,"
						+ " progress page slowest of %d polls %.2f s, files ready after %.1f s (peak heap %d MB);"
						+ " send: page answered in %.2f s (peak heap %d MB); max heap %d MB",
				label, mails, files, stored, storeHeap, prepareAnswer, polls, slowestPoll, ready, buildHeap, sendAnswer,
				sendHeap, Runtime.getRuntime().maxMemory() / (1024 * 1024)));
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	/** The most heap in use (live and garbage) seen by the sampler since the reset. */
	private static final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

	static {
		Thread sampler = new Thread(() -> {
			while (true) {
				long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
				peak.accumulateAndGet(used, Math::max);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
	}

	private static void resetPeaks() {
		System.gc();
		peak.set(0);
	}

	/**
	 * The most heap in use since the last reset, in MB, sampled every 10 ms (garbage not
	 * yet collected included, so an upper bound of what the phase needs).
	 */
	private static long peakHeap() {
		return peak.get() / (1024 * 1024);
	}

}
