package se.dsrdesk.location;

import se.dsrdesk.location.persistence.RecipientNoticeRepository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.deadline.DeadlineCalculator;
import se.dsrdesk.request.CompletionGuard;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.system.NotFoundException;

/**
 * The step "recipients informed" (Art. 19 GDPR, first sentence): where a task's outcome
 * carried out an erasure, a rectification or a restriction, each recipient of the
 * location, as the register lists them, gets the day they were told, or the reason
 * telling them proved impossible or would involve disproportionate effort. A request
 * cannot be completed while one of them has none; the answer letter then says that the
 * recipients were told and that the person can ask who they are (Art. 19, second
 * sentence).
 */
@Service
@Transactional
public class RecipientNotices implements CompletionGuard {

	static final String TARGET = "RECIPIENT_NOTICE";

	private final RecipientNoticeRepository notices;

	private final LocationTaskRepository tasks;

	private final RequestService requests;

	private final AuditLog audit;

	private final DeadlineCalculator calendar;

	private final Clock clock;

	RecipientNotices(RecipientNoticeRepository notices, LocationTaskRepository tasks, RequestService requests,
			AuditLog audit, DeadlineCalculator calendar, Clock clock) {
		this.notices = notices;
		this.tasks = tasks;
		this.requests = requests;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * How many recipients of the request's tasks still lack the step: the request waits
	 * for them.
	 */
	@Override
	@Transactional(readOnly = true)
	public long openItems(long requestId) {
		return this.tasks.findByRequestIdOrderByIdAsc(requestId)
			.stream()
			.mapToLong((task) -> steps(task).stream().filter((step) -> !step.done()).count())
			.sum();
	}

	/**
	 * A task's recipients with their step, in the register's order; empty where the
	 * outcome carried nothing out that recipients are told of. A notice recorded for a
	 * recipient the register no longer lists is shown too.
	 * @param task the task, with its location
	 * @return the steps
	 */
	@Transactional(readOnly = true)
	public List<Step> steps(LocationTask given) {
		if (!given.needsRecipientNotices()) {
			return List.of();
		}
		// The location's recipients are read in this transaction: a task loaded in an
		// earlier one has no session left to read them.
		LocationTask task = this.tasks.findDetailedById(given.getId()).orElse(given);
		Map<String, RecipientNotice> recorded = this.notices.findByTaskIdOrderByIdAsc(task.getId())
			.stream()
			.collect(Collectors.toMap(RecipientNotice::getRecipientName, Function.identity(), (a, b) -> a));
		List<Step> steps = new ArrayList<>();
		for (Recipient recipient : task.getLocation().getRecipients()) {
			steps.add(new Step(recipient.getName(), recipient.getCountry(), recorded.remove(recipient.getName())));
		}
		recorded.values()
			.forEach((notice) -> steps.add(new Step(notice.getRecipientName(), notice.getRecipientCountry(), notice)));
		return steps;
	}

	/**
	 * The steps recorded for a request, by task.
	 * @param requestId the request
	 * @return its notices
	 */
	@Transactional(readOnly = true)
	public List<RecipientNotice> ofRequest(long requestId) {
		return this.notices.findByRequestIdOrderByTaskIdAscIdAsc(requestId);
	}

	/**
	 * Records the step for one recipient of a task.
	 * @param taskId the task
	 * @param record the recipient, and when they were told or why not
	 * @param actor who records it
	 * @return the step recorded
	 * @throws InvalidOutcomeException when the step breaks a rule, the task carried
	 * nothing out that recipients are told of, the register does not list the recipient
	 * at the location, or the step is recorded already
	 */
	public RecipientNotice record(long taskId, RecipientNoticeRecord record, Actor actor) {
		LocationTask task = this.tasks.findDetailedById(taskId).orElseThrow(() -> new NotFoundException("Task"));
		if (!task.needsRecipientNotices()) {
			throw invalid("recipient", "recipients.notNeeded");
		}
		List<OutcomeRecord.Violation> violations = record.violations(this.calendar.today(this.clock),
				this.requests.get(task.getRequestId()).getReceiptDate());
		if (!violations.isEmpty()) {
			throw new InvalidOutcomeException(violations);
		}
		String name = record.recipient().strip();
		Recipient recipient = task.getLocation()
			.getRecipients()
			.stream()
			.filter((r) -> r.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> invalid("recipient", "recipients.recipient.unknown"));
		if (this.notices.existsByTaskIdAndRecipientName(taskId, name)) {
			throw invalid("recipient", "recipients.recipient.done");
		}
		RecipientNotice notice = this.notices
			.saveAndFlush(new RecipientNotice(task, recipient, record, actor, this.clock.instant()));
		this.audit.recordAboutRequest(task.getRequestId(), actor,
				notice.isInformed() ? "RECIPIENT_INFORMED" : "RECIPIENT_NOT_INFORMED", TARGET, notice.getId(),
				"result=" + notice.getResult() + "; task=" + taskId + "; location=" + task.getLocation().getId()
						+ "; request=" + task.getRequestId() + "; Art. 19");
		return notice;
	}

	private static InvalidOutcomeException invalid(String field, String code) {
		return new InvalidOutcomeException(List.of(new OutcomeRecord.Violation(field, code)));
	}

	/**
	 * One recipient of a task and its step.
	 *
	 * @param recipient the recipient's name
	 * @param country its country, as the register gives it
	 * @param notice the step, or {@code null} while it is missing
	 */
	public record Step(String recipient, String country, RecipientNotice notice) {

		public boolean done() {
			return this.notice != null;
		}

	}

}
