package se.dsrdesk.audit;

import java.time.Clock;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: who did what, and when. Entries join the caller's transaction, so an
 * action and its audit line are stored together or not at all.
 */
@Service
public class AuditLog {

	private static final int MAX_DETAILS = 2000;

	private final AuditEventRepository events;

	private final Clock clock;

	AuditLog(AuditEventRepository events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Appends an entry.
	 * @param actor who did it
	 * @param action what was done, an upper-case code such as {@code ACCOUNT_CREATED}
	 * @param targetType the kind of thing it was done to, such as {@code STAFF_USER}
	 * @param targetId the thing's id
	 * @param details a short description without secrets, may be {@code null}
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(Actor actor, String action, String targetType, Object targetId, String details) {
		String trimmed = (details != null && details.length() > MAX_DETAILS) ? details.substring(0, MAX_DETAILS)
				: details;
		this.events.save(new AuditEvent(this.clock.instant(), actor, action, targetType,
				(targetId != null) ? targetId.toString() : null, trimmed));
	}

	/**
	 * The newest entries first.
	 * @param pageable the page to read
	 * @return a page of entries
	 */
	@Transactional(readOnly = true)
	public Page<AuditEvent> latest(Pageable pageable) {
		return this.events.findAllByOrderByOccurredAtDescIdDesc(pageable);
	}

	/**
	 * The entries about one thing, newest first.
	 * @param targetType the kind of thing
	 * @param targetId its id
	 * @param pageable the page to read
	 * @return a page of entries
	 */
	@Transactional(readOnly = true)
	public Page<AuditEvent> about(String targetType, Object targetId, Pageable pageable) {
		return this.events.findByTargetTypeAndTargetIdOrderByOccurredAtDescIdDesc(targetType, targetId.toString(),
				pageable);
	}

}
