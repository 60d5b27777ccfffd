package se.dsrdesk.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The audit trail is append-only, and the database itself sees to it: even SQL that
 * bypasses the application cannot change or remove an entry.
 */
@IntegrationTest
class AuditTrailAppendOnlyTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	String targetId;

	long id;

	@BeforeEach
	void recordAnEntry() {
		this.targetId = UUID.randomUUID().toString();
		// Later than anything already in the shared trail, so that it comes first.
		Timestamp newest = this.jdbc.queryForObject("select max(occurred_at) from audit_event", Timestamp.class);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		if (newest != null && !newest.toInstant().isBefore(now)) {
			now = newest.toInstant().plusSeconds(1);
		}
		this.clock.set(now);
		this.auditLog.record(new Actor(null, "append-only test"), "TEST_ENTRY", "TEST", this.targetId,
				"original details");
		this.id = this.jdbc.queryForObject("select id from audit_event where target_type = 'TEST' and target_id = ?",
				Long.class, this.targetId);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Nested
	class TheDatabaseRefuses {

		@Test
		void anUpdate() {
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> AuditTrailAppendOnlyTest.this.jdbc.update(
						"update audit_event set details = 'tampered' where id = ?", AuditTrailAppendOnlyTest.this.id))
				.withMessageContaining("append-only");
			assertThat(details()).isEqualTo("original details");
		}

		@Test
		void aDelete() {
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> AuditTrailAppendOnlyTest.this.jdbc.update("delete from audit_event where id = ?",
						AuditTrailAppendOnlyTest.this.id))
				.withMessageContaining("append-only");
			assertThat(details()).isEqualTo("original details");
		}

		@Test
		void aTruncate() {
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> AuditTrailAppendOnlyTest.this.jdbc.execute("truncate audit_event"))
				.withMessageContaining("append-only");
			assertThat(details()).isEqualTo("original details");
		}

		String details() {
			return AuditTrailAppendOnlyTest.this.jdbc.queryForObject("select details from audit_event where id = ?",
					String.class, AuditTrailAppendOnlyTest.this.id);
		}

	}

	@Nested
	class TheLog {

		@Test
		void readsBackWhatItRecordedNewestFirst() {
			AuditEvent newest = AuditTrailAppendOnlyTest.this.auditLog.latest(PageRequest.of(0, 1)).getContent().get(0);
			assertThat(newest.getId()).isEqualTo(AuditTrailAppendOnlyTest.this.id);
			assertThat(newest.getOccurredAt()).isEqualTo(AuditTrailAppendOnlyTest.this.clock.instant());
			assertThat(newest.getActorId()).isNull();
			assertThat(newest.getActorLabel()).isEqualTo("append-only test");
			assertThat(newest.getAction()).isEqualTo("TEST_ENTRY");
			assertThat(newest.getTargetType()).isEqualTo("TEST");
			assertThat(newest.getTargetId()).isEqualTo(AuditTrailAppendOnlyTest.this.targetId);
			assertThat(newest.getDetails()).isEqualTo("original details");
		}

		@Test
		void findsTheEntriesAboutOneThing() {
			assertThat(AuditTrailAppendOnlyTest.this.auditLog
				.about("TEST", AuditTrailAppendOnlyTest.this.targetId, PageRequest.of(0, 10))
				.getContent()).extracting(AuditEvent::getId).containsExactly(AuditTrailAppendOnlyTest.this.id);
		}

		@Test
		void cutsOverlongDetailsToWhatTheColumnHolds() {
			String target = UUID.randomUUID().toString();
			AuditTrailAppendOnlyTest.this.auditLog.record(Actor.SYSTEM, "TEST_ENTRY", "TEST", target, "x".repeat(2500));
			assertThat(AuditTrailAppendOnlyTest.this.auditLog.about("TEST", target, PageRequest.of(0, 1))
				.getContent()
				.get(0)
				.getDetails()).hasSize(2000);
		}

	}

}
