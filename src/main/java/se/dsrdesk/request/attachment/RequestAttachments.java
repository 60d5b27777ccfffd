package se.dsrdesk.request.attachment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.auditing.RequestAuditor;
import se.dsrdesk.request.RequestFiles;
import se.dsrdesk.request.RequestService;

/**
 * Files attached to a request by case handlers: the letter a person sent, a scanned form,
 * an export from a system. Append-only: there is no way to change or delete an attachment
 * here, because the rows are the record of what was received; erasing them belongs to the
 * handling of the request itself. Every upload and download is audited with the
 * attachment's id, never its file name (which may name the person).
 */
@Service
public class RequestAttachments implements RequestFiles {

	/** The longest file name kept, in characters. */
	public static final int MAX_NAME = 255;

	/**
	 * The accepted file types by extension, with the content type stored and sent back.
	 * What the browser declares is not trusted.
	 */
	static final Map<String, String> TYPES = Map.of("pdf", "application/pdf", "png", "image/png", "jpg", "image/jpeg",
			"jpeg", "image/jpeg", "txt", "text/plain", "csv", "text/csv", "docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "xlsx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "eml", "message/rfc822");

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G' };

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private final JdbcClient jdbc;

	private final RequestService requests;

	private final AuditLog audit;

	private final Clock clock;

	private final DataSize maxSize;

