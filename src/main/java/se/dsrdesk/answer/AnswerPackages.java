package se.dsrdesk.answer;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.LocationTaskRepository;
import se.dsrdesk.location.TaskStatus;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.location.connector.TaskFindings;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestFiles;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.redaction.Redaction;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.system.RefusedException;

/**
 * The answer package of an access or portability request, besides its letter: one section
 * per finding of its completed tasks (records of fields, files), as the case handler
 * reviewed it. A record's fields and a text file's content can be edited and masked in
 * the review (the approved text is stored per finding); a file the tool cannot mask (an
 * image, a PDF) goes out as it is, and only once the handler has marked it checked. The
 * package's files are rendered once from this approved state ({@link AnswerDownloads}),
 * never from the findings as found. Other modules reach the package through
 * {@link AnswerEnclosures}.
 */
@Service
@Transactional
class AnswerPackages {

	private final TaskFindings findings;

	private final LocationTaskRepository tasks;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final RequestFiles requestFiles;

	private final MessageSource messages;

	AnswerPackages(TaskFindings findings, LocationTaskRepository tasks, JdbcClient jdbc, AuditLog audit, Clock clock,
			RequestFiles requestFiles, MessageSource messages) {
		this.requestFiles = requestFiles;
		this.messages = messages;
		this.findings = findings;
		this.tasks = tasks;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Whether a request type's answer carries data sections.
	 * @param type the request type
	 * @return {@code true} for access and portability
	 */
	static boolean carriesData(RequestType type) {
		return type == RequestType.ACCESS || type == RequestType.PORTABILITY;
	}

	/**
	 * The sections of a request's package for the review: every finding of its completed
	 * tasks, included or left out, with the text as last reviewed.
	 * @param requestId the request
	 * @param locale the language of the locations' names
	 * @return the sections, by task and in the order found
	 */
	@Transactional(readOnly = true)
	List<Section> sections(long requestId, Locale locale) {
		Map<Long, String> locations = new HashMap<>();
		for (LocationTask task : this.tasks.findByRequestIdAndStatus(requestId, TaskStatus.DONE)) {
			locations.put(task.getId(), task.getLocation().getName().in(locale));
		}
		Map<Long, String> reviewed = new HashMap<>();
		this.jdbc.sql("SELECT finding_id, reviewed_text FROM answer_finding_text WHERE request_id = :id")
			.param("id", requestId)
			.query((rs, i) -> reviewed.put(rs.getLong(1), rs.getString(2)))
			.list();
		List<Section> sections = new ArrayList<>();
		for (Finding finding : this.findings.ofRequest(requestId)) {
			String location = locations.get(finding.taskId());
			if (location == null) {
				continue;
			}
			String text = null;
			if (finding.maskable()) {
				text = reviewed.containsKey(finding.id()) ? reviewed.get(finding.id()) : originalText(finding);
			}
			sections.add(new Section(finding, location, text, reviewed.containsKey(finding.id())));
		}
		return sections;
	}

	/**
	 * The included sections as they go out: masked passages replaced by the marker, a
	 * record's fields read back from the approved text.
	 * @param requestId the request
	 * @param locale the letter's language
	 * @return the approved sections
	 * @throws UncheckedFilesException when an included file that cannot be masked is not
	 * marked checked
	 */
	@Transactional(readOnly = true)
	List<ApprovedSection> approved(long requestId, Locale locale) {
		List<Section> included = sections(requestId, locale).stream().filter((s) -> s.finding().included()).toList();
		List<AttachmentChoice> attachments = attachments(requestId).stream()
			.filter(AttachmentChoice::included)
			.toList();
		List<String> unchecked = new ArrayList<>(
				included.stream().filter((s) -> !s.finding().readyToSend()).map((s) -> s.finding().title()).toList());
		attachments.stream().filter((a) -> !a.checked()).forEach((a) -> unchecked.add(a.file().fileName()));
		if (!unchecked.isEmpty()) {
			throw new UncheckedFilesException(unchecked);
		}
		List<ApprovedSection> approved = new ArrayList<>();
		for (Section section : included) {
			Finding finding = section.finding();
			if (finding.kind() == Finding.Kind.RECORD) {
				String text = Redaction.apply(section.text(), locale);
				approved.add(new ApprovedSection(finding.id(), section.location(),
						Redaction.applyLike(finding.title(), section.text(), locale), finding.source(), finding.kind(),
						fields(text), text, null, null, null, false));
			}
			else if (finding.maskable()) {
				String text = Redaction.apply(section.text(), locale);
				approved.add(new ApprovedSection(finding.id(), section.location(),
						Redaction.applyLike(finding.title(), section.text(), locale), finding.source(), finding.kind(),
						Map.of(), text, finding.fileName(), finding.contentType(),
						fileBytes(text, finding.contentType()), false));
			}
			else {
				// Read when the file is copied (fileContent), one at a time.
				approved.add(new ApprovedSection(finding.id(), section.location(), finding.title(), finding.source(),
						finding.kind(), Map.of(), null, finding.fileName(), finding.contentType(), null, false));
			}
		}
		String attached = this.messages.getMessage("package.attachments.location", null, locale);
		for (AttachmentChoice attachment : attachments) {
			RequestFiles.RequestFile file = attachment.file();
			approved.add(new ApprovedSection(file.id(), attached, file.fileName(), "request", Finding.Kind.FILE,
					Map.of(), null, file.fileName(), file.contentType(), null, true));
		}
		return approved;
	}

	/**
	 * How large the package's included findings are, in bytes (records count as their
	 * fields' text), to decide whether it can be built while a page waits.
	 * @param requestId the request
	 * @return the sum of the included findings' sizes
	 */
	@Transactional(readOnly = true)
	long includedBytes(long requestId) {
		return this.findings.ofRequest(requestId)
			.stream()
			.filter(Finding::included)
			.mapToLong((f) -> (f.kind() == Finding.Kind.RECORD) ? f.fields().toString().length() : f.sizeBytes())
			.sum()
				+ attachments(requestId).stream()
					.filter(AttachmentChoice::included)
					.mapToLong((a) -> a.file().size())
					.sum();
	}

	/**
	 * A file's content as found, for a file the tool cannot mask (sent as it is).
	 * @param findingId the finding
	 * @return its bytes, empty when none are stored
	 */
	@Transactional(readOnly = true)
	byte[] fileContent(long findingId) {
		return this.findings.content(findingId).orElse(new byte[0]);
	}

	/**
	 * The content of a section's file that is read when it is copied: a finding's or an
	 * attachment's.
	 * @param requestId the request
	 * @param section the section
	 * @return its bytes
	 */
	@Transactional(readOnly = true)
	byte[] fileContent(long requestId, ApprovedSection section) {
		return section.attachment() ? this.requestFiles.content(requestId, section.findingId()).orElse(new byte[0])
				: fileContent(section.findingId());
	}

	/**
	 * The files attached to a request, each with whether the handler put it into the
	 * package and checked it.
	 * @param requestId the request
	 * @return the files, oldest first
	 */
	@Transactional(readOnly = true)
	List<AttachmentChoice> attachments(long requestId) {
		Map<Long, boolean[]> chosen = new HashMap<>();
		this.jdbc
			.sql("SELECT attachment_id, included, checked_at IS NOT NULL FROM answer_request_file"
					+ " WHERE request_id = :id")
			.param("id", requestId)
			.query((rs, i) -> chosen.put(rs.getLong(1), new boolean[] { rs.getBoolean(2), rs.getBoolean(3) }))
			.list();
		return this.requestFiles.ofRequest(requestId).stream().map((file) -> {
			boolean[] choice = chosen.getOrDefault(file.id(), new boolean[] { false, false });
			return new AttachmentChoice(file, choice[0], choice[1]);
		}).toList();
	}

	/**
	 * Puts a file attached to the request into the package or leaves it out.
	 */
	void includeAttachment(long requestId, long attachmentId, boolean included, Actor actor) {
		attachment(requestId, attachmentId);
		int updated = this.jdbc
			.sql("UPDATE answer_request_file SET included = :included, updated_at = :now"
					+ " WHERE attachment_id = :id AND request_id = :request")
			.param("included", included)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", attachmentId)
			.param("request", requestId)
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO answer_request_file (attachment_id, request_id, included, updated_at)
					VALUES (:id, :request, :included, :now)""")
				.param("included", included)
				.param("now", Timestamp.from(this.clock.instant()))
				.param("id", attachmentId)
				.param("request", requestId)
				.update();
		}
		this.audit.recordAboutRequest(requestId, actor,
				included ? "ANSWER_ATTACHMENT_INCLUDED" : "ANSWER_ATTACHMENT_LEFT_OUT", "REQUEST", requestId,
				"attachment " + attachmentId);
	}

	/**
	 * Records that a file attached to the request, put into the package, was checked and
	 * holds no one else's data (Art. 15(4)).
	 */
	void checkAttachment(long requestId, long attachmentId, Actor actor) {
		attachment(requestId, attachmentId);
		int updated = this.jdbc.sql("""
				UPDATE answer_request_file SET checked_at = :now, checked_by_label = :by, updated_at = :now
				WHERE attachment_id = :id AND request_id = :request AND included""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", actor.label())
			.param("id", attachmentId)
			.param("request", requestId)
			.update();
		if (updated == 0) {
			throw new NotFoundException("Attachment");
		}
		this.audit.recordAboutRequest(requestId, actor, "ANSWER_ATTACHMENT_CHECKED", "REQUEST", requestId,
				"attachment " + attachmentId);
	}

	private RequestFiles.RequestFile attachment(long requestId, long attachmentId) {
		return this.requestFiles.ofRequest(requestId)
			.stream()
			.filter((f) -> f.id() == attachmentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Attachment"));
	}

	/**
	 * What a package built now would be built from, as a hash: the approved letter, the
	 * day (the PDF is dated), and every finding of the completed tasks with its location,
	 * whether it is included and checked, and its reviewed text. A build whose
	 * fingerprint differs from the one at sending is not what the handler approved now,
	 * and is not sent. Reads no file's content.
	 * @param requestId the request
	 * @param locale the letter's language
	 * @param approvedText the letter as approved (masks replaced)
	 * @param today the day it would be sent
	 * @return the SHA-256 hash, in hex
	 */
	@Transactional(readOnly = true)
	String fingerprint(long requestId, Locale locale, String approvedText, java.time.LocalDate today) {
		Map<Long, String> locations = new HashMap<>();
		for (LocationTask task : this.tasks.findByRequestIdAndStatus(requestId, TaskStatus.DONE)) {
			locations.put(task.getId(), task.getLocation().getName().in(locale));
		}
		Map<Long, String> reviewed = new HashMap<>();
		this.jdbc.sql("SELECT finding_id, reviewed_text FROM answer_finding_text WHERE request_id = :id")
			.param("id", requestId)
			.query((rs, i) -> reviewed.put(rs.getLong(1), rs.getString(2)))
			.list();
		StringBuilder state = new StringBuilder();
		state.append(today).append('\u0000').append(locale.getLanguage()).append('\u0000').append(approvedText);
		for (Finding finding : this.findings.ofRequest(requestId)) {
			String location = locations.get(finding.taskId());
			if (location == null) {
				continue;
			}
			state.append('\u0000')
				.append(finding.id())
				.append('|')
				.append(location)
				.append('|')
				.append(finding.included())
				.append('|')
				.append(finding.readyToSend())
				.append('|')
				.append(reviewed.getOrDefault(finding.id(), "\u0001"));
		}
		for (AttachmentChoice attachment : attachments(requestId)) {
			state.append("\u0000a")
				.append(attachment.file().id())
				.append('|')
				.append(attachment.included())
				.append('|')
				.append(attachment.checked());
		}
		return se.dsrdesk.system.SecretTokens.hash(state.toString());
	}

	/**
	 * Stores the text of a finding as the case handler approved it in the review.
	 * @param requestId the request the finding belongs to
	 * @param findingId the finding
	 * @param text the text, masked passages between {@code [[} and {@code ]]}
	 * @param actor who reviewed it
	 */
	void review(long requestId, long findingId, String text, Actor actor) {
		Finding finding = finding(requestId, findingId);
		if (!finding.maskable()) {
			throw new NotFoundException("Finding");
		}
		String stored = text.replace("\r\n", "\n");
		this.jdbc.sql("DELETE FROM answer_finding_text WHERE finding_id = :id").param("id", findingId).update();
		this.jdbc.sql("""
				INSERT INTO answer_finding_text (finding_id, request_id, reviewed_text, updated_at)
				VALUES (:finding, :request, :text, :now)""")
			.param("finding", findingId)
			.param("request", requestId)
			.param("text", stored)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		// What was masked stays out of the trail: only how many passages.
		this.audit.recordAboutRequest(requestId, actor, "ANSWER_SECTION_REVIEWED", "TASK_FINDING", findingId,
				"masks=" + Redaction.count(stored));
	}

	/**
	 * Includes a finding in the package or leaves it out.
	 */
	void include(long requestId, long findingId, boolean included, Actor actor) {
		finding(requestId, findingId);
		this.findings.include(findingId, included, actor);
	}

	/**
	 * Records that a file the tool cannot mask was checked and holds no one else's data.
	 */
	void markChecked(long requestId, long findingId, Actor actor) {
		finding(requestId, findingId);
		this.findings.markChecked(findingId, actor);
	}

	private Finding finding(long requestId, long findingId) {
		return this.findings.get(findingId)
			.filter((f) -> f.requestId() == requestId)
			.orElseThrow(() -> new NotFoundException("Finding"));
	}

	/**
	 * A finding's text as found: a record's fields one per line ({@code field: value}), a
	 * text file's content.
	 */
	/**
	 * A reviewed text as the file's bytes: UTF-8, and for a mail ({@code message/rfc822})
	 * with the CRLF line ends RFC 5322 (section 2.1) requires, which the review's text
	 * (stored with LF) does not keep.
	 */
	static byte[] fileBytes(String text, String contentType) {
		boolean mail = contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("message/rfc822");
		String lines = mail ? text.replace("\r\n", "\n").replace("\n", "\r\n") : text;
		return lines.getBytes(StandardCharsets.UTF_8);
	}

	private String originalText(Finding finding) {
		if (finding.kind() == Finding.Kind.RECORD) {
			StringBuilder text = new StringBuilder();
			finding.fields()
				.forEach((key, value) -> text.append(key)
					.append(": ")
					.append((value != null) ? value.replaceAll("\\R", " ") : "")
					.append('\n'));
			return text.toString();
		}
		return new String(this.findings.content(finding.id()).orElse(new byte[0]), StandardCharsets.UTF_8);
	}

	/**
	 * A record's fields read back from its approved text, one {@code field: value} per
	 * line; a line without a field name continues the previous value.
	 */
	static Map<String, String> fields(String text) {
		Map<String, String> fields = new LinkedHashMap<>();
		String last = null;
		for (String line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int colon = line.indexOf(": ");
			if (colon > 0) {
				last = line.substring(0, colon).strip();
				fields.put(last, line.substring(colon + 2).strip());
			}
			else if (last != null) {
				fields.put(last, (fields.get(last) + " " + line.strip()).strip());
			}
			else {
				last = "text";
				fields.put(last, line.strip());
			}
		}
		return fields;
	}

	/**
	 * A finding in the review.
	 *
	 * @param finding the finding
	 * @param location the location's name
	 * @param text its text as reviewed (masks between {@code [[} and {@code ]]}), or
	 * {@code null} for a file the tool cannot mask
	 * @param reviewed whether the handler saved a reviewed text
	 */
	record Section(Finding finding, String location, String text, boolean reviewed) {

		public long masks() {
			return Redaction.count(this.text);
		}

	}

	/**
	 * A section as it goes out.
	 *
	 * @param findingId the finding
	 * @param location the location's name
	 * @param title what it is
	 * @param source where it came from
	 * @param kind record or file
	 * @param fields a record's fields as approved, empty for a file
	 * @param text the approved text (marker in place of masks), {@code null} for a file
	 * that cannot be masked
	 * @param fileName a file's name, {@code null} for a record
	 * @param contentType a file's type
	 * @param content a file's bytes as sent, {@code null} for a file read when it is
	 * copied ({@link #fileContent})
	 * @param attachment whether it is a file attached to the request (its id is the
	 * attachment's) rather than a finding
	 */
	record ApprovedSection(long findingId, String location, String title, String source, Finding.Kind kind,
			Map<String, String> fields, String text, String fileName, String contentType, byte[] content,
			boolean attachment) {
	}

	/**
	 * A file attached to the request, as the review shows it.
	 *
	 * @param file the file
	 * @param included whether it goes into the package
	 * @param checked whether it was marked checked for other people's data
	 */
	record AttachmentChoice(RequestFiles.RequestFile file, boolean included, boolean checked) {
	}

	/**
	 * An included file that the tool cannot mask (an image, a PDF) has not been checked
	 * for other people's data: the answer cannot go out yet (Art. 15(4)).
	 */
	static class UncheckedFilesException extends RefusedException {

		UncheckedFilesException(List<String> titles) {
			super(org.springframework.http.HttpStatus.CONFLICT, "package-files-unchecked", "package.uncheckedFiles",
					String.join(", ", titles));
		}

	}

}
