package se.dsrdesk.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail without a request is deleted once older than three years and no longer on its way
 * out; a request's own mail is left to the request's retention.
 */
@IntegrationTest
class UnlinkedMailCleanupTest {

	static final Instant NOW = Instant.parse("2041-06-01T12:00:00Z");

	@Autowired
	UnlinkedMailCleanup cleanup;

	@Autowired
	RequestService requests;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void oldMailWithoutARequestIsDeletedAndTheRestKept() {
		this.clock.set(NOW);
		Instant fourYearsAgo = Instant.parse("2037-05-01T12:00:00Z");
		long oldSent = mail(null, "SENT", fourYearsAgo);
		long oldFailed = mail(null, "FAILED", fourYearsAgo);
		long oldQueued = mail(null, "QUEUED", fourYearsAgo);
		long recent = mail(null, "SENT", Instant.parse("2039-01-01T12:00:00Z"));
		long request = this.requests
			.register(new NewRequest("Mail Person", "m@example.com", null, "en", RequestType.ACCESS, Channel.LETTER,
					null, fourYearsAgo), Actor.SYSTEM)
			.getId();
		this.requests.withdraw(request, null, Actor.SYSTEM);
		long ofARequest = mail(request, "SENT", fourYearsAgo);

		assertThat(this.cleanup.run()).isGreaterThanOrEqualTo(2);

		assertThat(exists(oldSent)).isFalse();
		assertThat(exists(oldFailed)).isFalse();
		assertThat(exists(oldQueued)).isTrue();
		assertThat(exists(recent)).isTrue();
		assertThat(exists(ofARequest)).isTrue();
	}

	long mail(Long requestId, String status, Instant createdAt) {
		Timestamp at = Timestamp.from(createdAt);
		this.jdbc.update("INSERT INTO correspondence (message_id, recipient, recipient_kind, language, template,"
				+ " subject, body_text, body_html, request_id, status, attempts, next_attempt_at, created_at, sent_at)"
				+ " VALUES (?, 'staff@example.com', 'STAFF', 'en', 'overdue-digest', 'Digest', 'text', '<p>text</p>',"
				+ " ?, ?, 1, ?, ?, ?)", "<" + UUID.randomUUID() + "@test>", requestId, status, at, at,
				"SENT".equals(status) ? at : null);
		return this.jdbc.queryForObject("SELECT MAX(id) FROM correspondence", Long.class);
	}

	boolean exists(long id) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM correspondence WHERE id = ?", Long.class, id) > 0;
	}

}
