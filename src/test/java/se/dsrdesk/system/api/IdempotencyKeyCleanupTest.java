package se.dsrdesk.system.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily cleanup deletes stored answers older than a day and keeps the others. */
@IntegrationTest
class IdempotencyKeyCleanupTest {

	@Autowired
	IdempotencyKeyCleanup cleanup;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void tearDown() {
		this.clock.reset();
	}

	@Test
	void deletesWhatIsOlderThanADay() {
		Instant now = Instant.parse("2026-03-04T09:00:00Z");
		this.clock.set(now);
		String owner = "cleanup-" + UUID.randomUUID();
		insert(owner, "old", now.minusSeconds(25 * 3600));
		insert(owner, "young", now.minusSeconds(23 * 3600));

		assertThat(this.cleanup.run()).isGreaterThanOrEqualTo(1);

		assertThat(this.jdbc.queryForList("select idem_key from idempotency_key where owner_name = ?", String.class,
				owner))
			.containsExactly("young");
	}

	private void insert(String owner, String key, Instant at) {
		this.jdbc.update("insert into idempotency_key (owner_name, idem_key, fingerprint, status, body, created_at)"
				+ " values (?, ?, 'f', 201, '{}', ?)", owner, key, Timestamp.from(at));
	}

}
