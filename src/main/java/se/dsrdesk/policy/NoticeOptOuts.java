package se.dsrdesk.policy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People who asked for no more policy notices. Each notice carries a link whose token is
 * a keyed hash (HMAC-SHA-256) of the person's normalised address; opting out stores that
 * hash, so the table never holds an address and the token cannot be guessed from one. The
 * key is made at random in the database on first use.
 */
@Component
class NoticeOptOuts {

	private static final HexFormat HEX = HexFormat.of();

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile byte[] key;

	private final TransactionTemplate ownTransaction;

	NoticeOptOuts(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The opt-out token of an address.
	 * @param emailKey the normalised address
	 * @return 64 hex digits
	 */
	String token(String emailKey) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return HEX.formatHex(mac.doFinal(emailKey.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * Whether a token is well formed; it need not belong to anyone.
	 * @param token what the link carried
	 * @return {@code true} for 64 lower-case hex digits
	 */
	static boolean wellFormed(String token) {
		return token != null && token.matches("[0-9a-f]{64}");
	}

	/**
	 * Records an opt-out; a second one for the same token changes nothing.
	 * @param token the token from the link
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void optOut(String token) {
		if (!wellFormed(token)) {
			throw new IllegalArgumentException("Not an opt-out token");
		}
		if (isOptedOut(token)) {
			return;
		}
		try {
			this.jdbc.sql("INSERT INTO policy_notice_opt_out (address_hash, created_at) VALUES (?, ?)")
				.params(token, OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Opted out at the same moment in another request.
		}
	}

	boolean isOptedOut(String token) {
		return this.jdbc.sql("SELECT COUNT(*) FROM policy_notice_opt_out WHERE address_hash = ?")
			.param(token)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Which of some tokens have opted out.
	 * @param tokens the tokens
	 * @return those opted out
	 */
	List<String> optedOut(List<String> tokens) {
		if (tokens.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT address_hash FROM policy_notice_opt_out WHERE address_hash IN (:tokens)")
			.param("tokens", tokens)
			.query(String.class)
			.list();
	}

	private byte[] key() {
		byte[] known = this.key;
		if (known != null) {
			return known;
		}
		synchronized (this) {
			if (this.key == null) {
				// In a transaction of its own: the caller's may be read-only.
				this.key = HEX.parseHex(this.ownTransaction.execute((status) -> loadOrCreate()));
			}
			return this.key;
		}
	}

	private String loadOrCreate() {
		List<String> stored = this.jdbc.sql("SELECT secret FROM policy_link_key WHERE id = 1")
			.query(String.class)
			.list();
		if (!stored.isEmpty()) {
			return stored.get(0);
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		try {
			this.jdbc.sql("INSERT INTO policy_link_key (id, secret) VALUES (1, ?)")
				.param(HEX.formatHex(random))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Another instance made it first: use theirs.
		}
		return this.jdbc.sql("SELECT secret FROM policy_link_key WHERE id = 1").query(String.class).single();
	}

}
