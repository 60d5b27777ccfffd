package se.dsrdesk.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secrets in links and tokens (the links mailed to a person, the answer's download
 * links, the staff's API tokens): 256 random bits in base64url, shown once and stored
 * only as their SHA-256 hash, so that a copy of the database opens nothing. The one place
 * that makes, hashes and checks them.
 */
public final class SecretTokens {

	private static final int BYTES = 32;

	/** Length of a secret: base64url without padding of 32 bytes. */
	public static final int LENGTH = 43;

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private SecretTokens() {
	}

	/**
	 * A new secret.
	 * @return {@value #LENGTH} URL-safe characters of 256 random bits
	 */
	public static String generate() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Whether a text from a link or a header can be a secret made here, checked before
	 * anything is looked up.
	 * @param secret the text, may be {@code null}
	 * @return whether it has a secret's form
	 */
	public static boolean isWellFormed(String secret) {
		return secret != null && FORMAT.matcher(secret).matches();
	}

	/**
	 * The hash that is stored in place of a secret, and looked up by.
	 * @param secret the secret (ASCII)
	 * @return its SHA-256, as 64 lower-case hex digits
	 */
	public static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether a secret is the one whose hash was stored, in time that does not depend on
	 * where they differ.
	 * @param secret the secret presented, may be {@code null}
	 * @param storedHash the stored hash
	 * @return whether they match
	 */
	public static boolean matches(String secret, String storedHash) {
		if (secret == null || storedHash == null) {
			return false;
		}
		return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

}
