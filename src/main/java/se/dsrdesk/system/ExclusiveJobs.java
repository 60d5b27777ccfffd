package se.dsrdesk.system;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one application instance at a time, under a ShedLock lock in
 * the database, also when the job is called directly. The lock is extended while the job
 * runs, so {@code lockAtMostFor} only says how soon the lock of a crashed instance frees
 * itself (at least 30 seconds; a few minutes is plenty). A run skipped because another
 * holds the lock is logged and counted in the metric {@value #SKIPPED_METRIC} (tag
 * {@code job}). A failure never escapes into the scheduler: it is logged, and the next
 * run picks up the work.
 */
@Component
public class ExclusiveJobs {

	private static final Logger logger = LoggerFactory.getLogger(ExclusiveJobs.class);

	/** The counter of runs skipped because another run held the lock. */
	public static final String SKIPPED_METRIC = "dsr.jobs.skipped";

	private final LockingTaskExecutor locks;

	private final Clock clock;

	private final MeterRegistry meters;

	ExclusiveJobs(LockingTaskExecutor locks, Clock clock, ObjectProvider<MeterRegistry> meters) {
		this.locks = locks;
		this.clock = clock;
		this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
	}

	/**
	 * Runs the job unless another run of it holds the lock.
	 * @param <T> what the job reports
	 * @param name the lock's name
	 * @param lockAtMostFor how long the lock of a crashed run blocks others (at least 30
	 * seconds; the lock is extended while the job runs)
	 * @param job the work
	 * @return how it went, with the job's report when it ran
	 */
	public <T> Run<T> run(String name, Duration lockAtMostFor, Supplier<T> job) {
		LockConfiguration lock = new LockConfiguration(this.clock.instant(), name, lockAtMostFor, Duration.ZERO);
		try {
			LockingTaskExecutor.TaskResult<T> result = this.locks.executeWithLock(job::get, lock);
			if (result.wasExecuted()) {
				return new Run<>(Outcome.RAN, result.getResult());
			}
			logger.info("The job '{}' was skipped: another run holds its lock (for at most {})", name, lockAtMostFor);
			this.meters.counter(SKIPPED_METRIC, "job", name).increment();
			return new Run<>(Outcome.SKIPPED, null);
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
