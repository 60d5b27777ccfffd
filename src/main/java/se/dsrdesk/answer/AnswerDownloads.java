package se.dsrdesk.answer;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.request.AnswerAttachments;
import se.dsrdesk.request.AnswerFiles;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestDirectory;
import se.dsrdesk.request.RequestSummary;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.redaction.Redaction;
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
public class AnswerDownloads implements AnswerAttachments, AnswerFiles {

	/** The extract as PDF. */
	public static final String PDF = "extract.pdf";

	/** The extract as JSON. */
	public static final String JSON = "extract.json";

	/** A portability answer's data as JSON. */
	public static final String DATA_JSON = "data.json";

	/** A portability answer's data as CSV. */
	public static final String DATA_CSV = "data.csv";

	/** Every file of the package in one ZIP. */
	public static final String ZIP = "package.zip";

	/** The package's own files, with their content types. */
	private static final Map<String, String> CONTENT_TYPES = Map.of(PDF, "application/pdf", JSON, "application/json",
			DATA_JSON, "application/json", DATA_CSV, "text/csv;charset=UTF-8", ZIP, "application/zip");

	/** What a file behind a link may be called. */
	static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,159}");

	/** How the person appears in the audit trail when they download. */
	static final Actor DATA_SUBJECT = new Actor(null, "data subject (download link)");

	/** The person downloading from their status page. */
	static final Actor DATA_SUBJECT_STATUS_PAGE = new Actor(null, "data subject (status page)");

	private final AnswerLetters letters;

	private final PdfDocuments pdfs;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ControllerIdentity controller;

	private final AnswerProperties properties;

	private final Clock clock;

	private final RequestDirectory requests;

	private final AnswerPackages packages;

	private final AnswerBuilds builds;

	private final AnswerBuildProperties buildProperties;

	AnswerDownloads(AnswerLetters letters, PdfDocuments pdfs, JsonMapper json, JdbcClient jdbc, AuditLog audit,
			ControllerIdentity controller, AnswerProperties properties, Clock clock, RequestDirectory requests,
			AnswerPackages packages, AnswerBuilds builds, AnswerBuildProperties buildProperties) {
		this.buildProperties = buildProperties;
		this.packages = packages;
		this.builds = builds;
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
	 * For an access request, the approved letter as PDF and JSON; for a portability
	 * request, the data of its approved lines as JSON and CSV; with the original files
	 * and one ZIP of all. Takes the files of a build that is ready for exactly this
	 * letter and this state of the review ({@link #preparedDownload}: built in the
	 * background, prepared on the answer page or through the API), or builds them here
	 * when there is none and the package is small. Puts them behind a new link and gives
	 * the mail the link's secret, its last day and the files.
	 */
	@Override
	public Map<String, Object> attach(DsrRequest request, Locale locale, String approvedText) {
		RequestType type = request.getType();
		if (!AnswerPackages.carriesData(type)) {
			return Map.of();
		}
		long downloadId = preparedDownload(request.getId(), locale, approvedText).orElseGet(() -> {
			requireSmall(request.getId());
			return build(request, locale, approvedText, BuildProgress.NONE);
		});
		this.builds.markSent(downloadId);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.properties.downloadValidity());
		String token = SecretTokens.generate();
		this.jdbc.sql("UPDATE answer_download SET token_hash = ?, expires_at = ?, created_at = ? WHERE id = ?")
			.params(SecretTokens.hash(token), Timestamp.from(expiresAt), Timestamp.from(now), downloadId)
			.update();
		List<String> files = this.jdbc.sql("SELECT name FROM answer_file WHERE download_id = ? ORDER BY id")
			.param(downloadId)
			.query(String.class)
			.list();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("downloadToken", token);
		model.put("downloadExpires", LocalDate.ofInstant(expiresAt, this.controller.timeZone()));
		model.put("downloadKind", type.name());
		model.put("downloadFiles", files);
		return model;
	}

	/**
	 * The letter as the case handler typed it, as it is approved when the answer is sent
	 * ({@code RequestService.answer}): line breaks normalised, each masked passage
	 * replaced by the marker of the letter's language.
	 * @param letterText the letter as typed
	 * @param locale the letter's language
	 * @return the approved text
	 */
	static String approved(String letterText, Locale locale) {
		return Redaction.apply(letterText.strip().replace("\r\n", "\n"), locale).strip();
	}

	/**
	 * What the package sent today with this letter would be built from
	 * ({@link AnswerPackages#fingerprint}): a build is stored with it and sent only while
	 * it is still the same.
	 * @param requestId the request
	 * @param locale the letter's language
	 * @param approvedText the letter as approved
	 * @return the fingerprint
	 */
	String fingerprint(long requestId, Locale locale, String approvedText) {
		Locale language = Locale.forLanguageTag("sv".equals(locale.getLanguage()) ? "sv" : "en");
		return this.packages.fingerprint(requestId, language, approvedText.strip(),
				LocalDate.ofInstant(this.clock.instant(), this.controller.timeZone()));
	}

	/**
	 * The one rule of which prepared build an answer sends: the newest ready build made
	 * from exactly this letter and this state of the review, today. Sending
	 * ({@link #attach}) takes its files; the API's progress call says whether a build is
	 * still this one ({@link #stillSendable}).
	 * @param requestId the request
	 * @param locale the letter's language
	 * @param approvedText the letter as approved
	 * @return the link the build's files are behind, empty when no build matches
	 */
	Optional<Long> preparedDownload(long requestId, Locale locale, String approvedText) {
		return this.builds.readyDownload(requestId, fingerprint(requestId, locale, approvedText));
	}

	/**
	 * Whether sending a build's letter now would take this build's files
	 * ({@link #preparedDownload}): {@code false} once the review or the letter's day
	 * changed, and for a build that is not ready.
	 * @param request the request
	 * @param build one of its builds
	 * @return whether the build is what an answer with its letter sends
	 */
	@Transactional(readOnly = true)
	boolean stillSendable(DsrRequest request, AnswerBuilds.Build build) {
		if (build.status() != AnswerBuilds.Build.Status.READY || build.downloadId() == null) {
			return false;
		}
		Locale locale = Locale.forLanguageTag("sv".equals(request.getLanguage()) ? "sv" : "en");
		return preparedDownload(request.getId(), locale, approved(build.letterText(), locale))
			.filter(build.downloadId()::equals)
			.isPresent();
	}

	/**
	 * Refuses to build a large package while a page (or an API call) waits: it must be
	 * prepared in the background first ({@code dsr.answer.build.inline-limit}).
	 * @throws PackageNotPreparedException when the package is larger than the limit
	 */
	void requireSmall(long requestId) {
		if (this.packages.includedBytes(requestId) > this.buildProperties.inlineLimit().toBytes()) {
			throw new PackageNotPreparedException();
		}
	}

	/**
	 * Builds the package's files from the approved letter and the reviewed sections, each
	 * streamed to a file on disk (the PDF rendered from a file, the originals copied one
	 * at a time, the ZIP written entry by entry), then stores them in chunks behind a
	 * link whose secret nobody knows yet ({@link #attach} gives it one when the answer is
	 * sent; an unsent build expires and is deleted like a sent one).
	 * @return the link's id
	 * @throws AnswerPackages.UncheckedFilesException while an included file that cannot
	 * be masked is unchecked
	 */
	long build(DsrRequest request, Locale locale, String approvedText, BuildProgress progress) {
		RequestType type = request.getType();
		ApprovedAnswer answer = approvedAnswer(request, locale, approvedText);
		List<AnswerPackages.ApprovedSection> all = this.packages.approved(request.getId(), answer.locale());
		Instant now = this.clock.instant();
		Path dir;
		try {
			dir = Files.createTempDirectory("dsr-answer-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			List<AnswerPackages.ApprovedSection> originals = new ArrayList<>();
			Map<String, StagedFile> built = new LinkedHashMap<>();
			List<LocationData> data = (type == RequestType.PORTABILITY) ? portableData(request.getId(), answer)
					: List.of();
			// A location whose line the handler removed from a portability letter sends
			// nothing.
			List<AnswerPackages.ApprovedSection> sections = (type == RequestType.PORTABILITY) ? all.stream()
				.filter((s) -> data.stream().anyMatch((d) -> d.location().equals(s.location())))
				.toList() : all;
			for (AnswerPackages.ApprovedSection section : sections) {
				if (section.kind() == Finding.Kind.FILE) {
					originals.add(section);
				}
			}
			BuildProgress.Counter counter = new BuildProgress.Counter(progress, sections.size(), originals.size());
			if (type == RequestType.ACCESS) {
				counter.pdf();
				built.put(PDF, stage(dir, PDF, (file) -> pdf(answer, sections, file)));
				counter.data();
				built.put(JSON, stage(dir, JSON, (file) -> write(file, (out) -> json(answer, sections, now, out))));
				if (sections.stream().anyMatch((s) -> s.kind() == Finding.Kind.RECORD)) {
					built.put(DATA_CSV,
							stage(dir, DATA_CSV, (file) -> write(file, (out) -> recordsCsv(List.of(), sections, out))));
				}
			}
			else {
				List<LocationData> kept = data;
				List<AnswerPackages.ApprovedSection> portable = sections;
				counter.data();
				built.put(DATA_JSON, stage(dir, DATA_JSON,
						(file) -> write(file, (out) -> portabilityJson(answer, kept, portable, now, out))));
				built.put(DATA_CSV,
						stage(dir, DATA_CSV, (file) -> write(file, (out) -> recordsCsv(kept, portable, out))));
			}
			for (AnswerPackages.ApprovedSection section : originals) {
				counter.original();
				String name = originalName(section);
				built.put(name, stage(dir, name, (file) -> write(file, (out) -> {
					if (section.content() != null) {
						out.write(section.content());
					}
					else {
						out.write(this.packages.fileContent(request.getId(), section));
					}
				}), section.contentType()));
			}
			Path zip = dir.resolve(ZIP);
			try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip)),
					StandardCharsets.UTF_8)) {
				for (Map.Entry<String, StagedFile> file : built.entrySet()) {
					counter.zip();
					out.putNextEntry(new ZipEntry(file.getKey()));
					Files.copy(file.getValue().path(), out);
					out.closeEntry();
				}
			}
			built.put(ZIP, new StagedFile(CONTENT_TYPES.get(ZIP), zip));
			Instant expiresAt = now.plus(this.properties.downloadValidity());
			// A secret nobody is given: the link works only once attach() replaces it.
			long downloadId = this.jdbc
				.sql("INSERT INTO answer_download (request_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?)"
						+ " RETURNING id")
				.params(request.getId(), SecretTokens.hash(SecretTokens.generate()), Timestamp.from(expiresAt),
						Timestamp.from(now))
				.query(Long.class)
				.single();
			for (Map.Entry<String, StagedFile> file : built.entrySet()) {
				counter.store();
				store(downloadId, file.getKey(), file.getValue());
			}
			return downloadId;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			deleteQuietly(dir);
		}
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

	void portabilityJson(ApprovedAnswer answer, List<LocationData> data, List<AnswerPackages.ApprovedSection> sections,
			Instant now, OutputStream out) {
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
		List<Map<String, Object>> locations = new ArrayList<>();
		for (LocationData d : data) {
			Map<String, Object> location = new LinkedHashMap<>();
			location.put("location", d.location());
			location.put("data", d.data());
			location.put("sections",
					sections.stream()
						.filter((s) -> s.location().equals(d.location()))
						.map(AnswerDownloads::sectionJson)
						.toList());
			locations.add(location);
		}
		// Data of a location whose line the handler removed from the letter stays out.
		root.put("locations", locations);
		this.json.writerWithDefaultPrettyPrinter().writeValue(out, root);
	}

	/**
	 * The tabular data as CSV, one row per field: each location's line of the letter
	 * (portability), then each record's fields as approved.
	 */
	void recordsCsv(List<LocationData> data, List<AnswerPackages.ApprovedSection> sections, OutputStream out) {
		try {
			CsvDownload csv = CsvDownload.to(out);
			csv.row("location", "record", "field", "value");
			for (LocationData d : data) {
				csv.row(CsvDownload.safe(d.location()), "", "data", CsvDownload.safe(d.data()));
			}
			for (AnswerPackages.ApprovedSection section : sections) {
				if (section.kind() != Finding.Kind.RECORD || (!data.isEmpty()
						&& data.stream().noneMatch((d) -> d.location().equals(section.location())))) {
					continue;
				}
				for (Map.Entry<String, String> field : section.fields().entrySet()) {
					csv.row(CsvDownload.safe(section.location()), CsvDownload.safe(section.title()),
							CsvDownload.safe(field.getKey()), CsvDownload.safe(field.getValue()));
				}
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A file behind a link, audited as downloaded by the person.
	 * @param token the link's secret
	 * @param name the file's name, as the link's page lists it
	 * @return the file, or why there is none
	 */
	public Download open(String token, String name) {
		if (!SecretTokens.isWellFormed(token)) {
			return Download.unknown();
		}
		return open(link(token), name, DATA_SUBJECT);
	}

	/**
	 * A file of the request's newest answer link, for the person's status page (whose
	 * link the caller checked), audited as downloaded by the person from there. The same
	 * files, expiry and audit as through the mailed link.
	 * @param requestId the request
	 * @param name the file's name, as the status page lists it
	 * @return the file, or why there is none
	 */
	public Download openForRequest(long requestId, String name) {
		return open(newestLink(requestId), name, DATA_SUBJECT_STATUS_PAGE);
	}

	private Download open(Optional<Link> link, String name, Actor person) {
		if (name == null || !FILE_NAME.matcher(name).matches() || link.isEmpty()) {
			return Download.unknown();
		}
		Link found = link.get();
		if (found.deleted() || !this.clock.instant().isBefore(found.expiresAt())) {
			return Download.gone();
		}
		Optional<Download> file = file(found.id(), name);
		if (file.isEmpty()) {
			return Download.unknown();
		}
		String reference = this.requests.summary(found.requestId()).map(RequestSummary::reference).orElseThrow();
		this.audit.recordAboutRequest(found.requestId(), person, "ANSWER_DOWNLOADED", "REQUEST", found.requestId(),
				reference + ": " + name);
		return file.get();
	}

	/**
	 * The files of a link, names and sizes, for a build's page.
	 * @param downloadId the link
	 * @return its files, in the order built
	 */
	@Transactional(readOnly = true)
	List<Listing.Entry> files(long downloadId) {
		return this.jdbc.sql("SELECT name, content_type, size_bytes FROM answer_file WHERE download_id = ? ORDER BY id")
			.param(downloadId)
			.query((rs, i) -> new Listing.Entry(rs.getString(1), rs.getString(2), rs.getLong(3),
					CONTENT_TYPES.containsKey(rs.getString(1))))
			.list();
	}

	/**
	 * A stored file of a link, its content read chunk by chunk as it is sent (files
	 * stored before chunks were used hold their content in one column).
	 */
	Optional<Download> file(long downloadId, String name) {
		return this.jdbc
			.sql("SELECT id, content_type, size_bytes, content IS NULL FROM answer_file"
					+ " WHERE download_id = ? AND name = ?")
			.params(downloadId, name)
			.query((rs, i) -> {
				long fileId = rs.getLong(1);
				boolean chunked = rs.getBoolean(4);
				return new Download(Download.Status.OK, name, rs.getString(2), rs.getLong(3), chunked
						? () -> new ChunkedContent(this.jdbc, fileId)
						: () -> new ByteArrayInputStream(this.jdbc.sql("SELECT content FROM answer_file WHERE id = ?")
							.param(fileId)
							.query(byte[].class)
							.single()));
			})
			.optional();
	}

	/**
	 * The files behind a link, for its page (names and sizes, no content).
	 * @param token the link's secret
	 * @return the files and until when the link works, or why there are none
	 */
	@Transactional(readOnly = true)
	public Listing list(String token) {
		if (!SecretTokens.isWellFormed(token)) {
			return new Listing(Download.Status.UNKNOWN, List.of(), null);
		}
		return listing(link(token));
	}

	/**
	 * The files of the request's newest answer link, for the status page: listed while
	 * the link works, and after expiry only its last day.
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<Offer> offered(long requestId) {
		Optional<Link> link = newestLink(requestId);
		if (link.isEmpty()) {
			return Optional.empty();
		}
		Listing listing = listing(link);
		LocalDate lastDay = LocalDate.ofInstant(link.get().expiresAt(), this.controller.timeZone());
		return Optional.of(new Offer(
				listing.files().stream().map((f) -> new AnswerFiles.File(f.name(), f.size(), f.own())).toList(),
				lastDay, listing.status() == Download.Status.OK));
	}

	private Listing listing(Optional<Link> link) {
		if (link.isEmpty()) {
			return new Listing(Download.Status.UNKNOWN, List.of(), null);
		}
		Link found = link.get();
		if (found.deleted() || !this.clock.instant().isBefore(found.expiresAt())) {
			return new Listing(Download.Status.GONE, List.of(), null);
		}
		return new Listing(Download.Status.OK, files(found.id()),
				LocalDate.ofInstant(found.expiresAt(), this.controller.timeZone()));
	}

	/**
	 * A file of the newest link of a request whose files are not deleted.
	 * @param requestId the request
	 * @param name the file's name
	 * @return its bytes, if stored
	 */
	@Transactional(readOnly = true)
	Optional<byte[]> storedFile(long requestId, String name) {
		// Only a link that was sent: a build not (yet) sent has no answer_build row
		// marked
		// SENT, and a link from before builds has none at all.
		return this.jdbc.sql("""
				SELECT d.id FROM answer_download d JOIN answer_file f ON f.download_id = d.id
				WHERE d.request_id = ? AND d.deleted_at IS NULL AND f.name = ?
				AND NOT EXISTS (SELECT 1 FROM answer_build b WHERE b.download_id = d.id AND b.status <> 'SENT')
				ORDER BY d.id DESC""")
			.params(requestId, name)
			.query(Long.class)
			.list()
			.stream()
			.findFirst()
			.flatMap((downloadId) -> file(downloadId, name))
			.map(Download::content);
	}

	/**
	 * The request's newest link that was sent: a package prepared in the background but
	 * not (yet) sent has a link too, which the person must not see.
	 */
	private Optional<Link> newestLink(long requestId) {
		return this.jdbc
			.sql("SELECT d.id, d.request_id, d.expires_at, d.deleted_at FROM answer_download d WHERE d.request_id = ?"
					+ " AND NOT EXISTS (SELECT 1 FROM answer_build b WHERE b.download_id = d.id AND b.status <> 'SENT')"
					+ " ORDER BY d.id DESC FETCH FIRST 1 ROWS ONLY")
			.param(requestId)
			.query((rs, i) -> new Link(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) != null))
			.optional();
	}

	private Optional<Link> link(String token) {
		return this.jdbc
			.sql("SELECT d.id, d.request_id, d.expires_at, d.deleted_at FROM answer_download d WHERE d.token_hash = ?")
			.param(SecretTokens.hash(token))
			.query((rs, i) -> new Link(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) != null))
			.optional();
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
			// A build's row keeps the letter as typed: it goes with the files.
			this.jdbc.sql("DELETE FROM answer_build WHERE download_id = ?").param(row[0]).update();
			this.jdbc.sql("DELETE FROM answer_file WHERE download_id = ?").param(row[0]).update();
			this.jdbc.sql("UPDATE answer_download SET deleted_at = ? WHERE id = ?").params(now, row[0]).update();
			this.audit.recordAboutRequest(row[1], Actor.SYSTEM, "ANSWER_FILES_DELETED", "REQUEST", row[1],
					"download " + row[0] + ": link expired");
		}
		return expired.size();
	}

	/**
	 * Stores a file from disk in chunks of {@link ChunkedContent#CHUNK} bytes, so that no
	 * more than one chunk is in memory.
	 */
	private void store(long downloadId, String name, StagedFile file) throws IOException {
		long fileId = this.jdbc
			.sql("INSERT INTO answer_file (download_id, name, content_type, size_bytes) VALUES (?, ?, ?, ?)"
					+ " RETURNING id")
			.params(downloadId, name, file.contentType(), Files.size(file.path()))
			.query(Long.class)
			.single();
		try (InputStream in = Files.newInputStream(file.path())) {
			byte[] chunk = new byte[ChunkedContent.CHUNK];
			int seq = 0;
			int read;
			while ((read = in.readNBytes(chunk, 0, chunk.length)) > 0) {
				this.jdbc.sql("INSERT INTO answer_file_chunk (file_id, seq, data) VALUES (?, ?, ?)")
					.params(fileId, seq++, (read == chunk.length) ? chunk : Arrays.copyOf(chunk, read))
					.update();
			}
		}
	}

	private StagedFile stage(Path dir, String name, FileWriter writer) throws IOException {
		return stage(dir, name, writer, CONTENT_TYPES.get(name));
	}

	private StagedFile stage(Path dir, String name, FileWriter writer, String contentType) throws IOException {
		Path file = dir.resolve(name);
		writer.write(file);
		return new StagedFile(contentType, file);
	}

	private static void write(Path file, StreamWriter writer) throws IOException {
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
			writer.write(out);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary directory left behind is removed with the machine's temp files.
		}
	}

	/**
	 * The package as a PDF, as {@link #attach} would write it now: for the preview, and
	 * for a letter sent by post.
	 */
	byte[] packagePdf(DsrRequest request, Locale locale, String text) {
		ApprovedAnswer answer = approvedAnswer(request, locale, Redaction.apply(text.strip().replace("\r\n", "\n"),
				Locale.forLanguageTag("sv".equals(locale.getLanguage()) ? "sv" : "en")));
		List<AnswerPackages.ApprovedSection> sections = AnswerPackages.carriesData(request.getType())
				? this.packages.approved(request.getId(), answer.locale()) : List.of();
		return pdf(answer, sections);
	}

	private ApprovedAnswer approvedAnswer(DsrRequest request, Locale locale, String approvedText) {
		return new ApprovedAnswer(Locale.forLanguageTag("sv".equals(locale.getLanguage()) ? "sv" : "en"),
				request.getReference(), request.getType().name(), request.getReceiptDate().toString(),
				request.getSubject().getName(), request.getSubject().getEmail(), approvedText.strip());
	}

	/**
	 * An original file's name behind the link: the finding's id and its name, made safe.
	 */
	static String originalName(AnswerPackages.ApprovedSection section) {
		String safe = section.fileName().replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._-]+", "");
		if (safe.length() > 120) {
			safe = safe.substring(safe.length() - 120);
		}
		// An attached file's id is the attachment's: "a" keeps it apart from a finding's.
		return (section.attachment() ? "a" : "") + section.findingId() + "-" + (safe.isEmpty() ? "file" : safe);
	}

	private static Map<String, Object> sectionJson(AnswerPackages.ApprovedSection section) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("location", section.location());
		json.put("title", section.title());
		json.put("source", section.source());
		json.put("kind", section.kind().name());
		if (section.kind() == Finding.Kind.RECORD) {
			json.put("fields", section.fields());
		}
		else {
			json.put("file", originalName(section));
			json.put("contentType", section.contentType());
			if (section.text() != null) {
				json.put("text", section.text());
			}
		}
		return json;
	}

	byte[] pdf(ApprovedAnswer extract, List<AnswerPackages.ApprovedSection> sections) {
		return this.pdfs.render("letters/access-extract", extract.locale(), pdfVariables(extract, sections));
	}

	private void pdf(ApprovedAnswer extract, List<AnswerPackages.ApprovedSection> sections, Path file) {
		this.pdfs.render("letters/access-extract", extract.locale(), pdfVariables(extract, sections), file);
	}

	private Map<String, Object> pdfVariables(ApprovedAnswer extract, List<AnswerPackages.ApprovedSection> sections) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("extract", extract);
		variables.put("sections", sections);
		variables.put("originalName",
				sections.stream()
					.filter((s) -> s.kind() == Finding.Kind.FILE)
					.collect(java.util.stream.Collectors.toMap((s) -> (s.attachment() ? "a" : "") + s.findingId(),
							AnswerDownloads::originalName)));
		variables.put("paragraphs", extract.paragraphs().stream().map((p) -> List.of(p.split("\\R"))).toList());
		variables.put("controller", this.controller);
		// A long date like the rest of the letters ("den 3 mars 2026", "3 March 2026").
		variables.put("generated", DisplayFormats
			.longDate(LocalDate.ofInstant(this.clock.instant(), this.controller.timeZone()), extract.locale()));
		return variables;
	}

	void json(ApprovedAnswer extract, List<AnswerPackages.ApprovedSection> sections, Instant now, OutputStream out) {
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
		root.put("sections", sections.stream().map(AnswerDownloads::sectionJson).toList());
		this.json.writerWithDefaultPrettyPrinter().writeValue(out, root);
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

	/**
	 * The package is too large to build while a page waits and no build of it is ready:
	 * the handler prepares it first (the answer page's "Prepare the package").
	 */
	static class PackageNotPreparedException extends se.dsrdesk.system.RefusedException {

		PackageNotPreparedException() {
			super(org.springframework.http.HttpStatus.CONFLICT, "package-not-prepared", "package.build.required");
		}

	}

	private record Link(long id, long requestId, Instant expiresAt, boolean deleted) {
	}

	/**
	 * A file of the package, written to disk while it is built.
	 *
	 * @param contentType its media type
	 * @param path where it is
	 */
	record StagedFile(String contentType, Path path) {
	}

	/** Writes one file of the package. */
	@FunctionalInterface
	private interface FileWriter {

		void write(Path file) throws IOException;

	}

	/** Writes one file's content to its stream. */
	@FunctionalInterface
	private interface StreamWriter {

		void write(OutputStream out) throws IOException;

	}

	/**
	 * What a link's page lists.
	 *
	 * @param status whether the link works
	 * @param files its files, in the order built
	 * @param expires the last day it works
	 */
	public record Listing(Download.Status status, List<Entry> files, LocalDate expires) {

		/**
		 * A file on the page.
		 *
		 * @param name its name
		 * @param contentType its type
		 * @param size its size in bytes
		 * @param own whether it is one of the package's own files (the extract, the data,
		 * the ZIP) rather than an original
		 */
		public record Entry(String name, String contentType, long size, boolean own) {
		}

	}

	/**
	 * A download's answer.
	 *
	 * @param status whether there is a file
	 * @param name the file's name
	 * @param contentType its type
	 * @param size its size in bytes
	 * @param stream opens its content
	 */
	public record Download(Status status, String name, String contentType, long size, Supplier<InputStream> stream) {

		/**
		 * A file held in memory.
		 * @param status whether there is a file
		 * @param name its name
		 * @param contentType its type
		 * @param content its bytes
		 */
		public Download(Status status, String name, String contentType, byte[] content) {
			this(status, name, contentType, (content != null) ? content.length : 0,
					(content != null) ? () -> new ByteArrayInputStream(content) : null);
		}

		/**
		 * The whole file in memory, for what needs it whole (a letter's enclosure,
		 * tests).
		 * @return its bytes
		 */
		public byte[] content() {
			try (InputStream in = this.stream.get()) {
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

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
