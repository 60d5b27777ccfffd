package se.dsrdesk.account.mfa;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.system.SecretTokens;

/**
 * Sign-in codes sent by email, as Spring Security's one-time tokens: a code is issued
 * only to the staff member signed in with the first factor (never for a name typed in),
 * only its SHA-256 is stored, it works once, within
 * {@code dsr.security.mfa.code-validity}, and only in the session of the person it was
 * sent to. A new code replaces the previous one.
 */
class EmailCodes implements OneTimeTokenService, GenerateOneTimeTokenRequestResolver {

	/** No 0/O or 1/I: easy to read from a mail and type. 32 symbols, 5 bits each. */
	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	static final int LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration validity;

	EmailCodes(JdbcTemplate jdbc, Clock clock, Duration validity) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.validity = validity;
	}

	@Override
	public GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null || !TRUST.isFullyAuthenticated(current)) {
			return null;
		}
		return new GenerateOneTimeTokenRequest(current.getName(), this.validity);
	}

	@Override
	@Transactional
	public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		Instant expiresAt = this.clock.instant().plus(request.getExpiresIn());
		this.jdbc.update("delete from staff_sign_in_codes where username = ? or expires_at < ?", request.getUsername(),
				Timestamp.from(this.clock.instant()));
		this.jdbc.update("insert into staff_sign_in_codes (code_hash, username, expires_at) values (?, ?, ?)",
				SecretTokens.hash(code.toString()), request.getUsername(), Timestamp.from(expiresAt));
		return new DefaultOneTimeToken(code.toString(), request.getUsername(), expiresAt);
	}

	@Override
	@Transactional
	public OneTimeToken consume(OneTimeTokenAuthenticationToken token) {
		String code = normalise(token.getTokenValue());
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (code == null || current == null || !TRUST.isFullyAuthenticated(current)) {
			return null;
		}
		String hash = SecretTokens.hash(code);
		List<Row> rows = this.jdbc.query(
				"select username, expires_at from staff_sign_in_codes where code_hash = ? for update",
				(rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant()), hash);
		if (rows.isEmpty() || !rows.get(0).username().equals(current.getName())) {
			return null;
		}
		this.jdbc.update("delete from staff_sign_in_codes where code_hash = ?", hash);
		Row row = rows.get(0);
		if (!this.clock.instant().isBefore(row.expiresAt())) {
			return null;
		}
		return new DefaultOneTimeToken(code, row.username(), row.expiresAt());
	}

	/**
	 * The code as typed, without spaces or dashes and in capitals; {@code null} when it
	 * cannot be a code.
	 */
	static String normalise(String typed) {
		if (typed == null) {
			return null;
		}
		String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		if (code.length() != LENGTH) {
			return null;
		}
		for (char c : code.toCharArray()) {
			if (new String(ALPHABET).indexOf(c) < 0) {
				return null;
			}
		}
		return code;
	}

	private record Row(String username, Instant expiresAt) {
	}

}
