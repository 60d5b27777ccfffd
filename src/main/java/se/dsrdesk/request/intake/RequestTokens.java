package se.dsrdesk.request.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.dsrdesk.system.SecretTokens;

/**
 * The secrets in the links we mail to a person: a confirmation link (single use,
 * expiring) and a status-page link. Each is 256 random bits, shown once in the mail and
 * stored only as its SHA-256 hash, so that the table alone opens nothing.
 */
@Component
class RequestTokens {

	/** What a link is for. */
	enum Purpose {

		/** Confirms the email address of a request from the public form. */
		CONFIRM,

		/** Opens the request's status page. */
		STATUS

	}

	/**
	 * A stored link.
	 *
	 * @param id the row
	 * @param requestId its request
	 * @param expiresAt when it stops working, {@code null} for never
	 * @param usedAt when it was used, for single-use links
	 */
	record Stored(long id, long requestId, Instant expiresAt, Instant usedAt) {

		boolean isExpired(Instant now) {
			return this.expiresAt != null && !now.isBefore(this.expiresAt);
		}

	}

	private final JdbcTemplate jdbc;

	RequestTokens(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Makes a new link secret and stores its hash, in the caller's transaction.
	 * @param requestId the request
	 * @param purpose what it is for
	 * @param expiresAt when it stops working, {@code null} for never
	 * @param now the current time
	 * @return the secret, to be mailed and then forgotten
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	String issue(long requestId, Purpose purpose, Instant expiresAt, Instant now) {
		String token = SecretTokens.generate();
		this.jdbc.update(
				"INSERT INTO request_token (request_id, purpose, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
				requestId, purpose.name(), SecretTokens.hash(token), Timestamp.from(now),
				(expiresAt != null) ? Timestamp.from(expiresAt) : null);
		return token;
	}

	/**
	 * The stored link for a secret.
	 * @param token the secret from a link, as typed or clicked
	 * @param purpose what it must be for
	 * @return the link, or empty when there is none
	 */
	Optional<Stored> find(String token, Purpose purpose) {
		if (!SecretTokens.isWellFormed(token)) {
			return Optional.empty();
		}
		List<Stored> found = this.jdbc.query(
				"SELECT id, request_id, expires_at, used_at FROM request_token WHERE token_hash = ? AND purpose = ?",
				(rs, i) -> new Stored(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3)),
						instant(rs.getTimestamp(4))),
				SecretTokens.hash(token), purpose.name());
		return found.stream().findFirst();
	}

	/**
	 * Uses a single-use link: of two concurrent uses only one succeeds.
	 * @param id the link
	 * @param now the current time
	 * @return {@code true} when this call used it
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean use(long id, Instant now) {
		return this.jdbc.update(
				"UPDATE request_token SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?",
				Timestamp.from(now), id, Timestamp.from(now)) == 1;
	}

	/**
	 * Ends every unused link of a purpose for a request, such as the other confirmation
	 * links once one is used.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void useAll(long requestId, Purpose purpose, Instant now) {
		this.jdbc.update(
				"UPDATE request_token SET used_at = ? WHERE request_id = ? AND purpose = ? AND used_at IS NULL",
				Timestamp.from(now), requestId, purpose.name());
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
