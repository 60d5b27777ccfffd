package se.dsrdesk.location.connector;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.NotFoundException;

/**
 * The findings of tasks: what connectors (and case handlers) stored as the data itself.
 * The answer package reads a request's included findings; the review includes or leaves
 * out each one and marks files it cannot mask as checked. Every change is audited,
 * without the content.
 */
@Service
@Transactional
public class TaskFindings {

	private static final String TARGET = "TASK_FINDING";

	private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, task_id, request_id, kind, title, source, fields, file_name, "
			+ "content_type, size_bytes, included, checked, created_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditLog audit;

	private final Clock clock;

	TaskFindings(JdbcClient jdbc, JsonMapper json, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Stores what was found for a task.
	 * @param taskId the task
	 * @param found what was found
	 * @param actor who (or which connector, on whose behalf) found it
	 * @return the stored findings, in order
	 */
	public List<Finding> add(long taskId, List<NewFinding> found, Actor actor) {
		long requestId = this.jdbc.sql("SELECT request_id FROM location_task WHERE id = :id")
			.param("id", taskId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Task"));
		Timestamp now = Timestamp.from(this.clock.instant());
		for (NewFinding finding : found) {
			this.jdbc.sql("""
					INSERT INTO task_finding (task_id, request_id, kind, title, source, fields, file_name,
					    content_type, size_bytes, content, created_at)
					VALUES (:task, :request, :kind, :title, :source, :fields, :fileName, :contentType, :size,
					    :content, :now)""")
				.param("task", taskId)
				.param("request", requestId)
				.param("kind", finding.kind().name())
				.param("title", cut(finding.title(), 500))
				.param("source", cut(finding.source(), 500))
				.param("fields", (finding.fields() != null) ? this.json.writeValueAsString(finding.fields()) : null)
				.param("fileName", (finding.fileName() != null) ? cut(finding.fileName(), 255) : null)
				.param("contentType", finding.contentType())
				.param("size", (finding.content() != null) ? finding.content().length : 0)
				.param("content", finding.content())
				.param("now", now)
				.update();
		}
		if (!found.isEmpty()) {
			this.audit.recordAboutRequest(requestId, actor, "TASK_FINDINGS_ADDED", "LOCATION_TASK", taskId,
					"count=" + found.size());
		}
		return ofTask(taskId);
	}

	/**
	 * A task's findings.
	 * @param taskId the task
	 * @return its findings not deleted, in the order they were stored
	 */
	@Transactional(readOnly = true)
	public List<Finding> ofTask(long taskId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM task_finding WHERE task_id = :id AND deleted_at IS NULL ORDER BY id")
			.param("id", taskId)
			.query(this::finding)
			.list();
	}

	/**
	 * A request's findings, over all its tasks.
	 * @param requestId the request
	 * @return its findings not deleted, by task and then in the order they were stored
	 */
	@Transactional(readOnly = true)
	public List<Finding> ofRequest(long requestId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM task_finding WHERE request_id = :id AND deleted_at IS NULL ORDER BY task_id, id")
			.param("id", requestId)
			.query(this::finding)
			.list();
	}

	/**
	 * One finding.
	 * @param id the finding
	 * @return it, if it exists and is not deleted
	 */
	@Transactional(readOnly = true)
	public Optional<Finding> get(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM task_finding WHERE id = :id AND deleted_at IS NULL")
			.param("id", id)
			.query(this::finding)
			.optional();
	}

	/**
	 * A file's bytes.
	 * @param id the finding
	 * @return its content, empty for a record or a deleted finding
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> content(long id) {
		return this.jdbc
			.sql("SELECT content FROM task_finding WHERE id = :id AND deleted_at IS NULL AND content IS NOT NULL")
			.param("id", id)
			.query(byte[].class)
			.optional();
	}

	/**
	 * Includes a finding in the answer package, or leaves it out.
	 * @param id the finding
	 * @param included whether it goes into the package
	 * @param actor who decided
	 */
	public void include(long id, boolean included, Actor actor) {
		Finding finding = get(id).orElseThrow(() -> new NotFoundException("Finding"));
		this.jdbc.sql("UPDATE task_finding SET included = :included WHERE id = :id")
			.param("included", included)
			.param("id", id)
			.update();
		this.audit.recordAboutRequest(finding.requestId(), actor,
				included ? "TASK_FINDING_INCLUDED" : "TASK_FINDING_LEFT_OUT", TARGET, id, null);
	}

	/**
	 * Records that a case handler checked a file the tool cannot mask and found no one
	 * else's data in it.
	 * @param id the finding
	 * @param actor who checked it
	 */
	public void markChecked(long id, Actor actor) {
		Finding finding = get(id).orElseThrow(() -> new NotFoundException("Finding"));
		this.jdbc.sql("UPDATE task_finding SET checked = TRUE WHERE id = :id").param("id", id).update();
		this.audit.recordAboutRequest(finding.requestId(), actor, "TASK_FINDING_CHECKED", TARGET, id, null);
	}

	/**
	 * Deletes a request's findings (their content and fields; the row stays as a record
	 * that something was found).
	 * @param requestId the request
	 * @return how many were deleted
	 */
	public int deleteOfRequest(long requestId) {
		return deleteOfRequests(List.of(requestId));
	}

	/**
	 * Deletes the findings of several requests at once (their content and fields; the
	 * rows stay as a record that something was found), as the purge of closed requests
	 * does.
	 * @param requestIds the requests
	 * @return how many were deleted
	 */
	public int deleteOfRequests(List<Long> requestIds) {
		if (requestIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				UPDATE task_finding SET content = NULL, fields = NULL, title = '-', deleted_at = :now
				WHERE request_id IN (:ids) AND deleted_at IS NULL""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("ids", requestIds)
			.update();
	}

	private Finding finding(ResultSet row, int number) throws SQLException {
		String fields = row.getString("fields");
		Map<String, String> values = (fields != null) ? this.json.readValue(fields, FIELDS) : Map.of();
		return new Finding(row.getLong("id"), row.getLong("task_id"), row.getLong("request_id"),
				Finding.Kind.valueOf(row.getString("kind")), row.getString("title"), row.getString("source"),
				java.util.Collections.unmodifiableMap(values), row.getString("file_name"),
				row.getString("content_type"), row.getLong("size_bytes"), row.getBoolean("included"),
				row.getBoolean("checked"), row.getTimestamp("created_at").toInstant());
	}

	private static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max);
	}

}
