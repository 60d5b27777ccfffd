package se.dsrdesk.mailbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/** Headers with addresses whose display names and comments people read. */
	private static final Set<String> ADDRESS_HEADERS = Set.of("from", "sender", "reply-to", "to", "cc", "bcc");

	/** Unstructured headers people read. */
	private static final Set<String> TEXT_HEADERS = Set.of("subject");

	/**
	 * An RFC 2047 encoded word: charset (an RFC 2231 language after {@code *} is
	 * ignored), encoding and encoded text.
	 */
	private static final Pattern ENCODED_WORD = Pattern
		.compile("=\\?([^?*\\s]+)(?:\\*[^?\\s]*)?\\?([QqBb])\\?([^?\\s]*)\\?=");

	/** RFC 5322 §2.1.1: a line must not be longer (without its line break). */
	private static final int MAX_LINE = 998;

	/** RFC 5322 §2.1.1: a line should not be longer. */
	private static final int SHORT_LINE = 78;

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
	 * The mail as found, made readable for the answer package's review, where passages
	 * about other people are masked: its text parts (not attachments) re-encoded as 8-bit
	 * UTF-8, and the encoded words of the headers people read written decoded.
	 * <p>
	 * A Swedish text arrives quoted-printable ({@code s=C3=A4ger}, lines broken with
	 * {@code =}) or in base64, and a name in a header as an RFC 2047 encoded word
	 * ({@code =?UTF-8?Q?Bj=C3=B6rn_Svensson?=}): the review could neither read nor mask
	 * them, and the PDF would show them as such. For a mail program nothing changes: the
	 * same headers, text and attachments; the Message-ID, the other headers, the
	 * structure and the attachments stay byte for byte. A mail that cannot be re-encoded
	 * (or has a line too long for 8-bit) keeps its text parts as they were; see
	 * {@link #decodedHeaders(byte[])} for the headers.
	 * @param eml the mail as the server gave it
	 * @return the mail with readable text parts and headers
	 */
	static byte[] readable(byte[] eml) {
		return decodedHeaders(reencodedText(eml));
	}

	private static byte[] reencodedText(byte[] eml) {
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
	 * The mail with the RFC 2047 encoded words of the headers people read (Subject, and
	 * the display names and comments of From, Sender, Reply-To, To, Cc and Bcc) written
	 * decoded as UTF-8, which RFC 6532 allows in header values: the review can then read
	 * a third person's name there and mask it like any text. Only the mail's own header
	 * (not its parts' or an attached mail's). Adjacent encoded words are joined without
	 * the space between them (RFC 2047 §6.2); an encoded word inside quotes is decoded
	 * too, as mail programs do; a decoded display name with a special character (a comma,
	 * a dot) is quoted (RFC 5322 §3.2.4). A changed header is unfolded and folded again
	 * (RFC 5322 §2.1.1: at most 998 octets a line): an address list between addresses
	 * after 78 characters, a subject only where it would pass 998 octets, so that a name
	 * is not split over two lines in the review. An encoded word that cannot be decoded
	 * (unknown charset, broken encoding, a control character) stays as it was, and so
	 * does a header that is not UTF-8 already or cannot be folded, and every other byte.
	 * @param eml the mail
	 * @return the mail with decoded headers; the same array when there is nothing to
	 * decode
	 */
	static byte[] decodedHeaders(byte[] eml) {
		ByteArrayOutputStream out = null;
		int copied = 0;
		int pos = 0;
		while (pos < eml.length && !blankLine(eml, pos)) {
			int end = fieldEnd(eml, pos);
			byte[] decoded = decodedField(eml, pos, end);
			if (decoded != null) {
				if (out == null) {
					out = new ByteArrayOutputStream(eml.length + 64);
				}
				out.write(eml, copied, pos - copied);
				out.writeBytes(decoded);
				copied = end;
			}
			pos = end;
		}
		if (out == null) {
			return eml;
		}
		out.write(eml, copied, eml.length - copied);
		return out.toByteArray();
	}

	private static boolean blankLine(byte[] eml, int pos) {
		return eml[pos] == '\n' || (eml[pos] == '\r' && pos + 1 < eml.length && eml[pos + 1] == '\n');
	}

	/** Where the header field that starts at {@code pos} ends: after its last line. */
	private static int fieldEnd(byte[] eml, int pos) {
		int end = pos;
		do {
			while (end < eml.length && eml[end] != '\n') {
				end++;
			}
			if (end < eml.length) {
				end++;
			}
		}
		while (end < eml.length && (eml[end] == ' ' || eml[end] == '\t'));
		return end;
	}

	/** The field decoded and folded again, {@code null} to keep it as it is. */
	private static byte[] decodedField(byte[] eml, int start, int end) {
		int colon = start;
		while (colon < end && eml[colon] != ':' && eml[colon] != '\n') {
			colon++;
		}
		if (colon >= end || eml[colon] != ':') {
			return null;
		}
		String name = new String(eml, start, colon - start, StandardCharsets.ISO_8859_1);
		String lower = name.strip().toLowerCase(Locale.ROOT);
		boolean addresses = ADDRESS_HEADERS.contains(lower);
		if (!addresses && !TEXT_HEADERS.contains(lower)) {
			return null;
		}
		String field;
		try {
			field = StandardCharsets.UTF_8.newDecoder()
				.decode(ByteBuffer.wrap(eml, colon + 1, end - colon - 1))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
		if (!field.contains("=?")) {
			return null;
		}
		String ending = field.endsWith("\r\n") ? "\r\n" : field.endsWith("\n") ? "\n" : "";
		String value = field.substring(0, field.length() - ending.length()).replaceAll("\\r?\\n(?=[ \\t])", "");
		String decoded = addresses ? decodeAddresses(value) : decodeWords(value, UnaryOperator.identity());
		if (decoded.equals(value)) {
			return null;
		}
		String folded = fold(name + ":", decoded, addresses, ending.isEmpty() ? "\r\n" : ending);
		return (folded != null) ? (folded + ending).getBytes(StandardCharsets.UTF_8) : null;
	}

	/**
	 * An address list with its encoded words decoded: in a display name (quoted when
	 * needed), inside quotes and in comments; never in an address between {@code <} and
	 * {@code >}.
	 */
	private static String decodeAddresses(String value) {
		StringBuilder out = new StringBuilder();
		int plain = 0;
		int i = 0;
		while (i < value.length()) {
			char c = value.charAt(i);
			if (c != '"' && c != '(' && c != '<') {
				i++;
				continue;
			}
			int end = (c == '"') ? quoteEnd(value, i) : (c == '(') ? commentEnd(value, i) : value.indexOf('>', i);
			if (end < 0) {
				// not closed: the rest as it is
				return out.append(decodeWords(value.substring(plain, i), MailText::phrase))
					.append(value.substring(i))
					.toString();
			}
			out.append(decodeWords(value.substring(plain, i), MailText::phrase));
			String inner = value.substring(i + 1, end);
			if (c == '"') {
				out.append('"').append(decodeWords(inner, (text) -> escape(text, "\\\"")));
			}
			else if (c == '(') {
				out.append('(').append(decodeWords(inner, (text) -> escape(text, "\\()")));
			}
			else {
				out.append('<').append(inner);
			}
			out.append(value.charAt(end));
			i = end + 1;
			plain = i;
		}
		return out.append(decodeWords(value.substring(plain), MailText::phrase)).toString();
	}

	private static int quoteEnd(String value, int open) {
		for (int i = open + 1; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '"') {
				return i;
			}
		}
		return -1;
	}

	private static int commentEnd(String value, int open) {
		int depth = 0;
		for (int i = open; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Decoded text as a display name: quoted when it holds a special (RFC 5322 §3.2.3).
	 */
	private static String phrase(String text) {
		for (char c : text.toCharArray()) {
			if ("()<>[]:;@\\,.\"".indexOf(c) >= 0) {
				return '"' + escape(text, "\\\"") + '"';
			}
		}
		return text;
	}

	private static String escape(String text, String specials) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (specials.indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

	/**
	 * The text with its runs of encoded words decoded (each run as {@code quote} makes it
	 * fit where it stands). Within a run, the space between two words goes (RFC 2047
	 * §6.2) and the bytes of adjacent words in the same charset are decoded together (a
	 * character split over two words); a word that cannot be decoded stays as it was.
	 */
	private static String decodeWords(String text, UnaryOperator<String> quote) {
		Matcher matcher = ENCODED_WORD.matcher(text);
		List<Word> words = new ArrayList<>();
		while (matcher.find()) {
			words.add(new Word(matcher.start(), matcher.end(), matcher.group(1),
					bytes(matcher.group(2), matcher.group(3))));
		}
		if (words.isEmpty()) {
			return text;
		}
		StringBuilder out = new StringBuilder();
		int copied = 0;
		int i = 0;
		while (i < words.size()) {
			// one run: words with nothing but spaces between them
			int last = i;
			while (last + 1 < words.size()
					&& text.substring(words.get(last).end(), words.get(last + 1).start()).isBlank()) {
				last++;
			}
			out.append(text, copied, words.get(i).start());
			StringBuilder decoded = null;
			int previousEnd = -1;
			for (Group group : groups(words.subList(i, last + 1))) {
				if (group.text() != null) {
					if (decoded == null) {
						if (previousEnd >= 0) {
							out.append(text, previousEnd, group.start());
						}
						decoded = new StringBuilder();
					}
					decoded.append(group.text());
				}
				else {
					if (decoded != null) {
						out.append(quote.apply(decoded.toString()));
						decoded = null;
					}
					if (previousEnd >= 0) {
						out.append(text, previousEnd, group.start());
					}
					out.append(text, group.start(), group.end());
				}
				previousEnd = group.end();
			}
			if (decoded != null) {
				out.append(quote.apply(decoded.toString()));
			}
			copied = words.get(last).end();
			i = last + 1;
		}
		return out.append(text, copied, text.length()).toString();
	}

	/**
	 * A run's words decoded in groups: adjacent words of the same charset together, or
	 * one by one when together they do not decode.
	 * @return the groups with their range and text, {@code null} text when undecodable
	 */
	private static List<Group> groups(List<Word> run) {
		List<Group> groups = new ArrayList<>();
		int i = 0;
		while (i < run.size()) {
			int last = i;
			while (run.get(last).bytes() != null && last + 1 < run.size() && run.get(last + 1).bytes() != null
					&& run.get(last + 1).charset().equalsIgnoreCase(run.get(i).charset())) {
				last++;
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			run.subList(i, last + 1).forEach((word) -> {
				if (word.bytes() != null) {
					bytes.writeBytes(word.bytes());
				}
			});
			String text = (run.get(i).bytes() != null) ? text(run.get(i).charset(), bytes.toByteArray()) : null;
			if (text == null && last > i) {
				for (Word word : run.subList(i, last + 1)) {
					groups.add(new Group(word.start(), word.end(),
							(word.bytes() != null) ? text(word.charset(), word.bytes()) : null));
				}
			}
			else {
				groups.add(new Group(run.get(i).start(), run.get(last).end(), text));
			}
			i = last + 1;
		}
		return groups;
	}

	/** An encoded word's bytes, {@code null} when its encoding is broken. */
	private static byte[] bytes(String encoding, String text) {
		if ("B".equalsIgnoreCase(encoding)) {
			try {
				return Base64.getDecoder().decode(text);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '_') {
				bytes.write(' ');
			}
			else if (c == '=') {
				int high = (i + 2 < text.length()) ? Character.digit(text.charAt(i + 1), 16) : -1;
				int low = (high >= 0) ? Character.digit(text.charAt(i + 2), 16) : -1;
				if (low < 0) {
					return null;
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else if (c > '~') {
				return null;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toByteArray();
	}

	/**
	 * Bytes as text in a charset, {@code null} when the charset is unknown, the bytes are
	 * not valid in it, or the text holds a control character (a line break would end the
	 * header).
	 */
	private static String text(String charsetName, byte[] bytes) {
		String text;
		try {
			text = Charset.forName(MimeUtility.javaCharset(charsetName))
				.newDecoder()
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (IllegalArgumentException | CharacterCodingException ex) {
			return null;
		}
		return text.chars().anyMatch((c) -> (c < ' ' && c != '\t') || c == 0x7F) ? null : text;
	}

	/**
	 * A header folded at whitespace: an address list after 78 characters between
	 * addresses, other text only before it would pass 998 octets.
	 * @return the lines, {@code null} when a line would still be longer than 998 octets
	 */
	private static String fold(String head, String value, boolean addresses, String lineBreak) {
		String line = head + value;
		List<Integer> points = new ArrayList<>(
				addresses ? betweenAddresses(line, head.length()) : spaces(line, head.length()));
		points.add(line.length());
		int limit = addresses ? SHORT_LINE : MAX_LINE;
		StringBuilder out = new StringBuilder(line.length() + 16);
		int lineStart = 0;
		int previous = -1;
		for (int point : points) {
			if (octets(line.substring(lineStart, point)) > limit && previous > lineStart) {
				out.append(line, lineStart, previous).append(lineBreak);
				lineStart = previous;
			}
			previous = point;
		}
		out.append(line.substring(lineStart));
		for (String folded : out.toString().split(lineBreak)) {
			if (octets(folded) > MAX_LINE) {
				return null;
			}
		}
		return out.toString();
	}

	private static int octets(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	/** The places a text may be folded: whitespace before a word. */
	private static List<Integer> spaces(String line, int from) {
		List<Integer> points = new ArrayList<>();
		for (int i = from + 1; i + 1 < line.length(); i++) {
			if (isSpace(line.charAt(i)) && !isSpace(line.charAt(i + 1))) {
				points.add(i);
			}
		}
		return points;
	}

	/**
	 * The places an address list may be folded: the space after a comma between two
	 * addresses.
	 */
	private static List<Integer> betweenAddresses(String line, int from) {
		List<Integer> points = new ArrayList<>();
		boolean quoted = false;
		int comments = 0;
		boolean angle = false;
		for (int i = from; i + 2 < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\\' && (quoted || comments > 0)) {
				i++;
			}
			else if (quoted) {
				quoted = c != '"';
			}
			else if (comments > 0) {
				comments += (c == '(') ? 1 : (c == ')') ? -1 : 0;
			}
			else if (angle) {
				angle = c != '>';
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == '(') {
				comments = 1;
			}
			else if (c == '<') {
				angle = true;
			}
			else if (c == ',' && isSpace(line.charAt(i + 1)) && !isSpace(line.charAt(i + 2))) {
				points.add(i + 1);
			}
		}
		return points;
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t';
	}

	/** An encoded word where it stands, its charset and bytes ({@code null}: broken). */
	private record Word(int start, int end, String charset, byte[] bytes) {
	}

	/** Adjacent encoded words decoded together; {@code null} text when undecodable. */
	private record Group(int start, int end, String text) {
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
