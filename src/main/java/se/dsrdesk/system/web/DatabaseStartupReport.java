package se.dsrdesk.system.web;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at startup which database is in use and, on the embedded default, how to switch to
 * PostgreSQL.
 */
@Component
class DatabaseStartupReport {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseStartupReport.class);

	private final DataSource dataSource;

	DatabaseStartupReport(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			String url = withoutQuery(meta.getURL());
			logger.info("Database in use: {} {} at {}", meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
					url);
			if (url.startsWith("jdbc:h2:")) {
				logger.info("This is the embedded H2 database for trying DSR Desk out. For production use PostgreSQL: "
						+ "set SPRING_DATASOURCE_URL=jdbc:postgresql://HOST:5432/DB with SPRING_DATASOURCE_USERNAME "
						+ "and SPRING_DATASOURCE_PASSWORD, or run with SPRING_PROFILES_ACTIVE=postgres (see README.md).");
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not read the database's metadata: {}", ex.getMessage());
		}
	}

	static String withoutQuery(String url) {
		int semicolon = url.indexOf(';');
		int question = url.indexOf('?');
		int end = url.length();
		if (semicolon >= 0) {
			end = semicolon;
		}
		if (question >= 0 && question < end) {
			end = question;
		}
		return url.substring(0, end);
	}

}
