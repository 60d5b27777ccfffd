package se.dsrdesk.location;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.TestRequests;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a routine purge must leave alone, against PostgreSQL: the addresses of people with
 * an open request, or whose request left a retention hold not yet erased (Art. 17(3)) or
 * a restriction not yet lifted (Art. 18(1)), whatever became of the request; not those of
 * a closed request whose holds are over.
 */
@IntegrationTest
class ProtectedAddressesTest {

	@Autowired
	ProtectedAddresses guard;

	@Autowired
	RequestService requests;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	@AfterEach
	void empty() {
		this.jdbc.execute("truncate table dsr_request, data_subject cascade");
	}

	@Test
	void openRequestsAndStandingHoldsAreProtectedOthersAreNot() {
		long location = location();
		register("open@exempel.se");
		long retained = closed("Retained@Exempel.se");
		hold("retention_hold", retained, location, false);
		long restricted = closed("restricted@exempel.se");
		hold("restriction_hold", restricted, location, false);
		long erased = closed("erased@exempel.se");
		hold("retention_hold", erased, location, true);
		long lifted = closed("lifted@exempel.se");
		hold("restriction_hold", lifted, location, true);
		closed("closed@exempel.se");

		assertThat(this.guard.all()).contains("open@exempel.se", "retained@exempel.se", "restricted@exempel.se")
			.doesNotContain("erased@exempel.se", "lifted@exempel.se", "closed@exempel.se");
	}

	private long register(String email) {
		return this.requests
			.register(new NewRequest("Purge Person", email, null, "sv", RequestType.ERASURE, Channel.EMAIL, "Test",
					Instant.now()), Actor.SYSTEM)
			.getId();
	}

	private long closed(String email) {
		long id = register(email);
		TestRequests.reject(this.requests, id, "Test", Actor.SYSTEM);
		return id;
	}

	private long location() {
		this.jdbc.update("""
				insert into data_location (name_sv, name_en, kind, legal_basis, retention_sv, retention_en,
				    review_interval_months, next_review_due, active, created_at, updated_at)
				values ('Nyhetsbrev', 'Newsletter', 'NEWSLETTER_PLATFORM', 'CONSENT', 'Ett år', 'One year', 12, ?, true,
				    current_timestamp, current_timestamp)""", LocalDate.now().plusYears(1));
		return this.jdbc.queryForObject("select max(id) from data_location where name_en = 'Newsletter'", Long.class);
	}

	private void hold(String table, long requestId, long locationId, boolean over) {
		this.jdbc
			.update("""
					insert into location_task (request_id, location_id, request_type, status, outcome, legal_ground,
					    retained_until, done_at, created_at)
					values (?, ?, 'ERASURE', 'DONE', 'RETAINED', 'BOOKKEEPING_ACT', ?, current_timestamp, current_timestamp)""",
					requestId, locationId, LocalDate.now().plusYears(5));
		long task = this.jdbc.queryForObject("select id from location_task where request_id = ? and location_id = ?",
				Long.class, requestId, locationId);
		Timestamp end = over ? Timestamp.from(Instant.now()) : null;
		if (table.equals("retention_hold")) {
			this.jdbc.update(
					"""
							insert into retention_hold (task_id, location_id, request_id, legal_ground, retained_until, erased_at,
							    created_at)
							values (?, ?, ?, 'BOOKKEEPING_ACT', ?, ?, current_timestamp)""",
					task, locationId, requestId, LocalDate.now().plusYears(5), end);
		}
		else {
			this.jdbc.update("""
					insert into restriction_hold (task_id, location_id, request_id, lift_condition, notice_posted_on,
					    lifted_at, created_at)
					values (?, ?, ?, 'Until the dispute is settled', ?, ?, current_timestamp)""", task, locationId,
					requestId, over ? LocalDate.now() : null, end);
		}
	}

}
