package se.dsrdesk.account.signin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.dsrdesk.system.ExclusiveJobs;

/**
 * Deletes the sign-in throttle rows that no longer count, hourly, on one instance at a
 * time: those whose last failure is older than {@code dsr.security.sign-in.forget-after}
 * and whose wait has ended. Such a row would be reset by the next failure anyway, so
 * deleting it changes no wait; it only stops the table from keeping every mistyped name's
 * digest for ever.
 */
@Component
class SignInThrottleCleanup {

	private static final Logger logger = LoggerFactory.getLogger(SignInThrottleCleanup.class);

	static final String LOCK_NAME = "sign-in-throttle-cleanup";

	private final JdbcTemplate jdbc;

	private final ExclusiveJobs jobs;

	private final SignInProperties properties;

	private final Clock clock;

	SignInThrottleCleanup(JdbcTemplate jdbc, ExclusiveJobs jobs, SignInProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${dsr.security.sign-in.cleanup-cron:0 5 * * * *}",
			zone = "${dsr.controller.time-zone:Europe/Stockholm}")
	void scheduled() {
		run();
	}

	/**
	 * Deletes the stale rows now, unless another instance is doing it.
	 * @return how many rows were deleted, {@code -1} when it did not run
	 */
	int run() {
		ExclusiveJobs.Run<Integer> run = this.jobs.run(LOCK_NAME, Duration.ofMinutes(2), this::deleteStale);
		return (run.outcome() == ExclusiveJobs.Outcome.RAN) ? run.result() : -1;
	}

	private int deleteStale() {
		Instant now = this.clock.instant();
		int deleted = this.jdbc.update(
				"DELETE FROM sign_in_throttle WHERE last_failure_at <= ? AND (blocked_until IS NULL OR blocked_until <= ?)",
				Timestamp.from(now.minus(this.properties.forgetAfter())), Timestamp.from(now));
		if (deleted > 0) {
			logger.info("Sign-in throttle: {} stale rows deleted", deleted);
		}
		return deleted;
	}

}
