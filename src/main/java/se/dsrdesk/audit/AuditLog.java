package se.dsrdesk.audit;

import java.time.Clock;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: who did what, and when. Entries join the caller's transaction, so an
 * action and its audit line are stored together or not at all. An entry about a request,
 * or about something of a request (its tasks, notes, attachments, holds), names the
 * request, so that the viewer finds everything about one request with one query; the
 * caller passes the request's id, as the audit trail knows nothing of requests.
 */
@Service
public class AuditLog {

	private static final int MAX_DETAILS = 2000;

	/** The longest before or after value kept; longer ones are cut with an ellipsis. */
	static final int MAX_VALUE = 300;

	/** What the {@code changes} column holds. */
	private static final int MAX_CHANGES_JSON = 16000;

	private final AuditEventRepository events;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(AuditEventRepository events, JsonMapper json, Clock clock) {
		this.events = events;
		this.json = json;
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
		append(null, actor, action, targetType, targetId, details, List.of());
	}

	/**
	 * Appends an entry for a change, with the values before and after.
	 * @param actor who did it
	 * @param action what was done
	 * @param targetType the kind of thing changed
	 * @param targetId the thing's id
	 * @param details a short description without secrets, may be {@code null}
	 * @param changes what changed, may be empty
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(Actor actor, String action, String targetType, Object targetId, String details,
			List<Change> changes) {
		append(null, actor, action, targetType, targetId, details, changes);
	}

	/**
	 * Appends an entry about a request or about something of a request.
	 * @param requestId the request
	 * @param actor who did it
	 * @param action what was done
	 * @param targetType the kind of thing, {@code REQUEST} or, for example,
	 * {@code LOCATION_TASK}
	 * @param targetId the thing's id
	 * @param details a short description without personal data, may be {@code null}
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void recordAboutRequest(long requestId, Actor actor, String action, String targetType, Object targetId,
			String details) {
		append(requestId, actor, action, targetType, targetId, details, List.of());
	}

	/**
	 * Appends an entry about a change to a request or to something of a request.
	 * @param requestId the request
	 * @param actor who did it
	 * @param action what was done
	 * @param targetType the kind of thing
	 * @param targetId the thing's id
	 * @param details a short description without personal data, may be {@code null}
	 * @param changes what changed, without personal data, may be empty
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void recordAboutRequest(long requestId, Actor actor, String action, String targetType, Object targetId,
			String details, List<Change> changes) {
		append(requestId, actor, action, targetType, targetId, details, changes);
	}

	private void append(Long requestId, Actor actor, String action, String targetType, Object targetId, String details,
			List<Change> changes) {
		String trimmed = (details != null && details.length() > MAX_DETAILS) ? details.substring(0, MAX_DETAILS)
				: details;
		this.events.save(new AuditEvent(this.clock.instant(), actor, action, targetType,
				(targetId != null) ? targetId.toString() : null, trimmed, requestId, changesJson(changes)));
	}

	/**
	 * The changes as the column keeps them: JSON, each value cut to {@value #MAX_VALUE}
	 * characters, and shorter still in the rare case that many long values would not fit.
	 */
	private String changesJson(List<Change> changes) {
		if (changes == null || changes.isEmpty()) {
			return null;
		}
		for (int max = MAX_VALUE; max >= 10; max /= 2) {
			int limit = max;
			String text = this.json.writeValueAsString(changes.stream()
				.map((c) -> new Change(c.field(), cut(c.before(), limit), cut(c.after(), limit)))
				.toList());
			if (text.length() <= MAX_CHANGES_JSON) {
				return text;
			}
		}
		return this.json.writeValueAsString(changes.stream().map((c) -> new Change(c.field(), null, null)).toList());
	}

	private static String cut(String value, int max) {
		return (value != null && value.length() > max) ? value.substring(0, max - 1) + "…" : value;
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
