package se.dsrdesk.support;

import java.util.Map;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the test PostgreSQL database: the one in {@code TEST_DB_URL}
 * (with {@code TEST_DB_USERNAME} and {@code TEST_DB_PASSWORD}) when it is set, else a
 * Testcontainers PostgreSQL started once for the whole run. With neither, tests fail at
 * once and say what to do.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static PostgreSQLContainer container;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", connection()));
	}

	static synchronized Map<String, Object> connection() {
		String url = System.getenv("TEST_DB_URL");
		if (url != null && !url.isBlank()) {
			return Map.of("spring.datasource.url", url, "spring.datasource.username",
					envOrDefault("TEST_DB_USERNAME", "postgres"), "spring.datasource.password",
					envOrDefault("TEST_DB_PASSWORD", ""));
		}
		if (container == null) {
			if (!DockerClientFactory.instance().isDockerAvailable()) {
				throw new IllegalStateException("No test database: set TEST_DB_URL (for example "
						+ "TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/test TEST_DB_USERNAME=postgres), "
						+ "or start a Docker engine so that Testcontainers can run PostgreSQL. "
						+ "The test database is cleaned at the start of a run.");
			}
			container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
		}
		return Map.of("spring.datasource.url", container.getJdbcUrl(), "spring.datasource.username",
				container.getUsername(), "spring.datasource.password", container.getPassword());
	}

	private static String envOrDefault(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
