package se.dsrdesk.system.web;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Reports the SMTP server's health. Mail goes through the outbox, which keeps notices
 * queued while the server is away, so an unreachable server degrades the application
 * rather than taking it down: the mail component says {@code DEGRADED} and the overall
 * status stays {@code UP}.
 */
@Configuration(proxyBeanMethods = false)
class MailHealthConfiguration {

	/** The status of a component that works with reduced service. */
	static final Status DEGRADED = new Status("DEGRADED", "The SMTP server cannot be reached; mail stays queued");

	@Bean
	HealthIndicator mailHealthContributor(JavaMailSenderImpl mailSender) {
		return new AbstractHealthIndicator() {

			@Override
			protected void doHealthCheck(Health.Builder builder) {
				builder.withDetail("location", mailSender.getHost() + ":" + mailSender.getPort());
				try {
					mailSender.testConnection();
					builder.up();
				}
				catch (Exception ex) {
					builder.status(DEGRADED).withDetail("error", ex.getClass().getSimpleName());
				}
			}

		};
	}

}
