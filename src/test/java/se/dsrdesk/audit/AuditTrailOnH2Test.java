package se.dsrdesk.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer's SQL on the zero-setup H2 database: V35 applies there, the keyset cursor (a
 * row-value comparison on a descending order), the list of actions (a recursive query),
 * the reference filter and the streamed export all work.
 */
@SpringBootTest
class AuditTrailOnH2Test {

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("dsrdesk-h2-audit-");
		registry.add("dsr.data-dir", dir::toString);
	}

	@Autowired
	AuditQuery query;

	@Autowired
	AuditLog audit;

	@Autowired
	RequestService requests;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void pagesFiltersAndExportsOnH2() {
		for (int i = 0; i < 60; i++) {
			this.audit.record(Actor.SYSTEM, "H2_TEST", "TEST", String.valueOf(i), null);
		}
		AuditFilter filter = new AuditFilter();
		filter.setAction("H2_TEST");
		ZoneId zone = ZoneId.of("Europe/Stockholm");
		AuditQuery.AuditPage first = this.query.page(filter, zone);
		assertThat(first.rows()).hasSize(AuditQuery.PAGE_SIZE);
		filter.setAfter(first.next().orElseThrow().toString());
		AuditQuery.AuditPage second = this.query.page(filter, zone);
		assertThat(second.rows()).hasSize(10);
		assertThat(second.hasMore()).isFalse();
		List<Long> seen = new ArrayList<>();
		first.rows().forEach((row) -> seen.add(row.id()));
		second.rows().forEach((row) -> seen.add(row.id()));
		assertThat(seen).containsExactlyElementsOf(this.jdbc.queryForList(
				"select id from audit_event where action = 'H2_TEST' order by occurred_at desc, id desc", Long.class));
		assertThat(this.query.actions()).contains("H2_TEST", "ACCOUNT_CREATED");

		DsrRequest request = this.requests.register(new NewRequest("Östen Ådahl", "osten@example.com", null, "sv",
				RequestType.ACCESS, Channel.LETTER, null, Instant.now().minusSeconds(60)), Actor.SYSTEM);
		long admin = this.jdbc.queryForObject("select min(id) from staff_user", Long.class);
		// Only an active case handler may be given a request.
		this.jdbc.update(
				"insert into staff_user_role (staff_user_id, role) select ?, 'CASE_HANDLER' where not exists"
						+ " (select 1 from staff_user_role where staff_user_id = ? and role = 'CASE_HANDLER')",
				admin, admin);
		this.requests.assign(request.getId(), null, admin, Actor.SYSTEM);
		AuditFilter byReference = new AuditFilter();
		byReference.setReference(request.getReference());
		List<String> exported = new ArrayList<>();
		this.query.export(byReference, zone, (row) -> exported.add(row.action() + " " + row.changes()));
		assertThat(exported).hasSize(2);
		assertThat(exported.get(0)).startsWith("REQUEST_ASSIGNED [Change[field=assignee, before=null, after=")
			.endsWith(" (#" + admin + ")]]");
		assertThat(exported.get(1)).isEqualTo("REQUEST_RECEIVED []");
	}

}
