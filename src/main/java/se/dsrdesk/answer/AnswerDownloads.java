package se.dsrdesk.answer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.request.AnswerAttachments;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestDirectory;
import se.dsrdesk.request.RequestSummary;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.DisplayFormats;
import se.dsrdesk.system.CsvDownload;
import se.dsrdesk.system.PdfDocuments;
import se.dsrdesk.system.SecretTokens;

/**
 * The access extract (and a portability answer's data, as JSON and CSV) as files behind a
 * secure link: when an access request is answered, the letter exactly as the case handler
 * approved it is written as a PDF (from the template {@code letters/access-extract.html})
 * and as JSON, stored in the database (nothing in them comes from the tasks or the
 * register afterwards, so what the handler edited or removed in the review is what every
 * file says), and the answer mail gets a link with a random secret of 256 bits that is
 * stored only as its SHA-256 hash. The link works until it expires
 * ({@code dsr.answer.download-validity}, 30 days by default); every download is audited;
 * after expiry {@link #deleteExpired()} deletes the files.
 */
@Service
@Transactional
public class AnswerDownloads implements AnswerAttachments {

	/** The extract as PDF. */
	public static final String PDF = "extract.pdf";

	/** The extract as JSON. */
	public static final String JSON = "extract.json";

	/** A portability answer's data as JSON. */
	public static final String DATA_JSON = "data.json";

	/** A portability answer's data as CSV. */
	public static final String DATA_CSV = "data.csv";

	/** Each file a link can give, with its content type. */
	private static final Map<String, String> CONTENT_TYPES = Map.of(PDF, "application/pdf", JSON, "application/json",
			DATA_JSON, "application/json", DATA_CSV, "text/csv;charset=UTF-8");

	/** How the person appears in the audit trail when they download. */
	static final Actor DATA_SUBJECT = new Actor(null, "data subject (download link)");

	private final AnswerLetters letters;

	private final PdfDocuments pdfs;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ControllerIdentity controller;

	private final AnswerProperties properties;

	private final Clock clock;

	private final RequestDirectory requests;

	AnswerDownloads(AnswerLetters letters, PdfDocuments pdfs, JsonMapper json, JdbcClient jdbc, AuditLog audit,
			ControllerIdentity controller, AnswerProperties properties, Clock clock, RequestDirectory requests) {
		this.letters = letters;
		this.pdfs = pdfs;
		this.json = json;
		this.jdbc = jdbc;
		this.audit = audit;
		this.controller = controller;
		this.properties = properties;
		this.clock = clock;
		this.requests = requests;
	}

	/**
	 * For an access request, writes the approved letter as PDF and JSON; for a
	 * portability request, the data of its approved lines as JSON and CSV. Stores them
	 * behind a new link and gives the mail the link's secret, its last day and the files.
	 */
	@Override
	public Map<String, Object> attach(DsrRequest request, Locale locale, String approvedText) {
		RequestType type = request.getType();
		if (type != RequestType.ACCESS && type != RequestType.PORTABILITY) {
			return Map.of();
		}
		ApprovedAnswer answer = new ApprovedAnswer(
				Locale.forLanguageTag("sv".equals(locale.getLanguage()) ? "sv" : "en"), request.getReference(),
				type.name(), request.getReceiptDate().toString(), request.getSubject().getName(),
				request.getSubject().getEmail(), approvedText.strip());
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.properties.downloadValidity());
		String token = SecretTokens.generate();
		long downloadId = this.jdbc
			.sql("INSERT INTO answer_download (request_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?)"
					+ " RETURNING id")
			.params(request.getId(), SecretTokens.hash(token), Timestamp.from(expiresAt), Timestamp.from(now))
			.query(Long.class)
			.single();
		List<String> files;
		if (type == RequestType.ACCESS) {
			files = List.of(PDF, JSON);
			store(downloadId, PDF, pdf(answer));
			store(downloadId, JSON, json(answer, now));
		}
		else {
			files = List.of(DATA_JSON, DATA_CSV);
			List<LocationData> data = portableData(request.getId(), answer);
			store(downloadId, DATA_JSON, portabilityJson(answer, data, now));
			store(downloadId, DATA_CSV, portabilityCsv(data));
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("downloadToken", token);
		model.put("downloadExpires", LocalDate.ofInstant(expiresAt, this.controller.timeZone()));
		model.put("downloadKind", type.name());
		model.put("downloadFiles", files);
		return model;
	}

