package se.dsrdesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application against the real test PostgreSQL database, with the Flyway
 * migrations applied, the {@code test} profile and a mutable clock. Mail goes to port
 * 3025, where {@link MailServer} listens.
 * <p>
 * Tagged {@value #TAG}: such tests run in {@code ./mvnw verify} (Failsafe), not in the
 * fast lane {@code ./mvnw test}, which needs no database server, SMTP server or browser.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(IntegrationTest.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@Import({ CleanDatabaseOnce.class, TestClockConfiguration.class, ApiCallers.class })
public @interface IntegrationTest {

	/**
	 * The JUnit tag of tests that need PostgreSQL, an SMTP server or Chromium. Surefire
	 * leaves them out and Failsafe runs only them (see pom.xml).
	 */
	String TAG = "integration";

}
