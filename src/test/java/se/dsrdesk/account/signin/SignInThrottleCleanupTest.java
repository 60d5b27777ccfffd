package se.dsrdesk.account.signin;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hourly cleanup of the sign-in throttle keeps the rows that still count (recent
 * failures, running locks) and deletes the rest.
 */
@IntegrationTest
class SignInThrottleCleanupTest {

	static final Instant NOW = Instant.parse("2031-05-05T12:00:00Z");

	@Autowired
	SignInThrottleCleanup cleanup;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void rowsThatNoLongerCountAreDeletedAndTheOthersKept() {
		this.clock.set(NOW);
		String recent = row(NOW.minusSeconds(60), null);
		String stillWaiting = row(NOW.minus(Duration.ofHours(25)), NOW.plusSeconds(600));
		String stale = row(NOW.minus(Duration.ofHours(24)), null);
		String endedWait = row(NOW.minus(Duration.ofHours(30)), NOW.minusSeconds(60));
		String withinForgetAfter = row(NOW.minus(Duration.ofHours(23)), null);

		assertThat(this.cleanup.run()).isGreaterThanOrEqualTo(2);

		assertThat(exists(recent)).isTrue();
		assertThat(exists(stillWaiting)).isTrue();
		assertThat(exists(withinForgetAfter)).isTrue();
		assertThat(exists(stale)).isFalse();
		assertThat(exists(endedWait)).isFalse();
	}

	String row(Instant lastFailure, Instant lockedUntil) {
		String key = UUID.randomUUID().toString().replace("-", "");
		this.jdbc.update(
				"INSERT INTO sign_in_throttle (login_key, client_key, failures, last_failure_at, blocked_until)"
						+ " VALUES (?, 'client', 3, ?, ?)",
				key, Timestamp.from(lastFailure), (lockedUntil != null) ? Timestamp.from(lockedUntil) : null);
		return key;
	}

	boolean exists(String key) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM sign_in_throttle WHERE login_key = ?", Long.class,
				key) > 0;
	}

}
