package se.dsrdesk.account.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.system.RefusedException;
import se.dsrdesk.system.SecretTokens;

/**
 * Personal API tokens: staff create and revoke their own, and the API accepts them as
 * Bearer tokens. A token is {@code dsr_} followed by 32 random bytes in base64url (256
 * bits); only its SHA-256 digest is stored, so a copy of the database holds no usable
 * token. A token works while it is neither revoked nor expired and its owner's account is
 * active, with the owner's current roles.
 */
@Service
@Transactional
public class ApiTokens {

	static final String SCHEME_PREFIX = "dsr_";

	/**
	 * Characters of the token shown to tell tokens apart: {@code dsr_} and eight more.
	 */
	static final int SHOWN_PREFIX = 12;

	/** Length of a token: the prefix and 43 base64url characters. */
	static final int TOKEN_LENGTH = SCHEME_PREFIX.length() + SecretTokens.LENGTH;

	/** Tokens a user may hold unrevoked at once. */
	static final int MAX_ACTIVE = 20;

	static final String TARGET = "API_TOKEN";

	private final ApiTokenRepository tokens;

	private final StaffUserRepository users;

	private final AuditLog audit;

	private final Clock clock;

	ApiTokens(ApiTokenRepository tokens, StaffUserRepository users, AuditLog audit, Clock clock) {
		this.tokens = tokens;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a token for a user. The secret is in the answer and nowhere else.
	 * @param owner the user
	 * @param name what the token is for, as the user wrote it
	 * @param validity how long it works, {@code null} until revoked
	 * @return the token and its secret
	 * @throws TooManyTokensException when the user already holds {@value #MAX_ACTIVE}
	 */
	public CreatedToken create(StaffPrincipal owner, String name, Duration validity) {
		if (this.tokens.countByOwnerIdAndRevokedAtIsNull(owner.id()) >= MAX_ACTIVE) {
			throw new TooManyTokensException();
		}
		String secret = SCHEME_PREFIX + SecretTokens.generate();
		Instant now = this.clock.instant();
		ApiToken token = this.tokens.save(new ApiToken(owner.id(), name.strip(), secret.substring(0, SHOWN_PREFIX),
				SecretTokens.hash(secret), now, (validity != null) ? now.plus(validity) : null));
		this.audit.record(owner.toActor(), "API_TOKEN_CREATED", TARGET, token.getId(),
				"prefix=" + token.getPrefix() + ((validity != null) ? "; expires " + token.getExpiresAt() : ""));
		return new CreatedToken(token, secret);
	}

	/**
	 * A user's tokens, newest first.
	 * @param ownerId the user
	 * @return up to 100 tokens, revoked ones included
	 */
	@Transactional(readOnly = true)
	public List<ApiToken> of(long ownerId) {
		return this.tokens.findTop100ByOwnerIdOrderByIdDesc(ownerId);
	}

	/**
	 * Revokes one of the user's own tokens; revoking twice changes nothing.
	 * @param owner the user
	 * @param tokenId the token
	 * @throws NotFoundException when the user holds no such token
	 */
	public void revoke(StaffPrincipal owner, long tokenId) {
		ApiToken token = this.tokens.findById(tokenId)
			.filter((t) -> t.getOwnerId().equals(owner.id()))
			.orElseThrow(() -> new NotFoundException("API token"));
		if (!token.isRevoked()) {
			token.revoke(this.clock.instant());
			this.audit.record(owner.toActor(), "API_TOKEN_REVOKED", TARGET, token.getId(),
					"prefix=" + token.getPrefix());
		}
	}

	/**
	 * The staff user a token belongs to, if it works now; records its use at most once a
	 * minute.
	 * @param secret the token as sent
	 * @return the user as Spring Security holds them, empty for an unknown, revoked or
	 * expired token or a deactivated account
	 */
	public Optional<StaffPrincipal> authenticate(String secret) {
		if (secret == null || secret.length() != TOKEN_LENGTH || !secret.startsWith(SCHEME_PREFIX)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Optional<ApiToken> token = this.tokens.findByHash(SecretTokens.hash(secret)).filter((t) -> t.isUsable(now));
		Optional<StaffPrincipal> principal = token.flatMap((t) -> this.users.findById(t.getOwnerId()))
			.filter(StaffUser::isActive)
			.map((user) -> StaffPrincipal.of(user, false));
		if (principal.isPresent() && token.get().lastUseIsStale(now)) {
			this.tokens.recordUse(token.get().getId(), now, now.minus(ApiToken.LAST_USE_PRECISION));
		}
		principal.ifPresent(StaffPrincipal::eraseCredentials);
		return principal;
	}

	/**
	 * A token just created.
	 *
	 * @param token the stored token
	 * @param secret the token itself, shown once
	 */
	public record CreatedToken(ApiToken token, String secret) {

		@Override
		public String toString() {
			return "CreatedToken[id=" + this.token.getId() + "]";
		}

	}

	/**
	 * The user already holds as many tokens as allowed.
	 */
	public static class TooManyTokensException extends RefusedException {

		TooManyTokensException() {
			super(HttpStatus.CONFLICT, null, "tokens.tooMany", MAX_ACTIVE);
		}

	}

}