	/**
	 * A portability answer's data per location, as the approved letter gives it: the text
	 * of each exported location's line ({@code - <location>: <what>}) that the handler
	 * kept. A location whose line was removed in the review is not in the files.
	 */
	private List<LocationData> portableData(long requestId, ApprovedAnswer answer) {
		List<String> lines = answer.text().lines().map(String::strip).toList();
		List<LocationData> data = new ArrayList<>();
		for (AnswerLetters.Line line : this.letters.extract(requestId, answer.locale()).lines()) {
			if (line.outcome() != TaskOutcome.DONE) {
				continue;
			}
			String prefix = "- " + line.location() + ": ";
			lines.stream()
				.filter((l) -> l.startsWith(prefix))
				.findFirst()
				.ifPresent((l) -> data.add(new LocationData(line.location(), l.substring(prefix.length()).strip())));
		}
		return data;
	}

	byte[] portabilityJson(ApprovedAnswer answer, List<LocationData> data, Instant now) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("controller", Map.of("name", this.controller.name(), "organisationNumber",
				this.controller.organisationNumber(), "privacyEmail", this.controller.privacyEmail()));
		root.put("request",
				Map.of("reference", answer.reference(), "type", answer.type(), "receivedOn", answer.receiptDate()));
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("name", answer.name());
		subject.put("email", answer.email());
		root.put("dataSubject", subject);
		root.put("generatedAt", now.toString());
		root.put("language", answer.locale().getLanguage());
		root.put("locations", data.stream().map((d) -> Map.of("location", d.location(), "data", d.data())).toList());
		return this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
	}

	byte[] portabilityCsv(List<LocationData> data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			CsvDownload csv = CsvDownload.to(out);
			csv.row("location", "data");
			for (LocationData d : data) {
				csv.row(CsvDownload.safe(d.location()), CsvDownload.safe(d.data()));
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A file behind a link, audited as downloaded by the person.
	 * @param token the link's secret
	 * @param name {@value #PDF}, {@value #JSON}, {@value #DATA_JSON} or
	 * {@value #DATA_CSV}
	 * @return the file, or why there is none
	 */
	public Download open(String token, String name) {
		if (!SecretTokens.isWellFormed(token) || !CONTENT_TYPES.containsKey(name)) {
			return Download.unknown();
		}
		Optional<Link> link = this.jdbc
			.sql("SELECT d.id, d.request_id, d.expires_at, d.deleted_at FROM answer_download d WHERE d.token_hash = ?")
			.param(SecretTokens.hash(token))
			.query((rs, i) -> new Link(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) != null))
			.optional();
		if (link.isEmpty()) {
			return Download.unknown();
		}
		Link found = link.get();
		if (found.deleted() || !this.clock.instant().isBefore(found.expiresAt())) {
			return Download.gone();
		}
		Optional<byte[]> content = this.jdbc.sql("SELECT content FROM answer_file WHERE download_id = ? AND name = ?")
			.params(found.id(), name)
			.query((rs, i) -> rs.getBytes(1))
			.optional();
		if (content.isEmpty()) {
			return Download.gone();
		}
		String reference = this.requests.summary(found.requestId()).map(RequestSummary::reference).orElseThrow();
		this.audit.recordAboutRequest(found.requestId(), DATA_SUBJECT, "ANSWER_DOWNLOADED", "REQUEST",
				found.requestId(), reference + ": " + name);
		return new Download(Download.Status.OK, name, CONTENT_TYPES.get(name), content.get());
	}

	/**
	 * Deletes the files of every link that has expired, and records it.
	 * @return how many links had their files deleted
	 */
	public int deleteExpired() {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<long[]> expired = this.jdbc
			.sql("SELECT id, request_id FROM answer_download WHERE expires_at <= ? AND deleted_at IS NULL ORDER BY id")
			.param(now)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		for (long[] row : expired) {
			this.jdbc.sql("DELETE FROM answer_file WHERE download_id = ?").param(row[0]).update();
			this.jdbc.sql("UPDATE answer_download SET deleted_at = ? WHERE id = ?").params(now, row[0]).update();
			this.audit.recordAboutRequest(row[1], Actor.SYSTEM, "ANSWER_FILES_DELETED", "REQUEST", row[1],
					"download " + row[0] + ": link expired");
		}
		return expired.size();
	}

	private void store(long downloadId, String name, byte[] content) {
		this.jdbc.sql("INSERT INTO answer_file (download_id, name, content_type, content) VALUES (?, ?, ?, ?)")
			.params(downloadId, name, CONTENT_TYPES.get(name), content)
			.update();
	}

	byte[] pdf(ApprovedAnswer extract) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("extract", extract);
		variables.put("paragraphs", extract.paragraphs().stream().map((p) -> List.of(p.split("\\R"))).toList());
		variables.put("controller", this.controller);
		// A long date like the rest of the letters ("den 3 mars 2026", "3 March 2026").
		variables.put("generated", DisplayFormats
			.longDate(LocalDate.ofInstant(this.clock.instant(), this.controller.timeZone()), extract.locale()));
		return this.pdfs.render("letters/access-extract", extract.locale(), variables);
	}

	byte[] json(ApprovedAnswer extract, Instant now) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("controller", Map.of("name", this.controller.name(), "organisationNumber",
				this.controller.organisationNumber(), "privacyEmail", this.controller.privacyEmail()));
		root.put("request",
				Map.of("reference", extract.reference(), "type", extract.type(), "receivedOn", extract.receiptDate()));
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("name", extract.name());
		subject.put("email", extract.email());
		root.put("dataSubject", subject);
		root.put("generatedAt", now.toString());
		root.put("language", extract.locale().getLanguage());
		root.put("answer", extract.text());
		root.put("paragraphs", extract.paragraphs());
		return this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
	}

	/**
	 * The answer as the case handler approved it, with what identifies the request; the
	 * only source of the extract's files.
	 *
	 * @param locale the letter's language
	 * @param reference the request's reference
	 * @param type the request type
	 * @param receiptDate when it was received
	 * @param name the person's name, may be {@code null}
	 * @param email the person's email address, may be {@code null}
	 * @param text the approved letter, stripped
	 */
	record ApprovedAnswer(Locale locale, String reference, String type, String receiptDate, String name, String email,
			String text) {

		/** The letter's paragraphs, as separated by blank lines, each stripped. */
		List<String> paragraphs() {
			return Arrays.stream(this.text.split("\\R\\s*\\R")).map(String::strip).filter((p) -> !p.isEmpty()).toList();
		}

	}

	/**
	 * One location's data in a portability answer.
	 *
	 * @param location the location's name
	 * @param data what the approved letter says of it
	 */
	record LocationData(String location, String data) {
	}

	private record Link(long id, long requestId, Instant expiresAt, boolean deleted) {
	}

	/**
	 * A download's answer.
	 *
	 * @param status whether there is a file
	 * @param name the file's name
	 * @param contentType its type
	 * @param content its bytes
	 */
	public record Download(Status status, String name, String contentType, byte[] content) {

		static Download unknown() {
			return new Download(Status.UNKNOWN, null, null, null);
		}

		static Download gone() {
			return new Download(Status.GONE, null, null, null);
		}

		/** Whether the link gave a file. */
		public enum Status {

			OK, UNKNOWN, GONE

		}

	}

}
