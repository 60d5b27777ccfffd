package se.dsrdesk.answer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

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

/**
 * The benchmark of bench/answer-package.sh (not a test: its name keeps it out of both
 * lanes): an access answer with 500 mails (3 MB of text) and 50 attachments of 200 kB,
 * previewed as PDF and sent (the package built and stored), timed, with the peak heap.
 */
@IntegrationTest
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
	AnswerEnclosures enclosures;

	@Test
	void buildPreviewAndSend() {
		int mails = Integer.getInteger("bench.mails", 500);
		int files = Integer.getInteger("bench.files", 50);
		DataLocation mailbox = this.locations
			.create(new LocationDetails(new LocalizedText("Brevlåda " + UUID.randomUUID(), "Mailbox"),
					new LocalizedText(null, null), LocationKind.OTHER, null, new LocalizedText(null, null),
					new LocalizedText(null, null), LegalBasis.CONTRACT, List.of(), new LocalizedText(null, null),
					new LocalizedText("Ett år", "One year"), 12, new LocalizedText(null, null),
					new LocalizedText(null, null), 12, EnumSet.of(RequestType.ACCESS)), Actor.SYSTEM);
		DsrRequest request = this.requests
			.register(new NewRequest("Åsa Öberg", "bench-" + UUID.randomUUID() + "@exempel.se", null, "sv",
					RequestType.ACCESS, Channel.EMAIL, null, null), Actor.SYSTEM);
		this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		this.requests.verifyIdentity(request.getId(), null, IdentityMethod.KNOWN_EMAIL, null, Actor.SYSTEM);
		LocationTask task = this.tasks.ofRequest(request.getId())
			.stream()
			.filter((t) -> t.getLocation().getId().equals(mailbox.getId()))
			.findFirst()
			.orElseThrow();
		Random random = new Random(42);
		long started = System.nanoTime();
		for (int i = 0; i < mails; i++) {
			StringBuilder body = new StringBuilder("From: asa@exempel.se\nSubject: Ärende " + i + "\n\n");
			while (body.length() < 6_000) {
				body.append("Hej! Jag undrar över fakturan för ").append(random.nextInt(100_000)).append(".\n");
			}
			this.findings.add(task.getId(), List.of(NewFinding.file("Mejl " + i, "imap:INBOX/" + i,
					"mail-" + i + ".eml", "message/rfc822", body.toString().getBytes(StandardCharsets.UTF_8))),
					Actor.SYSTEM);
		}
		List<Long> attachments = new ArrayList<>();
		for (int i = 0; i < files; i++) {
			byte[] content = new byte[200 * 1024];
			random.nextBytes(content);
			List<se.dsrdesk.location.connector.Finding> all = this.findings.add(task.getId(), List.of(NewFinding
				.file("Bilaga " + i, "imap:INBOX/a" + i, "scan-" + i + ".pdf", "application/pdf", content)),
					Actor.SYSTEM);
			attachments.add(all.get(all.size() - 1).id());
		}
		attachments.forEach((id) -> this.findings.markChecked(id, Actor.SYSTEM));
		this.tasks.recordOutcome(task.getId(),
				new OutcomeRecord(TaskOutcome.FOUND, "Exported.", "500 mejl", null, null, null), Actor.SYSTEM);
		TestTasks.finishAll(this.tasks, request.getId());
		long stored = System.nanoTime();
		String letter = this.composer.compose(request.getId(), Locale.forLanguageTag("sv"));
		byte[] preview = this.enclosures.pdf(this.requests.get(request.getId()), Locale.forLanguageTag("sv"), letter);
		long previewed = System.nanoTime();
		this.requests.answer(request.getId(), null, letter, Actor.SYSTEM);
		long sent = System.nanoTime();
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf(Locale.ROOT,
				"BENCH answer package: %d mails, %d files; findings stored %.1f s; preview PDF %.1f s (%d kB);"
						+ " sent (package built and stored) %.1f s; peak heap %d MB of max %d MB%n",
				mails, files, (stored - started) / 1e9, (previewed - stored) / 1e9, preview.length / 1024,
				(sent - previewed) / 1e9, peak / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

}
