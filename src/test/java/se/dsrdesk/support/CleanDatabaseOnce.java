package se.dsrdesk.support;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The shared test database keeps data between runs: the first application context of a
 * run cleans it before Flyway migrates; later contexts of the same run only migrate, so
 * they can share the database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CleanDatabaseOnce {

	private static final AtomicBoolean cleaned = new AtomicBoolean();

	@Bean
	FlywayMigrationStrategy cleanOnceThenMigrate() {
		return (flyway) -> {
			if (cleaned.compareAndSet(false, true)) {
				flyway.clean();
			}
			flyway.migrate();
		};
	}

}
