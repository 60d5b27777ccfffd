package se.dsrdesk.request;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.deadline.DeadlinePolicy;
import se.dsrdesk.notification.Correspondence;
import se.dsrdesk.notification.OutgoingMail;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.RecipientKind;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.system.ConcurrentChangeException;

/**
 * The request workflow's transactions: each loads the request, applies one transition and
 * saves it, so that the change, its audit line and any mail it causes commit together.
 * {@code expectedVersion} is the version the person saw; a different one means someone
 * else changed the request meanwhile.
 */
@Service
@Transactional
public class RequestService {

	/** What the page says when someone else changed the request meanwhile. */
	public static final String CHANGED_MEANWHILE = "requestPage.error.conflict";

	private final DsrRequestRepository requests;

	private final DataSubjectRepository subjects;

	private final DeadlinePolicy policy;

	private final Outbox outbox;

	private final Clock clock;

	private final ObjectProvider<CompletionGuard> completionGuards;

	RequestService(DsrRequestRepository requests, DataSubjectRepository subjects, DeadlinePolicy policy, Outbox outbox,
			Clock clock, ObjectProvider<CompletionGuard> completionGuards) {
		this.requests = requests;
		this.subjects = subjects;
		this.policy = policy;
		this.outbox = outbox;
		this.clock = clock;
		// Looked up when used: the guards' packages depend on this service.
		this.completionGuards = completionGuards;
	}

	/**
	 * Records a request that arrived.
	 * @param incoming what is known of it
	 * @param actor who registered it ({@link Actor#SYSTEM} for the web form)
	 * @return the saved request
	 */
	public DsrRequest register(NewRequest incoming, Actor actor) {
		return register(incoming, null, actor);
	}

	/**
	 * Records a request that arrived, with the relationship the person gave on the public
	 * form.
	 * @param incoming what is known of it
	 * @param relationship how the person is related to the company, may be {@code null}
	 * @param actor who registered it
	 * @return the saved request
	 */
	public DsrRequest register(NewRequest incoming, Relationship relationship, Actor actor) {
		Instant now = this.clock.instant();
		Instant receivedAt = (incoming.receivedAt() != null) ? incoming.receivedAt() : now;
		DataSubject subject = this.subjects
			.save(new DataSubject(incoming.name(), incoming.email(), incoming.phone(), incoming.language(), now));
		String reference = reference(receivedAt);
		DsrRequest request = DsrRequest.receive(reference, subject, incoming.type(), incoming.channel(),
				incoming.language(), incoming.description(), receivedAt, this.policy, actor, now);
		request.recordRelationship(relationship);
		return this.requests.save(request);
	}

	@Transactional(readOnly = true)
	public DsrRequest get(long id) {
		return this.requests.findDetailedById(id).orElseThrow(() -> new NotFoundException("Request"));
	}

	@Transactional(readOnly = true)
	public DsrRequest byReference(String reference) {
		return this.requests.findByReference(reference).orElseThrow(() -> new NotFoundException("Request"));
	}

	public DsrRequest verifyEmail(long id, Actor actor) {
		return change(id, null, (request) -> request.verifyEmail(actor, now()));
	}

	public DsrRequest assign(long id, Long expectedVersion, Long assigneeId, Actor actor) {
		return change(id, expectedVersion, (request) -> request.assign(assigneeId, actor, now()));
	}

	public DsrRequest startWork(long id, Long expectedVersion, Actor actor) {
		return change(id, expectedVersion, (request) -> request.startWork(actor, now()));
	}

	public DsrRequest verifyIdentity(long id, Long expectedVersion, IdentityMethod method, String note, Actor actor) {
		return change(id, expectedVersion, (request) -> request.verifyIdentity(method, note, actor, now()));
	}

	public DsrRequest pause(long id, Long expectedVersion, String reason, Actor actor) {
		return change(id, expectedVersion, (request) -> request.pause(reason, today(), actor, now()));
	}

	public DsrRequest resume(long id, Long expectedVersion, Actor actor) {
		return change(id, expectedVersion, (request) -> request.resume(today(), this.policy, actor, now()));
	}

	/**
	 * Extends the deadline and, in the same transaction, queues the notice that the law
	 * requires with it: the reasons and the new date, in the request's language. A person
	 * without an email address must get the notice by post; the request then has no
	 * notice recorded.
	 */
	public DsrRequest extend(long id, Long expectedVersion, int months, String reason, Actor actor) {
		DsrRequest request = change(id, expectedVersion,
				(r) -> r.extend(months, reason, today(), this.policy, actor, now()));
		String email = request.getSubject().getEmail();
		if (email != null) {
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("name", request.getSubject().getName());
			model.put("reference", request.getReference());
			model.put("type", request.getType());
			model.put("receiptDate", request.getReceiptDate());
			model.put("months", request.getExtensionMonths());
			model.put("reason", request.getExtensionReason());
			model.put("deadline", request.getEffectiveDeadline());
			model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(request.getReference()));
			Correspondence notice = this.outbox.enqueue(new OutgoingMail(email, RecipientKind.SUBJECT,
					Locale.forLanguageTag(request.getLanguage()), "request-extended", model, request.getId()));
			request.recordExtensionNotice(notice.getId());
		}
		return request;
	}

	/**
	 * Completes a request, unless work on it is still open.
	 * @throws RequestHasOpenTasksException while a {@link CompletionGuard} reports open
	 * items
	 */
	public DsrRequest complete(long id, Long expectedVersion, Actor actor) {
		return change(id, expectedVersion, (request) -> {
			long open = this.completionGuards.orderedStream().mapToLong((guard) -> guard.openItems(id)).sum();
			if (open > 0) {
				throw new RequestHasOpenTasksException(open);
			}
			request.complete(actor, now());
		});
	}

	public DsrRequest reject(long id, Long expectedVersion, String reason, Actor actor) {
		return change(id, expectedVersion, (request) -> request.reject(reason, actor, now()));
	}

	public DsrRequest reject(long id, Long expectedVersion, RejectionGround ground, String reason, Actor actor) {
		return change(id, expectedVersion, (request) -> request.reject(ground, reason, actor, now()));
	}

	public DsrRequest withdraw(long id, Long expectedVersion, Actor actor) {
		return change(id, expectedVersion, (request) -> request.withdraw(actor, now()));
	}

	private DsrRequest change(long id, Long expectedVersion, Consumer<DsrRequest> transition) {
		DsrRequest request = get(id);
		if (expectedVersion != null && expectedVersion != request.getVersion()) {
			throw new ConcurrentChangeException(CHANGED_MEANWHILE);
		}
		transition.accept(request);
		return this.requests.save(request);
	}

	private String reference(Instant receivedAt) {
		ZoneId zone = this.policy.calculator().zone();
		int year = receivedAt.atZone(zone).getYear();
		return String.format("DSR-%d-%06d", year, this.requests.nextReferenceNumber());
	}

	/**
	 * The controller's time zone, which decides receipt dates.
	 * @return the zone
	 */
	public ZoneId zone() {
		return this.policy.calculator().zone();
	}

	private Instant now() {
		return this.clock.instant();
	}

	private LocalDate today() {
		return this.policy.calculator().today(this.clock);
	}

}
