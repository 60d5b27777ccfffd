package se.dsrdesk.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import se.dsrdesk.system.ControllerIdentity;

/**
 * What makes an acceptable staff password, after NIST SP 800-63B section 3.1.1.2 and
 * OWASP ASVS 5.0 V6.2: at least 12 characters and up to 256 (any characters, spaces too,
 * with no silent cut-off), no composition rules, and none of: a password from the bundled
 * list of common and breached passwords (also with digits or symbols added at the end),
 * one character repeated, the account's email address or its local part, or the company's
 * name.
 */
@Component
public class PasswordPolicy {

	/** The fewest characters (NIST SP 800-63B 3.1.1.2: at least 8; ASVS V6.2.1: 12). */
	public static final int MIN_LENGTH = 12;

	/** The most characters (ASVS V6.2.9: at least 64; NIST: at least 64). */
	public static final int MAX_LENGTH = 256;

	private static final String RESOURCE = "account/common-passwords.txt.gz";

	private final ControllerIdentity controller;

	PasswordPolicy(ControllerIdentity controller) {
		this.controller = controller;
	}

	/**
	 * Rejects the field when the password breaks the policy.
	 * @param password the new password
	 * @param email the account's email address, or {@code null} when there is none yet
	 * @param errors where to report
	 * @param field the field that holds the password
	 */
	public void check(String password, String email, Errors errors, String field) {
		problem(password, email)
			.ifPresent((problem) -> errors.rejectValue(field, problem.code(), problem.arguments(), null));
	}

	/**
	 * What is wrong with a password, if anything.
	 * @param password the new password
	 * @param email the account's email address, or {@code null}
	 * @return the problem, or empty when the password is acceptable
	 */
	public Optional<Problem> problem(String password, String email) {
		int length = (password != null) ? password.codePointCount(0, password.length()) : 0;
		if (length < MIN_LENGTH) {
			return Optional.of(new Problem("password.tooShort", MIN_LENGTH));
		}
		if (length > MAX_LENGTH) {
			return Optional.of(new Problem("password.tooLong", MAX_LENGTH));
		}
		String folded = fold(password);
		if (folded.isBlank() || folded.codePoints().distinct().count() == 1) {
			return Optional.of(new Problem("password.repetitive"));
		}
		if (isCommon(folded)) {
			return Optional.of(new Problem("password.common"));
		}
		if (email != null && !email.isBlank()) {
			String address = fold(email);
			int at = address.indexOf('@');
			if (folded.equals(address) || (at > 0 && folded.equals(address.substring(0, at)))) {
				return Optional.of(new Problem("password.likeEmail"));
			}
		}
		if (folded.equals(fold(this.controller.name()))
				|| squeezed(folded).equals(squeezed(fold(this.controller.name())))) {
			return Optional.of(new Problem("password.likeCompany"));
		}
		return Optional.empty();
	}

	private static boolean isCommon(String folded) {
		Set<String> common = CommonPasswords.LIST;
		if (common.contains(folded) || common.contains(squeezed(folded))) {
			return true;
		}
		// A common password with digits or symbols added: "password1234", "dragon2026!".
		String stem = folded.replaceAll("[\\p{N}\\p{P}\\p{S}\\s]+$", "");
		return !stem.isEmpty() && !stem.equals(folded) && common.contains(stem);
	}

	/**
	 * How many passwords the bundled list holds.
	 * @return the number of distinct entries
	 */
	static int commonPasswordCount() {
		return CommonPasswords.LIST.size();
	}

	private static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	private static String squeezed(String text) {
		return text.replaceAll("\\s+", "");
	}

	/**
	 * A broken rule, as a message code with its arguments.
	 *
	 * @param code the message code
	 * @param arguments the message's arguments
	 */
	public record Problem(String code, Object... arguments) {

	}

	/** The bundled list, read once on first use. */
	private static final class CommonPasswords {

		static final Set<String> LIST = load();

		private static Set<String> load() {
			Set<String> passwords = new HashSet<>(140_000);
			try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("Missing " + RESOURCE);
				}
				BufferedReader reader = new BufferedReader(
						new InputStreamReader(new GZIPInputStream(in, 65_536), StandardCharsets.UTF_8));
				String line;
				while ((line = reader.readLine()) != null) {
					if (!line.isEmpty() && !line.startsWith("# ")) {
						passwords.add(line);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return Set.copyOf(passwords);
		}

	}

}
