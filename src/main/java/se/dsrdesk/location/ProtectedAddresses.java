package se.dsrdesk.location;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.request.OpenRequestAddresses;

/**
 * The addresses a routine purge of a location must leave alone: those of people with an
 * open request, and those of people whose request left a hold standing anywhere (a
 * retention hold not yet erased, a restriction of processing not yet lifted: Art. 17(3),
 * Art. 18(1)).
 */
@Service
public class ProtectedAddresses {

	private final OpenRequestAddresses openRequests;

	private final JdbcClient jdbc;

	ProtectedAddresses(OpenRequestAddresses openRequests, JdbcClient jdbc) {
		this.openRequests = openRequests;
		this.jdbc = jdbc;
	}

	/**
	 * The protected addresses.
	 * @return the addresses, lower-cased
	 */
	@Transactional(readOnly = true)
	public Set<String> all() {
		Set<String> addresses = new HashSet<>(this.openRequests.all());
		List<Long> held = this.jdbc.sql("""
				SELECT request_id FROM retention_hold WHERE erased_at IS NULL
				UNION SELECT request_id FROM restriction_hold WHERE lifted_at IS NULL""").query(Long.class).list();
		addresses.addAll(this.openRequests.ofRequests(held));
		return addresses;
	}

}