	RequestAttachments(JdbcClient jdbc, RequestService requests, AuditLog audit, Clock clock,
			@Value("${dsr.attachments.max-size:10MB}") DataSize maxSize) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.audit = audit;
		this.clock = clock;
		this.maxSize = maxSize;
	}

	/**
	 * The largest file accepted.
	 * @return the limit
	 */
	public DataSize maxSize() {
		return this.maxSize;
	}

	/**
	 * Why a file would be refused, without storing anything: for files that arrive by
	 * mail, checked against the same rules (size, type allow-list, content) as uploads.
	 * @param originalName the file's name
	 * @param content the bytes
	 * @return the message key of the refusal, or empty when it would be accepted
	 */
	public Optional<String> refusal(String originalName, byte[] content) {
		if (content == null || content.length == 0) {
			return Optional.of("attachments.error.empty");
		}
		if (content.length > this.maxSize.toBytes()) {
			return Optional.of("attachments.error.tooLarge");
		}
		if (contentType(normalisedName(originalName), content).isEmpty()) {
			return Optional.of("attachments.error.type");
		}
		return Optional.empty();
	}

	/**
	 * Records on the request's timeline that a file that arrived for it (by mail) was not
	 * attached, and why; the file's name is not recorded (it may name the person).
	 * @param requestId the request
	 * @param reason the message key of the refusal, from {@link #refusal}
	 * @param actor who attached the mail
	 */
	@Transactional
	public void recordRefused(long requestId, String reason, Actor actor) {
		this.audit.recordAboutRequest(requestId, actor, "ATTACHMENT_REFUSED", RequestAuditor.TARGET, requestId,
				"reason=" + reason.substring(reason.lastIndexOf('.') + 1));
	}

	/**
	 * Stores a file for an open request and records it.
	 * @param requestId the request
	 * @param originalName the file name the browser sent
	 * @param content the bytes
	 * @param actor who uploads
	 * @return the new attachment's id
	 * @throws AttachmentRefusedException when the file is empty, too large, of a type not
	 * accepted, or the request is closed
	 */
	@Transactional
	public long add(long requestId, String originalName, byte[] content, Actor actor) {
		return add(requestId, originalName, content, false, actor);
	}

	/**
	 * Attaches a file to an open request, flagged when it is a copy of an identity
	 * document.
	 * @param requestId the request
	 * @param originalName the file's name as sent
	 * @param content the file
	 * @param identityDocument whether it is a copy of an identity document
	 * @param actor who attaches it
	 * @return the new attachment's id
	 * @throws AttachmentRefusedException when the file is empty, too large, of a type not
	 * accepted, or the request is closed
	 */
	@Transactional
	public long add(long requestId, String originalName, byte[] content, boolean identityDocument, Actor actor) {
		DsrRequest request = this.requests.get(requestId);
		if (!request.getStatus().isOpen()) {
			throw new AttachmentRefusedException("attachments.error.closed");
		}
		if (content == null || content.length == 0) {
			throw new AttachmentRefusedException("attachments.error.empty");
		}
		if (content.length > this.maxSize.toBytes()) {
			throw new AttachmentRefusedException("attachments.error.tooLarge");
		}
		String name = normalisedName(originalName);
		String type = contentType(name, content)
			.orElseThrow(() -> new AttachmentRefusedException("attachments.error.type"));
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO request_attachment (request_id, file_name, content_type, size_bytes, sha256, content,"
					+ " uploaded_by, uploaded_by_label, uploaded_at, identity_document)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(requestId, name, type, content.length, sha256(content), content, actor.staffUserId(), actor.label(),
					Timestamp.from(this.clock.instant()), identityDocument)
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		this.audit.recordAboutRequest(requestId, actor, "ATTACHMENT_ADDED", RequestAuditor.TARGET, requestId,
				request.getReference() + ": attachment " + id);
		return id;
	}

	/**
	 * A request's attachments without their content, oldest first.
	 * @param requestId the request
	 * @return the list
	 */
	@Transactional(readOnly = true)
	public List<Attachment> list(long requestId) {
		return this.jdbc
			.sql("SELECT id, file_name, content_type, size_bytes, sha256, uploaded_by_label, uploaded_at,"
					+ " identity_document FROM request_attachment WHERE request_id = ? ORDER BY uploaded_at, id")
			.param(requestId)
			.query((rs, i) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8)))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<RequestFile> ofRequest(long requestId) {
		return list(requestId).stream()
			.map((a) -> new RequestFile(a.id(), a.fileName(), a.contentType(), a.size(), a.identityDocument()))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<byte[]> content(long requestId, long fileId) {
		return this.jdbc.sql("SELECT content FROM request_attachment WHERE id = ? AND request_id = ?")
			.params(fileId, requestId)
			.query(byte[].class)
			.optional();
	}

	/**
	 * Deletes an attachment, open request or closed, for a reason from a fixed list; the
	 * audit trail records the reason, not the file's name.
	 * @param requestId the request the attachment must belong to
	 * @param attachmentId the attachment
	 * @param reason why
	 * @param actor who deletes it
	 * @throws NotFoundException when there is no such attachment on that request
	 */
	@Transactional
	public void delete(long requestId, long attachmentId, DeletionReason reason, Actor actor) {
		int deleted = this.jdbc.sql("DELETE FROM request_attachment WHERE id = ? AND request_id = ?")
			.params(attachmentId, requestId)
			.update();
		if (deleted == 0) {
			throw new NotFoundException("Attachment");
		}
		DsrRequest request = this.requests.get(requestId);
		this.audit.recordAboutRequest(requestId, actor, "ATTACHMENT_DELETED", RequestAuditor.TARGET, requestId,
				request.getReference() + ": attachment " + attachmentId + " deleted, reason " + reason.name());
	}

	/**
	 * One attachment of a request with its content; the download is recorded.
	 * @param requestId the request the attachment must belong to
	 * @param attachmentId the attachment
	 * @param actor who downloads
	 * @return the file
	 * @throws NotFoundException when there is no such attachment on that request
	 */
	@Transactional
	public File download(long requestId, long attachmentId, Actor actor) {
		File file = this.jdbc
			.sql("SELECT file_name, content_type, content FROM request_attachment WHERE id = ? AND request_id = ?")
			.params(attachmentId, requestId)
			.query((rs, i) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new NotFoundException("Attachment"));
		DsrRequest request = this.requests.get(requestId);
		this.audit.recordAboutRequest(requestId, actor, "ATTACHMENT_DOWNLOADED", RequestAuditor.TARGET, requestId,
				request.getReference() + ": attachment " + attachmentId);
		return file;
	}

	/**
	 * The file name without any path, control or format characters, NFC-normalised and at
	 * most {@value #MAX_NAME} characters (keeping the extension).
	 * @param original what the browser sent
	 * @return a name safe to store and show
	 */
	static String normalisedName(String original) {
		String name = (original != null) ? original : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "").strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = "attachment";
		}
		if (name.codePointCount(0, name.length()) > MAX_NAME) {
			int dot = name.lastIndexOf('.');
			String extension = (dot > 0 && name.length() - dot <= 10) ? name.substring(dot) : "";
			String stem = name.substring(0, name.length() - extension.length());
			int keep = MAX_NAME - extension.length();
			stem = stem.substring(0, stem.offsetByCodePoints(0, keep));
			name = stem + extension;
		}
		return name;
	}

	/**
	 * The stored content type: from the extension's allow-list, and for the binary
	 * formats only when the content starts as such a file does.
	 */
	static Optional<String> contentType(String name, byte[] content) {
		int dot = name.lastIndexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
		String type = TYPES.get(extension);
		if (type == null) {
			return Optional.empty();
		}
		boolean matches = switch (extension) {
			case "pdf" -> startsWith(content, PDF_MAGIC);
			case "png" -> startsWith(content, PNG_MAGIC);
			case "jpg", "jpeg" -> startsWith(content, JPEG_MAGIC);
			case "docx", "xlsx" -> startsWith(content, ZIP_MAGIC);
			default -> true;
		};
		return matches ? Optional.of(type) : Optional.empty();
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An attachment as listed.
	 *
	 * @param id its id
	 * @param fileName the normalised file name
	 * @param contentType the stored content type
	 * @param size in bytes
	 * @param sha256 the content's SHA-256, hex
	 * @param uploadedBy who uploaded it
	 * @param uploadedAt when
	 * @param identityDocument whether it is a copy of an identity document
	 */
	public record Attachment(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
			Instant uploadedAt, boolean identityDocument) {

		/**
		 * The size in kilobytes (1000 bytes), for the page.
		 * @return the size in kB
		 */
		public double kilobytes() {
			return this.size / 1000.0;
		}

	}

	/**
	 * A file to send.
	 *
	 * @param fileName the normalised file name
	 * @param contentType the stored content type
	 * @param content the bytes
	 */
	public record File(String fileName, String contentType, byte[] content) {

	}

}
