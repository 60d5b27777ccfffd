package se.dsrdesk.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.dsrdesk.system.ExclusiveJobs;

/**
 * Deletes, daily, the mail that belongs to no request (reminders and digests to staff,
 * welcome mail, policy notices) once it is older than {@code dsr.mail.keep-unlinked}
 * (default three years, as closed requests) and no longer on its way out. A request's own
 * mail goes with the request's retention instead.
 */
@Component
class UnlinkedMailCleanup {

	private static final Logger logger = LoggerFactory.getLogger(UnlinkedMailCleanup.class);

	static final String LOCK_NAME = "unlinked-mail-cleanup";

	private final JdbcTemplate jdbc;

	private final ExclusiveJobs jobs;

	private final Period keep;

	private final Clock clock;

	UnlinkedMailCleanup(JdbcTemplate jdbc, ExclusiveJobs jobs, @Value("${dsr.mail.keep-unlinked:P3Y}") Period keep,
			Clock clock) {
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.keep = keep;
		this.clock = clock;
	}

	@Scheduled(cron = "${dsr.mail.cleanup-cron:0 50 2 * * *}", zone = "${dsr.controller.time-zone:Europe/Stockholm}")
	void scheduled() {
		run();
	}

	/**
	 * Deletes the old mail now, unless another instance is doing it.
	 * @return how many mails were deleted, {@code -1} when it did not run
	 */
	int run() {
		ExclusiveJobs.Run<Integer> run = this.jobs.run(LOCK_NAME, Duration.ofMinutes(2), this::deleteOld);
		return (run.outcome() == ExclusiveJobs.Outcome.RAN) ? run.result() : -1;
	}

	private int deleteOld() {
		Instant before = this.clock.instant().atOffset(ZoneOffset.UTC).minus(this.keep).toInstant();
		int deleted = this.jdbc.update(
				"DELETE FROM correspondence WHERE request_id IS NULL AND created_at < ?" + " AND status <> ?",
				Timestamp.from(before), Correspondence.Status.QUEUED.name());
		if (deleted > 0) {
			logger.info("Correspondence: {} mails without a request older than {} deleted", deleted, this.keep);
		}
		return deleted;
	}

}
