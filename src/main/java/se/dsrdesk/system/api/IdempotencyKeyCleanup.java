package se.dsrdesk.system.api;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.dsrdesk.system.ExclusiveJobs;

/**
 * Deletes the stored answers of idempotency keys once they no longer count
 * ({@code dsr.api.idempotency.keep-for}), once a day on one instance.
 */
@Component
class IdempotencyKeyCleanup {

	static final String LOCK_NAME = "idempotency-key-cleanup";

	private static final Logger logger = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

	private final IdempotencyKeys keys;

	private final ExclusiveJobs jobs;

	private final ApiProperties properties;

	private final Clock clock;

	IdempotencyKeyCleanup(IdempotencyKeys keys, ExclusiveJobs jobs, ApiProperties properties, Clock clock) {
		this.keys = keys;
		this.jobs = jobs;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${dsr.api.idempotency.cron:0 25 3 * * *}", zone = "${dsr.controller.time-zone:Europe/Stockholm}")
	void scheduled() {
		run();
	}

	/**
	 * Deletes the expired keys now, unless another instance is doing it.
	 * @return how many were deleted, {@code -1} when it did not run
	 */
	int run() {
		ExclusiveJobs.Run<Integer> run = this.jobs.run(LOCK_NAME, Duration.ofMinutes(10), () -> {
			int deleted = this.keys
				.deleteOlderThan(this.clock.instant().minus(this.properties.idempotency().keepFor()));
			if (deleted > 0) {
				logger.info("Idempotency keys: {} older than {} deleted", deleted,
						this.properties.idempotency().keepFor());
			}
			return deleted;
		});
		return (run.outcome() == ExclusiveJobs.Outcome.RAN) ? run.result() : -1;
	}

}
