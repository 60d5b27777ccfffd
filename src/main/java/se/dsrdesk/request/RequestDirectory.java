package se.dsrdesk.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.RequestReferences;

/**
 * What other modules read about requests, by id or by reference, instead of joining the
 * request tables in their own SQL: they read their own rows first, then ask here for the
 * requests those rows point to, one query per page of rows (by primary key).
 */
@Component
public class RequestDirectory implements RequestReferences {

	/** Ids per query: well below any database's limit on bind values. */
	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	RequestDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The requests with these ids.
	 * @param ids the ids, duplicates and {@code null}s allowed
	 * @return the requests found, by id
	 */
	@Transactional(readOnly = true)
	public Map<Long, RequestSummary> summaries(Collection<Long> ids) {
		List<Long> distinct = ids.stream().filter((id) -> id != null).distinct().toList();
		Map<Long, RequestSummary> found = new HashMap<>();
		for (int from = 0; from < distinct.size(); from += CHUNK) {
			List<Long> chunk = new ArrayList<>(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
			this.jdbc.sql("""
					select id, reference, type, status, effective_deadline from dsr_request where id in (:ids)""")
				.param("ids", chunk)
				.query(RequestDirectory::summary)
				.list()
				.forEach((summary) -> found.put(summary.id(), summary));
		}
		return found;
	}

	/**
	 * The request with this id.
	 * @param id the id
	 * @return the request, empty when there is none
	 */
	@Transactional(readOnly = true)
	public Optional<RequestSummary> summary(long id) {
		return Optional.ofNullable(summaries(List.of(id)).get(id));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> referencesOf(Collection<Long> ids) {
		Map<Long, String> references = new HashMap<>();
		summaries(ids).forEach((id, summary) -> references.put(id, summary.reference()));
		return references;
	}

	/**
	 * The id of the request with this reference.
	 * @param reference the reference, exactly as stored
	 * @return its id, empty when there is none
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<Long> idOf(String reference) {
		return this.jdbc.sql("select id from dsr_request where reference = ?")
			.param(reference)
			.query(Long.class)
			.optional();
	}

	private static RequestSummary summary(ResultSet rs, int row) throws SQLException {
		return new RequestSummary(rs.getLong("id"), rs.getString("reference"),
				RequestType.valueOf(rs.getString("type")), RequestStatus.valueOf(rs.getString("status")),
				rs.getObject("effective_deadline", LocalDate.class));
	}

}
