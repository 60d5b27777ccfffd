package se.dsrdesk.notification;

import java.nio.charset.StandardCharsets;
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

import org.springframework.stereotype.Component;

/**
 * Keeps the secrets of links (status, confirmation, download and opt-out links) out of
 * the correspondence log. Every model value whose name ends in {@code Token} is a secret:
 * in the stored subject and bodies it is replaced by a placeholder ({@value #MASK}
 * followed by its number), and the secrets are stored beside them encrypted with AES-GCM,
 * only until the mail is sent or given up; the dispatcher puts them back into the mail it
 * sends. The key is {@code dsr.mail.secrets-key} (32 bytes in Base64, from the
 * environment); without it a random key is made at start-up, and mail still queued at a
 * restart is then given up, as its secrets cannot be read.
 */
@Component
class LinkSecrets {

	private static final Logger logger = LoggerFactory.getLogger(LinkSecrets.class);

	/** What a secret looks like in a stored mail. */
	static final String MASK = "[secret-link-hidden-";

	private static final String SUFFIX = "]";

	private static final int IV_BYTES = 12;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	LinkSecrets(OutboxProperties properties) {
		byte[] bytes;
		if (properties.secretsKey() != null) {
			bytes = Base64.getDecoder().decode(properties.secretsKey().strip());
			if (bytes.length != 32) {
				throw new IllegalStateException("dsr.mail.secrets-key must be 32 bytes in Base64");
			}
		}
		else {
			logger.warn("dsr.mail.secrets-key is not set: link secrets of queued mail are lost at a restart,"
					+ " and several instances cannot share the outbox");
			bytes = new byte[32];
			this.random.nextBytes(bytes);
		}
		this.key = new SecretKeySpec(bytes, "AES");
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
