package se.dsrdesk.system.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored answers of API calls sent with an {@code Idempotency-Key}: claimed and
 * completed inside the call's own transaction, so that a key is stored exactly when the
 * change it made is. A key belongs to the caller who sent it.
 */
@Component
class IdempotencyKeys {

	private final JdbcTemplate jdbc;

	IdempotencyKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims a key for a call, in the call's transaction. A key of another call still
	 * being made makes this wait for it (the unique constraint), and then fail with a
	 * duplicate key if that call was stored.
	 * @param owner who calls
	 * @param key the key sent
	 * @param fingerprint what was called, with which body
	 * @param now the time
	 * @param expiredBefore a stored answer older than this no longer counts
	 */
	void claim(String owner, String key, String fingerprint, Instant now, Instant expiredBefore) {
		this.jdbc.update("DELETE FROM idempotency_key WHERE owner_name = ? AND idem_key = ? AND created_at < ?", owner,
				key, Timestamp.from(expiredBefore));
		this.jdbc.update("INSERT INTO idempotency_key (owner_name, idem_key, fingerprint, status, body, created_at)"
				+ " VALUES (?, ?, ?, 0, '', ?)", owner, key, fingerprint, Timestamp.from(now));
	}

	/**
	 * Stores the answer of a claimed key, in the call's transaction.
	 * @param owner who calls
	 * @param key the key sent
	 * @param answer the answer given
	 */
	void complete(String owner, String key, Answer answer) {
		this.jdbc.update(
				"UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, etag = ?, body = ?"
						+ " WHERE owner_name = ? AND idem_key = ?",
				answer.status(), answer.contentType(), answer.location(), answer.etag(), answer.body(), owner, key);
	}

	/**
	 * The stored answer of a key.
	 * @param owner who calls
	 * @param key the key sent
	 * @param expiredBefore an answer older than this does not count
	 * @return the call's fingerprint and answer, if stored and not expired
	 */
	Optional<Stored> find(String owner, String key, Instant expiredBefore) {
		return this.jdbc
			.query("SELECT fingerprint, status, content_type, location, etag, body FROM idempotency_key"
					+ " WHERE owner_name = ? AND idem_key = ? AND created_at >= ?",
					(rs, row) -> new Stored(rs.getString(1),
							new Answer(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
									rs.getString(6))),
					owner, key, Timestamp.from(expiredBefore))
			.stream()
			.findFirst();
	}

	/**
	 * Deletes the answers that no longer count.
	 * @param before stored before this
	 * @return how many were deleted
	 */
	int deleteOlderThan(Instant before) {
		return this.jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?", Timestamp.from(before));
	}

	/**
	 * An answer as it is replayed.
	 *
	 * @param status the HTTP status
	 * @param contentType its content type, may be {@code null}
	 * @param location its {@code Location}, may be {@code null}
	 * @param etag its {@code ETag}, may be {@code null}
	 * @param body its body as text (the API answers JSON in UTF-8)
	 */
	record Answer(int status, String contentType, String location, String etag, String body) {
	}

	/**
	 * A stored key.
	 *
	 * @param fingerprint the call that stored it
	 * @param answer its answer
	 */
	record Stored(String fingerprint, Answer answer) {
	}

}
