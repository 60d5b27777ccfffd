package se.dsrdesk.request;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
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

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	RequestDirectory(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * The requests with these ids.
	 * @param ids the ids, duplicates and {@code null}s allowed
	 * @return the requests found, by id
	 */
	@Transactional(readOnly = true)
	public Map<Long, RequestSummary> summaries(Collection<Long> ids) {
		Long[] distinct = ids.stream().filter((id) -> id != null).distinct().toArray(Long[]::new);
		Map<Long, RequestSummary> found = new HashMap<>();
		if (distinct.length == 0) {
			return found;
		}
		// One array value rather than a list of placeholders: one statement text, and a
		// plan, however many ids.
		this.template
			.query("select id, reference, type, status, effective_deadline from dsr_request where id = any (?)",
					(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("BIGINT", distinct)),
					RequestDirectory::summary)
			.forEach((summary) -> found.put(summary.id(), summary));
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

	/**
	 * The requests still in hand ({@link RequestStatus#IN_HAND}) that are among some ids,
	 * or are not yet started and of some types: what a data location's review reminder
	 * lists (the requests with a task there, and those whose tasks are still to come).
	 * @param ids requests to look among, such as those with a task at the location
	 * @param newOfTypes the types whose new requests count too
	 * @param limit how many to list
	 * @return the count and the first, by deadline and id
	 */
	@Transactional(readOnly = true)
	public Found inHandAmongOrNew(Collection<Long> ids, Collection<RequestType> newOfTypes, int limit) {
		List<String> inHand = RequestStatus.names(RequestStatus.IN_HAND);
		// No type: a value no request has, so that the list stays valid SQL.
		List<String> types = newOfTypes.isEmpty() ? List.of("")
				: newOfTypes.stream().map(Enum::name).distinct().toList();
		String where = " from dsr_request r where r.status in (" + placeholders(inHand.size())
				+ ") and (r.id = any (?) or (r.status = ? and r.type in (" + placeholders(types.size()) + ")))";
		Long[] among = ids.stream().filter((id) -> id != null).distinct().toArray(Long[]::new);
		Long count = this.template.query("select count(*)" + where, (ps) -> bind(ps, inHand, among, types),
				(ResultSet rs) -> rs.next() ? rs.getLong(1) : 0L);
		List<RequestSummary> first = this.template.query(
				"select r.id, r.reference, r.type, r.status, r.effective_deadline" + where
						+ " order by r.effective_deadline, r.id limit ?",
				(ps) -> ps.setInt(bind(ps, inHand, among, types), limit), RequestDirectory::summary);
		return new Found((count != null) ? count : 0, first);
	}

	/** Binds the values of {@link #inHandAmongOrNew}; returns the next index. */
	private static int bind(PreparedStatement ps, List<String> inHand, Long[] among, List<String> types)
			throws SQLException {
		int i = 1;
		for (String status : inHand) {
			ps.setString(i++, status);
		}
		ps.setArray(i++, ps.getConnection().createArrayOf("BIGINT", among));
		ps.setString(i++, RequestStatus.NEW.name());
		for (String type : types) {
			ps.setString(i++, type);
		}
		return i;
	}

	private static String placeholders(int n) {
		return String.join(", ", Collections.nCopies(n, "?"));
	}

	private static RequestSummary summary(ResultSet rs, int row) throws SQLException {
		return new RequestSummary(rs.getLong("id"), rs.getString("reference"),
				RequestType.valueOf(rs.getString("type")), RequestStatus.valueOf(rs.getString("status")),
				rs.getObject("effective_deadline", LocalDate.class));
	}

	/**
	 * A count and the first requests counted.
	 *
	 * @param count how many there are
	 * @param first the first of them
	 */
	public record Found(long count, List<RequestSummary> first) {

		public Found {
			first = List.copyOf(first);
		}

	}

}
