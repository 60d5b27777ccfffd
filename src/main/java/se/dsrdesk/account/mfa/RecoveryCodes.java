package se.dsrdesk.account.mfa;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.SecretTokens;

/**
 * Recovery codes: ten codes a staff member keeps on paper for when neither mail nor a
 * passkey is at hand. They are shown once, when made; only their SHA-256 is stored (each
 * has 50 random bits, so a fast hash is enough); each works once; making new ones
 * withdraws the old.
 */
@Service
public class RecoveryCodes {

	static final int COUNT = 10;

	private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

	private static final int LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final AuditLog auditLog;

	RecoveryCodes(JdbcTemplate jdbc, Clock clock, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.auditLog = auditLog;
	}

	/**
	 * New codes for a staff member, replacing any earlier ones.
	 * @param staffUserId the account
	 * @return the codes, to show once
	 */
	@Transactional
	public List<String> renew(long staffUserId) {
		this.jdbc.update("delete from staff_recovery_codes where staff_user_id = ?", staffUserId);
		List<String> codes = new ArrayList<>(COUNT);
		Timestamp now = Timestamp.from(this.clock.instant());
		for (int i = 0; i < COUNT; i++) {
			String code = newCode();
			codes.add(code);
			this.jdbc.update("insert into staff_recovery_codes (staff_user_id, code_hash, created_at) values (?, ?, ?)",
					staffUserId, SecretTokens.hash(normalise(code)), now);
		}
		this.auditLog.record(MfaAudit.actor(staffUserId), "MFA_RECOVERY_CODES_CREATED", "STAFF_USER", staffUserId,
				null);
		return codes;
	}

	/**
	 * Uses up one of a staff member's codes.
	 * @param staffUserId the account
	 * @param typed the code as typed
	 * @return whether it was one of theirs and unused (it is used now)
	 */
	@Transactional
	public boolean use(long staffUserId, String typed) {
		String code = normalise(typed);
		if (code == null) {
			return false;
		}
		int used = this.jdbc.update(
				"update staff_recovery_codes set used_at = ? where staff_user_id = ? and code_hash = ? and used_at is null",
				Timestamp.from(this.clock.instant()), staffUserId, SecretTokens.hash(code));
		return used == 1;
	}

	/**
	 * How many unused codes a staff member has left.
	 * @param staffUserId the account
	 * @return the number of unused codes
	 */
	@Transactional(readOnly = true)
	public int remaining(long staffUserId) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from staff_recovery_codes where staff_user_id = ? and used_at is null", Integer.class,
				staffUserId);
		return (count != null) ? count : 0;
	}

	private static String newCode() {
		StringBuilder code = new StringBuilder(LENGTH + 1);
		for (int i = 0; i < LENGTH; i++) {
			if (i == LENGTH / 2) {
				code.append('-');
			}
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	static String normalise(String typed) {
		if (typed == null) {
			return null;
		}
		String code = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
		return (code.length() == LENGTH && code.chars().allMatch((c) -> new String(ALPHABET).indexOf(c) >= 0)) ? code
				: null;
	}

}
