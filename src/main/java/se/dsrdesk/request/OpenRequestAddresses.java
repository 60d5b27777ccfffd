package se.dsrdesk.request;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The email addresses of the people whose requests are open ({@link RequestStatus#OPEN}):
 * what a purge of old data must leave alone while their request is worked on (the yearly
 * mailbox review).
 */
@Service
public class OpenRequestAddresses {

	private final JdbcClient jdbc;

	OpenRequestAddresses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The addresses, lower-cased.
	 * @return every address of a person with an open request
	 */
	@Transactional(readOnly = true)
	public Set<String> all() {
		Set<String> addresses = new HashSet<>();
		this.jdbc.sql("""
				SELECT DISTINCT s.email FROM data_subject s JOIN dsr_request r ON r.data_subject_id = s.id
				WHERE r.status IN (:open) AND s.email IS NOT NULL""")
			.param("open", RequestStatus.names(RequestStatus.OPEN))
			.query(String.class)
			.list()
			.forEach((email) -> addresses.add(email.strip().toLowerCase(Locale.ROOT)));
		return addresses;
	}

	/**
	 * The addresses of the people of the given requests, whatever their status (a hold
	 * outlives its request's closing).
	 * @param requestIds the requests
	 * @return their people's addresses, lower-cased
	 */
	@Transactional(readOnly = true)
	public Set<String> ofRequests(Collection<Long> requestIds) {
		Set<String> addresses = new HashSet<>();
		if (requestIds.isEmpty()) {
			return addresses;
		}
		this.jdbc.sql("""
				SELECT DISTINCT s.email FROM data_subject s JOIN dsr_request r ON r.data_subject_id = s.id
				WHERE r.id IN (:ids) AND s.email IS NOT NULL""")
			.param("ids", requestIds)
			.query(String.class)
			.list()
			.forEach((email) -> addresses.add(email.strip().toLowerCase(Locale.ROOT)));
		return addresses;
	}

}
