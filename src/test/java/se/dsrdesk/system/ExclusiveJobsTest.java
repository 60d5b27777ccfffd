package se.dsrdesk.system;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduler locks against real PostgreSQL: the lock of an instance that crashed mid-run
 * frees itself within its at-most time, a skipped run is counted, and a running job keeps
 * its lock alive however long it takes.
 */
@IntegrationTest
class ExclusiveJobsTest {

	@Autowired
	ExclusiveJobs jobs;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void aLockLeftByACrashedInstanceIsTakenOverWithinItsAtMostTime() throws Exception {
		String name = "test-crashed-" + UUID.randomUUID();
		Duration atMost = Duration.ofMinutes(2);
		// Another instance took the lock for at most two minutes, 1 min 57 s ago, and
		// died.
		this.jdbc.update("insert into shedlock (name, lock_until, locked_at, locked_by)"
				+ " values (?, current_timestamp + interval '3 seconds', current_timestamp - interval '117 seconds',"
				+ " 'crashed-instance')", name);
		Instant crashedLockAt = lockedAt(name);
		AtomicInteger runs = new AtomicInteger();

		ExclusiveJobs.Run<Integer> first = this.jobs.run(name, atMost, runs::incrementAndGet);

		assertThat(first.outcome()).isEqualTo(ExclusiveJobs.Outcome.SKIPPED);
		assertThat(runs).hasValue(0);
		assertThat(this.meters.counter(ExclusiveJobs.SKIPPED_METRIC, "job", name).count()).isEqualTo(1.0);

		ExclusiveJobs.Run<Integer> later = first;
		long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (later.outcome() == ExclusiveJobs.Outcome.SKIPPED && System.nanoTime() < end) {
			Thread.sleep(250);
			later = this.jobs.run(name, atMost, runs::incrementAndGet);
		}
		assertThat(later.outcome()).isEqualTo(ExclusiveJobs.Outcome.RAN);
		assertThat(runs).hasValue(1);
		assertThat(this.jdbc.queryForObject("select locked_by from shedlock where name = ?", String.class, name))
			.isNotEqualTo("crashed-instance");
		// Taken over no later than the crashed lock's at-most time (plus the polling
		// step).
		assertThat(lockedAt(name)).isBefore(crashedLockAt.plus(atMost).plusSeconds(2));
	}

	@Test
	void aRunningJobKeepsItsLockAliveBeyondItsAtMostTime() {
		String name = "test-long-" + UUID.randomUUID();
		// 30 seconds is the shortest at-most time ShedLock's keep-alive accepts; it
		// extends
		// the lock every 15 seconds.
		Duration atMost = Duration.ofSeconds(30);
		ExclusiveJobs.Run<Instant> run = this.jobs.run(name, atMost, () -> {
			sleep(Duration.ofSeconds(17));
			return lockUntil(name);
		});
		assertThat(run.outcome()).isEqualTo(ExclusiveJobs.Outcome.RAN);
		Instant lockedAt = lockedAt(name);
		assertThat(run.result()).isAfter(lockedAt.plus(atMost).plusSeconds(10));
	}

	Instant lockedAt(String name) {
		return this.jdbc.queryForObject("select locked_at from shedlock where name = ?", Timestamp.class, name)
			.toInstant();
	}

	Instant lockUntil(String name) {
		return this.jdbc.queryForObject("select lock_until from shedlock where name = ?", Timestamp.class, name)
			.toInstant();
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
