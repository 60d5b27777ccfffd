package se.dsrdesk.policy;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.notification.OutgoingMail;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.RecipientKind;
import se.dsrdesk.request.ReachablePeople;
import se.dsrdesk.request.ReachablePeople.Person;
import se.dsrdesk.system.ExclusiveJobs;

/**
 * Queues the notice of each material policy change for everyone DSR Desk can reach (one
 * per address, in the person's language, not to erased people or to those who opted out),
 * in batches of {@code dsr.policy.notice-batch-size}, each in its own transaction, on one
 * instance at a time. The outbox sends them; each notice's dedup key
 * ({@code POLICY:<version>:<opt-out token>}) keeps a batch that runs twice from mailing
 * anyone twice. The people of Mailchimp audiences are not included: there is no Mailchimp
 * connector yet.
 */
@Component
public class PolicyNotices {

	static final String LOCK_NAME = "policy-notices";

	static final String TEMPLATE = "policy-notice";

	private final ExclusiveJobs jobs;

	private final PolicyVersionRepository versions;

	private final ReachablePeople people;

	private final NoticeOptOuts optOuts;

	private final Outbox outbox;

	private final PolicyProperties properties;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock;

	PolicyNotices(ExclusiveJobs jobs, PolicyVersionRepository versions, ReachablePeople people, NoticeOptOuts optOuts,
			Outbox outbox, PolicyProperties properties, PlatformTransactionManager transactionManager, AuditLog audit,
			Clock clock) {
		this.audit = audit;
		this.jobs = jobs;
		this.versions = versions;
		this.people = people;
		this.optOuts = optOuts;
		this.outbox = outbox;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${dsr.policy.notice-interval:1m}",
			initialDelayString = "${dsr.policy.notice-interval:1m}")
	void scheduled() {
		run();
	}

	/**
	 * Queues the notices still to be queued, batch after batch, unless another instance
	 * is doing it.
	 * @return how many notices were queued, {@code -1} when it did not run
	 */
	public int run() {
		ExclusiveJobs.Run<Integer> run = this.jobs.run(LOCK_NAME, this.properties.noticeLockAtMostFor(), () -> {
			int queued = 0;
			while (true) {
				Integer batch = this.transactions.execute((status) -> queueBatch());
				if (batch == null || batch < 0) {
					return queued;
				}
				queued += batch;
			}
		});
		return (run.outcome() == ExclusiveJobs.Outcome.RAN) ? run.result() : -1;
	}

	/**
	 * Queues one batch of the oldest version whose notices are not all queued.
	 * @return how many were queued, {@code -1} when nothing is left to do
	 */
	private int queueBatch() {
		PolicyVersion version = this.versions.findFirstByNoticesDoneAtIsNullOrderByIdAsc().orElse(null);
		if (version == null) {
			return -1;
		}
		List<Person> batch = this.people.after(version.getNoticesAfter(), this.properties.noticeBatchSize());
		if (batch.isEmpty()) {
			version.noticesDone(this.clock.instant());
			return 0;
		}
		int queued = 0;
		for (Recipient recipient : reachable(batch)) {
			if (this.outbox.enqueueOnce(notice(version, recipient), dedupKeyPrefix(version) + recipient.token())) {
				queued++;
			}
		}
		version.noticesScheduled(batch.get(batch.size() - 1).id(), queued);
		return queued;
	}

	/**
	 * Everyone the notice of a version goes to, batch by batch, for sending through
	 * another tool instead. The download is audited.
	 * @param version the version
	 * @param actor who downloads the list
	 * @param each what to do with each recipient
	 */
	public void recipients(PolicyVersion version, Actor actor, Consumer<Recipient> each) {
		this.audit.record(actor, "POLICY_RECIPIENTS_EXPORTED", PolicyService.AUDIT_TARGET, version.getId(), null);
		long after = 0;
		while (true) {
			List<Person> batch = this.people.after(after, this.properties.noticeBatchSize());
			if (batch.isEmpty()) {
				return;
			}
			reachable(batch).forEach(each);
			after = batch.get(batch.size() - 1).id();
		}
	}

	/**
	 * How far the notices of a version are.
	 * @param version the version
	 * @return the counts
	 */
	public Progress progress(PolicyVersion version) {
		Outbox.Progress mail = this.outbox.progress(dedupKeyPrefix(version));
		return new Progress(version.getNoticesScheduled(), version.isNoticesDone(), mail.queued(), mail.sent(),
				mail.failed());
	}

	private List<Recipient> reachable(List<Person> batch) {
		List<Recipient> all = batch.stream()
			.map((person) -> new Recipient(person, this.optOuts.token(person.emailKey())))
			.toList();
		Set<String> optedOut = new HashSet<>(this.optOuts.optedOut(all.stream().map(Recipient::token).toList()));
		return all.stream().filter((recipient) -> !optedOut.contains(recipient.token())).toList();
	}

	private static OutgoingMail notice(PolicyVersion version, Recipient recipient) {
		Map<String, Object> model = new HashMap<>();
		model.put("effectiveOn", version.getEffectiveOn());
		model.put("summary", version.summary(recipient.person().language()));
		model.put("optOutToken", recipient.token());
		model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(version.getEffectiveOn()));
		return new OutgoingMail(recipient.person().email(), RecipientKind.SUBJECT, recipient.person().language(),
				TEMPLATE, model, null);
	}

	static String dedupKeyPrefix(PolicyVersion version) {
		return "POLICY:" + version.getId() + ":";
	}

	/**
	 * A person who gets a notice, with the token of their opt-out link.
	 *
	 * @param person the person
	 * @param token the opt-out token
	 */
	public record Recipient(Person person, String token) {

	}

	/**
	 * How far the notices of one version are.
	 *
	 * @param scheduled how many were queued so far
	 * @param allScheduled whether all are queued
	 * @param queued how many wait to be sent
	 * @param sent how many were sent
	 * @param failed how many failed
	 */
	public record Progress(long scheduled, boolean allScheduled, long queued, long sent, long failed) {

	}

}
