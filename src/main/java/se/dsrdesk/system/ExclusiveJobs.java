package se.dsrdesk.system;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one application instance at a time, under a ShedLock lock in
 * the database, also when the job is called directly. A failure never escapes into the
 * scheduler: it is logged, and the next run picks up the work.
 */
@Component
public class ExclusiveJobs {

	private static final Logger logger = LoggerFactory.getLogger(ExclusiveJobs.class);

	private final LockingTaskExecutor locks;

	private final Clock clock;

	ExclusiveJobs(LockingTaskExecutor locks, Clock clock) {
		this.locks = locks;
		this.clock = clock;
	}

	/**
	 * Runs the job unless another run of it holds the lock.
	 * @param <T> what the job reports
	 * @param name the lock's name
	 * @param lockAtMostFor how long the lock of a crashed run blocks others
	 * @param job the work
	 * @return how it went, with the job's report when it ran
	 */
	public <T> Run<T> run(String name, Duration lockAtMostFor, Supplier<T> job) {
		LockConfiguration lock = new LockConfiguration(this.clock.instant(), name, lockAtMostFor, Duration.ZERO);
		try {
			LockingTaskExecutor.TaskResult<T> result = this.locks.executeWithLock(job::get, lock);
			return result.wasExecuted() ? new Run<>(Outcome.RAN, result.getResult()) : new Run<>(Outcome.SKIPPED, null);
		}
		catch (Throwable ex) {
			logger.error("The job '{}' failed; it runs again at its next scheduled time", name, ex);
			return new Run<>(Outcome.FAILED, null);
		}
	}

	/** Whether a job ran. */
	public enum Outcome {

		/** It ran to the end. */
		RAN,

		/** Another run held the lock. */
		SKIPPED,

		/** It failed; the next run picks up what it did not do. */
		FAILED

	}

	/**
	 * One run of a job.
	 *
	 * @param <T> what the job reports
	 * @param outcome whether it ran
	 * @param result the job's report, {@code null} unless it ran
	 */
	public record Run<T>(Outcome outcome, T result) {

	}

}
