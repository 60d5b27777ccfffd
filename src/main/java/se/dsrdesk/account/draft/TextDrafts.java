package se.dsrdesk.account.draft;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drafts of long texts staff are writing, kept on the server per account, page and
 * field, so that a text survives the end of a session: saved as the person types, offered
 * again when the page opens, deleted when the form is sent or the draft discarded, and
 * after {@link #KEPT} at the latest (drafts hold personal data).
 */
@Service
public class TextDrafts {

	/** How long an untouched draft is kept. */
	static final Duration KEPT = Duration.ofDays(7);

	/** The longest text kept (the answer letter's limit with room to spare). */
	static final int MAX_LENGTH = 100_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	TextDrafts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Saves (or replaces) a draft, and deletes the account's drafts older than
	 * {@link #KEPT}.
	 * @param accountId whose
	 * @param path the page's path
	 * @param field the field's name
	 * @param body the text
	 */
	@Transactional
	public void save(long accountId, String path, String field, String body) {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.jdbc.sql("delete from text_draft where staff_user_id = ? and saved_at < ?")
			.params(accountId, now.minus(KEPT))
			.update();
		int updated = this.jdbc
			.sql("update text_draft set body = ?, saved_at = ? where staff_user_id = ? and page_path = ? and field = ?")
			.params(body, now, accountId, path, field)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into text_draft (staff_user_id, page_path, field, body, saved_at) values (?, ?, ?, ?, ?)")
				.params(accountId, path, field, body, now)
				.update();
		}
	}

	/**
	 * The account's drafts on a page that are younger than {@link #KEPT}.
	 * @param accountId whose
	 * @param path the page's path
	 * @return the drafts, one per field
	 */
	@Transactional(readOnly = true)
	public List<Draft> on(long accountId, String path) {
		OffsetDateTime oldest = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC).minus(KEPT);
		return this.jdbc
			.sql("select field, body, saved_at from text_draft"
					+ " where staff_user_id = ? and page_path = ? and saved_at >= ? order by field")
			.params(accountId, path, oldest)
			.query((rs, n) -> new Draft(rs.getString("field"), rs.getString("body"),
					rs.getObject("saved_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Deletes the account's drafts on a page (the form was sent, or the person discarded
	 * them).
	 * @param accountId whose
	 * @param path the page's path
	 */
	@Transactional
	public void discard(long accountId, String path) {
		this.jdbc.sql("delete from text_draft where staff_user_id = ? and page_path = ?")
			.params(accountId, path)
			.update();
	}

	/**
	 * Deletes the account's draft of one field on a page (its form was sent).
	 * @param accountId whose
	 * @param path the page's path
	 * @param field the field's name
	 */
	@Transactional
	public void discard(long accountId, String path, String field) {
		this.jdbc.sql("delete from text_draft where staff_user_id = ? and page_path = ? and field = ?")
			.params(accountId, path, field)
			.update();
	}

	/**
	 * A saved draft.
	 *
	 * @param field the field's name
	 * @param body the text
	 * @param savedAt when it was last saved
	 */
	public record Draft(String field, String body, Instant savedAt) {
	}

}
