package se.dsrdesk.account.token;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A personal API token: a staff user's own credential for the REST API, with the same
 * roles as the user. Only a SHA-256 digest of the secret is kept; the secret is shown
 * once, when the token is created. Tokens are revoked, never deleted, so the list shows
 * what existed.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

	/** How stale the recorded last use may be: at most one write a minute per token. */
	static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "staff_user_id", nullable = false, updatable = false)
	private Long ownerId;

	@Column(nullable = false, updatable = false)
	private String name;

	@Column(name = "token_prefix", nullable = false, updatable = false)
	private String prefix;

	@Column(name = "token_hash", nullable = false, updatable = false)
	private String hash;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "expires_at", updatable = false)
	private Instant expiresAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected ApiToken() {
	}

	ApiToken(Long ownerId, String name, String prefix, String hash, Instant createdAt, Instant expiresAt) {
		this.ownerId = ownerId;
		this.name = name;
		this.prefix = prefix;
		this.hash = hash;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	/**
	 * Whether the token may be used now.
	 * @param now the current time
	 * @return {@code false} once revoked or expired
	 */
	boolean isUsable(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.isAfter(now));
	}

	/**
	 * Whether the recorded last use is old enough to be written again.
	 * @param now the current time
	 * @return {@code true} when never used or last recorded over a minute ago
	 */
	boolean lastUseIsStale(Instant now) {
		return this.lastUsedAt == null || !this.lastUsedAt.plus(LAST_USE_PRECISION).isAfter(now);
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	public Long getId() {
		return this.id;
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	public String getName() {
		return this.name;
	}

	public String getPrefix() {
		return this.prefix;
	}

	String getHash() {
		return this.hash;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	public Instant getRevokedAt() {
		return this.revokedAt;
	}

	public boolean isRevoked() {
		return this.revokedAt != null;
	}

}
