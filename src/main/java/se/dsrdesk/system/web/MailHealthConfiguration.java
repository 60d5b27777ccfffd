package se.dsrdesk.system.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import se.dsrdesk.system.MailServerAnswered;

/**
 * Reports whether the SMTP server answers. Mail goes through the outbox, which keeps
 * notices queued while the server is away, so an unreachable server alone does not change
 * the overall status: the mail component says {@value #UNREACHABLE_CODE}, which ranks
 * below {@code UP}. The outbox's own component turns the overall status {@code DEGRADED}
 * once a legally required notice has failed or waited too long.
 * <p>
 * The probe connects with its own short timeouts ({@code dsr.mail.health.timeout}, 2
 * seconds by default, for connecting and for each reply), so that a server that accepts
 * connections and never answers cannot hold up a health call (the call waits no longer
 * than that, whatever the mail library does), and its result is kept for
 * {@code dsr.mail.health.cache-for} (30 seconds), so that frequent health calls do not
 * open a connection each. A probe that reaches the server says so
 * ({@link MailServerAnswered}), so that mail waiting out a back-off since an outage goes
 * now.
 */
@Configuration(proxyBeanMethods = false)
class MailHealthConfiguration {

	static final String UNREACHABLE_CODE = "UNREACHABLE";

	/** The mail component's status when the SMTP server does not answer. */
	static final Status UNREACHABLE = new Status(UNREACHABLE_CODE,
			"The SMTP server cannot be reached; mail stays queued");

	@Bean
	HealthIndicator mailHealthContributor(JavaMailSenderImpl mailSender,
			@Value("${dsr.mail.health.timeout:2s}") Duration timeout,
			@Value("${dsr.mail.health.cache-for:30s}") Duration cacheFor, Clock clock,
			ApplicationEventPublisher events) {
		return new CachedSmtpProbe(probe(mailSender, timeout), timeout, cacheFor, clock, events);
	}

	/** A sender with the application's SMTP settings but the probe's short timeouts. */
	static JavaMailSenderImpl probe(JavaMailSenderImpl mailSender, Duration timeout) {
		JavaMailSenderImpl probe = new JavaMailSenderImpl();
		probe.setHost(mailSender.getHost());
		probe.setPort(mailSender.getPort());
		probe.setProtocol(mailSender.getProtocol());
		probe.setUsername(mailSender.getUsername());
		probe.setPassword(mailSender.getPassword());
		Properties properties = new Properties();
		properties.putAll(mailSender.getJavaMailProperties());
		String millis = Long.toString(timeout.toMillis());
		for (String protocol : new String[] { "smtp", "smtps" }) {
			properties.setProperty("mail." + protocol + ".connectiontimeout", millis);
			properties.setProperty("mail." + protocol + ".timeout", millis);
			properties.setProperty("mail." + protocol + ".writetimeout", millis);
		}
		probe.setJavaMailProperties(properties);
		return probe;
	}

	/**
	 * Tests the connection at most once per {@code cacheFor}; concurrent calls share one
	 * test.
	 */
	static final class CachedSmtpProbe implements HealthIndicator {

		private static final ExecutorService PROBES = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "smtp-health-probe");
			thread.setDaemon(true);
			return thread;
		});

		private final JavaMailSenderImpl probe;

		private final Duration timeout;

		private final Duration cacheFor;

		private final Clock clock;

		private Health last;

		private Instant lastAt;

		private final ApplicationEventPublisher events;

		CachedSmtpProbe(JavaMailSenderImpl probe, Duration timeout, Duration cacheFor, Clock clock,
				ApplicationEventPublisher events) {
			this.probe = probe;
			this.timeout = timeout;
			this.cacheFor = cacheFor;
			this.clock = clock;
			this.events = events;
		}

		@Override
		public synchronized Health health() {
			Instant now = this.clock.instant();
			if (this.last == null || now.isBefore(this.lastAt) || !now.isBefore(this.lastAt.plus(this.cacheFor))) {
				this.last = check();
				this.lastAt = this.clock.instant();
				if (Status.UP.equals(this.last.getStatus())) {
					// Mail waiting out a back-off since an outage may go now.
					this.events.publishEvent(new MailServerAnswered());
				}
			}
			return this.last;
		}

		/**
		 * Tests the connection on a probe thread and waits at most the timeout for it,
		 * whatever the mail library does meanwhile (its own timeouts end the thread).
		 */
		private Health check() {
			Health.Builder builder = Health.up()
				.withDetail("location", this.probe.getHost() + ":" + this.probe.getPort());
			Future<?> test = PROBES.submit(() -> {
				this.probe.testConnection();
				return null;
			});
			try {
				test.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
				return builder.build();
			}
			catch (ExecutionException ex) {
				return builder.status(UNREACHABLE)
					.withDetail("error", ex.getCause().getClass().getSimpleName())
					.build();
			}
			catch (TimeoutException ex) {
				test.cancel(true);
				return builder.status(UNREACHABLE).withDetail("error", "TimeoutException").build();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return builder.status(UNREACHABLE).withDetail("error", "InterruptedException").build();
			}
		}

	}

}
