package se.dsrdesk.mailbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;

/**
 * A mail as readable text: addresses, attachment names and body, decoded (RFC 2047
 * headers, RFC 2231 file names, any charset). Walking the parts of a mail that was
 * fetched with its structure only ({@code BODYSTRUCTURE}) downloads no body.
 */
final class MailText {

	private MailText() {
	}

	/**
	 * Addresses as people read them.
	 * @param addresses the addresses, may be {@code null}
	 * @return them joined by commas, empty when none
	 */
	static String addresses(Address[] addresses) {
		if (addresses == null) {
			return "";
		}
		List<String> shown = new ArrayList<>();
		for (Address address : addresses) {
			if (address instanceof InternetAddress internet) {
				String personal = internet.getPersonal();
				shown.add((personal != null && !personal.isBlank()) ? personal + " <" + internet.getAddress() + ">"
						: internet.getAddress());
			}
			else {
				shown.add(address.toString());
			}
		}
		return String.join(", ", shown);
	}

	/**
	 * The names of a mail's attachments, from its structure.
	 * @param part the mail or a part of it
	 * @return the file names, decoded, in order
	 * @throws MessagingException when the server cannot say
	 * @throws IOException when a part cannot be read
	 */
	static List<String> attachments(Part part) throws MessagingException, IOException {
		List<String> names = new ArrayList<>();
		collectAttachments(part, names, true);
		return names;
	}

	private static void collectAttachments(Part part, List<String> names, boolean top)
			throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collectAttachments(multipart.getBodyPart(i), names, false);
			}
			return;
		}
		if (top) {
			return;
		}
		String name = part.getFileName();
		if (name != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			names.add((name != null) ? decode(name) : "(" + part.getContentType().split(";")[0].strip() + ")");
		}
	}

	/**
	 * The readable body: the first plain-text part, or the first HTML part without its
	 * tags.
	 * @param part the mail
	 * @return the text, empty when it has none
	 * @throws MessagingException when the mail cannot be parsed
	 * @throws IOException when a part cannot be read
	 */
	static String body(Part part) throws MessagingException, IOException {
		String plain = first(part, "text/plain");
		if (plain != null) {
			return plain;
		}
		String html = first(part, "text/html");
		return (html != null) ? html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
			.replaceAll("(?s)<[^>]+>", " ")
			.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&")
			.replaceAll("[ \\t]+", " ")
			.strip() : "";
	}

	private static String first(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			Object content = part.getContent();
			return (content instanceof String text) ? text : null;
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = first(multipart.getBodyPart(i), type);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	/**
	 * The mail as found, with its text parts (not attachments) re-encoded as 8-bit UTF-8.
	 * A Swedish text arrives quoted-printable ({@code s=C3=A4ger}, lines broken with
	 * {@code =}) or in base64, which the answer package's review could neither read nor
	 * mask, and which the PDF would show as such. For a mail program nothing changes: the
	 * same headers (Message-ID included), structure, text and attachments byte for byte.
	 * A mail that cannot be re-encoded (or has a line too long for 8-bit) stays as it
	 * was.
	 * @param eml the mail as the server gave it
	 * @return the mail with readable text parts
	 */
	static byte[] readable(byte[] eml) {
		try {
			MimeMessage mail = new KeepingMessageId(eml);
			if (!reencode(mail)) {
				return eml;
			}
			mail.saveChanges();
			ByteArrayOutputStream out = new ByteArrayOutputStream(eml.length);
			mail.writeTo(out);
			return out.toByteArray();
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			return eml;
		}
	}

	private static boolean reencode(Part part) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			boolean changed = false;
			for (int i = 0; i < multipart.getCount(); i++) {
				changed |= reencode(multipart.getBodyPart(i));
			}
			return changed;
		}
		if (!(part instanceof MimePart mime) || !(part.isMimeType("text/plain") || part.isMimeType("text/html"))
				|| Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return false;
		}
		String encoding = mime.getEncoding();
		if (!"quoted-printable".equalsIgnoreCase(encoding) && !"base64".equalsIgnoreCase(encoding)) {
			return false;
		}
		if (!(part.getContent() instanceof String text) || text.lines().anyMatch((line) -> line.length() > 998)) {
			return false;
		}
		mime.setText(text, "UTF-8", new ContentType(part.getContentType()).getSubType());
		mime.setHeader("Content-Transfer-Encoding", "8bit");
		return true;
	}

	/** A parsed mail that keeps its Message-ID when its headers are updated. */
	private static final class KeepingMessageId extends MimeMessage {

		KeepingMessageId(byte[] eml) throws MessagingException {
			super((Session) null, new ByteArrayInputStream(eml));
		}

		@Override
		protected void updateMessageID() {
			// the original's: the evidence and the person's mail program know it by this
		}

	}

	/**
	 * A size for people.
	 * @param bytes the size in bytes, negative when unknown
	 * @return such as {@code 12 kB}
	 */
	static String size(long bytes) {
		if (bytes < 0) {
			return "?";
		}
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return (bytes + 512) / 1024 + " kB";
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	private static String decode(String text) {
		try {
			return MimeUtility.decodeText(text);
		}
		catch (UnsupportedEncodingException ex) {
			return text;
		}
	}

}
