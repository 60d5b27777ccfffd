package se.dsrdesk.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Email addresses as the application compares them: trimmed, Unicode-normalised (NFKC)
 * and lower-cased.
 */
public final class EmailAddresses {

	private EmailAddresses() {
	}

	/**
	 * The form of an address used to compare it with others.
	 * @param address an address as typed, may be {@code null}
	 * @return the normalised address, or an empty string for {@code null}
	 */
	public static String normalise(String address) {
		if (address == null) {
			return "";
		}
		return Normalizer.normalize(address.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/**
	 * A SHA-256 digest of the normalised address, for keys that must not hold the address
	 * itself.
	 * @param address an address as typed
	 * @return 64 hexadecimal characters
	 */
	public static String digest(String address) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(normalise(address).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
