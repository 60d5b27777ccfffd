package se.dsrdesk.request.message;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "New from the person": per request, when the person last wrote (a message from the
 * status page or a reply mail threaded into the case), since when something they wrote is
 * unseen, and when staff last saw it (table {@code request_person_activity}, V160). The
 * inbox marks and filters the requests with something unseen, the start page counts them,
 * and the request page highlights what is new and marks it seen.
 * <p>
 * Seen is per request, not per reader, and only the one responsible clears it: the
 * assignee, or any case handler while nobody has the request (see
 * {@link #clearsWhenOpened}). These are the people {@link PersonMessages} and the reply
 * notice mail; a colleague or the compliance officer looking in does not hide the news
 * from them, and the inbox needs one cheap answer per request, not one per reader.
 */
@Component
public class PersonActivity {

	private final JdbcClient jdbc;

	PersonActivity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The person wrote: a message or a reply is on the request's timeline at {@code at}.
	 * Unseen from then on (or from earlier, when something unseen came before), until the
	 * one responsible opens the request page.
	 * @param requestId the request
	 * @param at the time the timeline shows for it (a reply's receipt by the mail server,
	 * which may be before it was threaded)
	 */
	@Transactional
	public void wrote(long requestId, Instant at) {
		Timestamp time = Timestamp.from(at);
		int updated = update(requestId, time);
		if (updated == 0) {
			// The first time the person writes on this request. Two at the same moment
			// on one request are unlikely (a message and a reply); the second insert
			// then does nothing and its update below records its time.
			this.jdbc
				.sql("INSERT INTO request_person_activity (request_id, last_written_at, unread_since) VALUES (?, ?, ?)"
						+ " ON CONFLICT DO NOTHING")
				.params(requestId, time, time)
				.update();
			update(requestId, time);
		}
	}

	private int update(long requestId, Timestamp time) {
		return this.jdbc.sql("""
				UPDATE request_person_activity
				SET last_written_at = CASE WHEN last_written_at < :at THEN :at ELSE last_written_at END,
				    unread_since = CASE WHEN unread_since IS NULL OR unread_since > :at THEN :at ELSE unread_since END
				WHERE request_id = :id""").param("at", time).param("id", requestId).update();
	}

	/**
	 * What the person wrote on a request, as far as staff have seen it.
	 * @param requestId the request
	 * @return its state, empty when the person never wrote
	 */
	@Transactional(readOnly = true)
	public Optional<State> of(long requestId) {
		return this.jdbc
			.sql("SELECT last_written_at, unread_since, seen_at FROM request_person_activity WHERE request_id = ?")
			.param(requestId)
			.query((rs, i) -> new State(rs.getTimestamp(1).toInstant(), instant(rs.getTimestamp(2)),
					instant(rs.getTimestamp(3))))
			.optional();
	}

	/**
	 * Marks what the page showed as seen: nothing, if the person wrote again since the
	 * page read the state (so that a message that came meanwhile stays new).
	 * @param requestId the request
	 * @param shown the state the page was shown with
	 * @param now the time it was seen
	 * @return whether it was marked
	 */
	@Transactional
	public boolean seen(long requestId, State shown, Instant now) {
		if (!shown.unread()) {
			return false;
		}
		return this.jdbc.sql("""
				UPDATE request_person_activity SET unread_since = NULL, seen_at = :now
				WHERE request_id = :id AND last_written_at = :shown AND unread_since IS NOT NULL""")
			.param("now", Timestamp.from(now))
			.param("id", requestId)
			.param("shown", Timestamp.from(shown.lastWrittenAt()))
			.update() == 1;
	}

	/**
	 * Whether a case handler's opening the request page marks what is new as seen: when
	 * the request is theirs, or nobody's.
	 * @param assigneeId the request's assignee, {@code null} when none
	 * @param readerId the staff user who opened it
	 * @param caseHandler whether the reader is a case handler
	 * @return whether it clears
	 */
	public static boolean clearsWhenOpened(Long assigneeId, long readerId, boolean caseHandler) {
		return caseHandler && (assigneeId == null || assigneeId == readerId);
	}

	private static Instant instant(Timestamp time) {
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * A request's news from the person.
	 *
	 * @param lastWrittenAt when the person last wrote
	 * @param unreadSince the time of the first thing they wrote that is not yet seen,
	 * {@code null} when all is seen
	 * @param seenAt when staff last marked it seen, {@code null} if never
	 */
	public record State(Instant lastWrittenAt, Instant unreadSince, Instant seenAt) {

		/** Whether something is unseen. */
		public boolean unread() {
			return this.unreadSince != null;
		}

		/**
		 * Whether a message or reply on the timeline is new, not yet seen.
		 * @param at its time on the timeline
		 * @return whether it is new
		 */
		public boolean isNew(Instant at) {
			return this.unreadSince != null && !at.isBefore(this.unreadSince);
		}

	}

}
