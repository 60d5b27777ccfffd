package se.dsrdesk.system.web;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work, with ShedLock so that a job runs on one application instance at a time
 * (jobs take the lock through {@link LockingTaskExecutor}, also when called directly).
 * Lock times come from the database's clock, so instances with skewed clocks still agree.
 * Locks are kept alive while their job runs (see {@link #lockProvider}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration implements DisposableBean {

	/**
	 * Extends the locks of running jobs. Not a bean: an {@code Executor} bean would take
	 * the place of Boot's task executor.
	 */
	private final ScheduledExecutorService lockKeepAlive = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "lock-keep-alive");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Locks in the database, kept alive while their job runs: a running job's lock is
	 * extended every half of its {@code lockAtMostFor}, so that setting can be short (a
	 * few minutes) however long a run takes, and the lock of an instance that crashed
	 * mid-run frees itself within that time.
	 */
	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build()), this.lockKeepAlive);
	}

	@Override
	public void destroy() {
		this.lockKeepAlive.shutdownNow();
	}

	@Bean
	LockingTaskExecutor lockingTaskExecutor(LockProvider lockProvider) {
		return new DefaultLockingTaskExecutor(lockProvider);
	}

}
