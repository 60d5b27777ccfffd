package se.dsrdesk.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the secrets of links (status, confirmation, download and opt-out links) out of
 * the correspondence log. Every model value whose name ends in {@code Token} is a secret:
 * in the stored subject and bodies it is replaced by a placeholder ({@value #MASK}
 * followed by its number), and the secrets are stored beside them encrypted with AES-GCM,
 * only until the mail is sent or given up; the dispatcher puts them back into the mail it
 * sends. The key is {@code dsr.mail.secrets-key} (32 bytes in Base64, from the
 * environment). Without it, the key is kept in the file {@value #KEY_FILE} in the data
 * directory ({@code dsr.data-dir}, beside the embedded database but not in it), made once
 * with owner-only permissions, so that mail queued before a restart is still sent;
 * several instances need the setting, as they share no data directory. Only when that
 * file can be neither read nor written is a key made for this run alone, and mail still
 * queued at a restart is then given up, as its secrets cannot be read.
 */
@Component
class LinkSecrets {

	private static final Logger logger = LoggerFactory.getLogger(LinkSecrets.class);

	/** What a secret looks like in a stored mail. */
	static final String MASK = "[secret-link-hidden-";

	private static final String SUFFIX = "]";

	private static final int IV_BYTES = 12;

	/** The key's file in the data directory, when no key is configured. */
	static final String KEY_FILE = "mail-secrets.key";

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	LinkSecrets(OutboxProperties properties, @Value("${dsr.data-dir:./data}") Path dataDirectory) {
		this.key = new SecretKeySpec(keyBytes(properties.secretsKey(), dataDirectory), "AES");
	}

	private byte[] keyBytes(String configured, Path dataDirectory) {
		if (configured != null) {
			return decodeKey(configured, "dsr.mail.secrets-key");
		}
		Path file = dataDirectory.resolve(KEY_FILE);
		try {
			if (!Files.exists(file)) {
				byte[] bytes = new byte[32];
				this.random.nextBytes(bytes);
				try {
					write(file, Base64.getEncoder().encodeToString(bytes));
					logger.info("Made the key for link secrets of queued mail in {}", file);
					return bytes;
				}
				catch (FileAlreadyExistsException ex) {
					// Another start made it first: use theirs.
				}
			}
			return decodeKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
		}
		catch (IOException ex) {
			logger.warn("Neither dsr.mail.secrets-key nor a readable {} ({}): link secrets of mail still queued"
					+ " at a restart cannot be read, and that mail will be given up", file, ex.getMessage());
			byte[] bytes = new byte[32];
			this.random.nextBytes(bytes);
			return bytes;
		}
	}

	/**
	 * Writes the key to a file of its own first and then links it under its name, which
	 * fails if another start was first: nobody ever reads a half-written key.
	 */
	private static void write(Path file, String key) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path draft;
		try {
			draft = Files.createTempFile(directory, KEY_FILE, ".new",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			draft = Files.createTempFile(directory, KEY_FILE, ".new");
		}
		try {
			Files.writeString(draft, key, StandardCharsets.US_ASCII);
			Files.createLink(file, draft);
		}
		finally {
			Files.deleteIfExists(draft);
		}
	}

	private static byte[] decodeKey(String encoded, String source) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(encoded.strip());
		}
		catch (IllegalArgumentException ex) {
			bytes = new byte[0];
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(source + " must hold 32 bytes in Base64");
		}
		return bytes;
	}

	/**
	 * Masks the secrets of a mail's model in its rendered form.
	 * @param model the mail's model
	 * @param rendered the mail as rendered, secrets included
	 * @return the mail with placeholders, and the secrets encrypted ({@code null} when
	 * there are none)
	 */
	Masked mask(Map<String, Object> model, MailRenderer.Rendered rendered) {
		List<String> secrets = new ArrayList<>();
		String subject = rendered.subject();
		String text = rendered.text();
		String html = rendered.html();
		for (Map.Entry<String, Object> entry : model.entrySet()) {
			if (entry.getKey().endsWith("Token") && entry.getValue() instanceof String secret && secret.length() >= 8) {
				String placeholder = MASK + secrets.size() + SUFFIX;
				secrets.add(secret);
				subject = subject.replace(secret, placeholder);
				text = text.replace(secret, placeholder);
				html = html.replace(secret, placeholder);
			}
		}
		String sealed = secrets.isEmpty() ? null : encrypt(String.join("\n", secrets));
		return new Masked(new MailRenderer.Rendered(subject, text, html), sealed);
	}

	/**
	 * Puts the secrets back into a stored text.
	 * @param stored the text with placeholders
	 * @param sealed the encrypted secrets, may be {@code null}
	 * @return the text as it is to be sent
	 * @throws IllegalStateException when the secrets cannot be read (another key)
	 */
	String unmask(String stored, String sealed) {
		if (sealed == null) {
			return stored;
		}
		String[] secrets = decrypt(sealed).split("\n", -1);
		String text = stored;
		for (int i = 0; i < secrets.length; i++) {
			text = text.replace(MASK + i + SUFFIX, secrets[i]);
		}
		return text;
	}

	private String encrypt(String plain) {
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] all = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, all, 0, iv.length);
			System.arraycopy(sealed, 0, all, iv.length, sealed.length);
			return Base64.getEncoder().encodeToString(all);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private String decrypt(String sealed) {
		try {
			byte[] all = Base64.getDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, all, 0, IV_BYTES));
			return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("The link secrets of this mail cannot be read (another secrets key?)");
		}
	}

	/**
	 * A mail as it is stored.
	 *
	 * @param rendered subject and bodies with placeholders
	 * @param secrets the secrets, encrypted, or {@code null}
	 */
	record Masked(MailRenderer.Rendered rendered, String secrets) {

	}

}
