package se.dsrdesk.request;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people DSR Desk can reach by mail: one per normalised address that is not erased
 * and was confirmed (a request from it that is not {@link RequestStatus#UNVERIFIED} or
 * {@link RequestStatus#EXPIRED}: confirmed by the person or registered by staff), in the
 * language of their latest record. An address someone typed on the public form without
 * confirming it gets no mail. Read in batches by id, so that a million people never sit
 * in memory.
 */
@Service
public class ReachablePeople {

	/**
	 * Latest record per address: no newer record with the same address that is not
	 * erased.
	 */
	private static final String BATCH = """
			SELECT s.id, s.email, s.email_key, s.preferred_language FROM data_subject s
			WHERE s.id > ? AND s.email_key IS NOT NULL AND s.erased_at IS NULL
			  AND NOT EXISTS (SELECT 1 FROM data_subject n
			                  WHERE n.email_key = s.email_key AND n.erased_at IS NULL AND n.id > s.id)
			  AND EXISTS (SELECT 1 FROM data_subject c JOIN dsr_request r ON r.data_subject_id = c.id
			              WHERE c.email_key = s.email_key AND r.status NOT IN (?, ?))
			ORDER BY s.id
			FETCH FIRST ? ROWS ONLY""";

	private final JdbcClient jdbc;

	ReachablePeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next batch of reachable people.
	 * @param afterId the last id of the previous batch, {@code 0} at the start
	 * @param limit how many at most
	 * @return the people, by id
	 */
	@Transactional(readOnly = true)
	public List<Person> after(long afterId, int limit) {
		return this.jdbc.sql(BATCH)
			.params(afterId, RequestStatus.UNVERIFIED.name(), RequestStatus.EXPIRED.name(), limit)
			.query((rs, row) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3),
					Locale.forLanguageTag(rs.getString(4))))
			.list();
	}

	/**
	 * A person with an address.
	 *
	 * @param id the data subject's id
	 * @param email the address as given
	 * @param emailKey the normalised address
	 * @param language the person's language
	 */
	public record Person(long id, String email, String emailKey, Locale language) {

	}

}
