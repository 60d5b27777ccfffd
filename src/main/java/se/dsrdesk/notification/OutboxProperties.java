package se.dsrdesk.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing mail: the sender, links back to the application, and how the dispatcher works
 * through the outbox.
 *
 * @param from the sender, such as {@code "DSR Desk <dsr@example.com>"}; by default the
 * controller's privacy email with the company name as the personal name
 * @param baseUrl the application's public address, for links in mail
 * @param dispatch the dispatcher's schedule ({@code dsr.mail.dispatch.*})
 * @param batchSize how many mails the dispatcher claims at a time (each is marked sent in
 * its own transaction right after the mail server accepts it)
 * @param initialBackoff the wait after the first failed attempt; it doubles with each
 * further failure
 * @param maxBackoff the longest wait between two attempts, the interval at which a long
 * outage is retried
 * @param secretsKey the key (32 bytes in Base64) that encrypts the link secrets of queued
 * mail; from the environment, none by default (see {@link LinkSecrets})
 */
@ConfigurationProperties("dsr.mail")
record OutboxProperties(String from, @DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue Dispatch dispatch, @DefaultValue("20") int batchSize, @DefaultValue("1m") Duration initialBackoff,
		@DefaultValue("15m") Duration maxBackoff, String secretsKey) {

	OutboxProperties {
		if (from != null && from.isBlank()) {
			from = null;
		}
		if (secretsKey != null && secretsKey.isBlank()) {
			secretsKey = null;
		}
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		if (batchSize < 1) {
			throw new IllegalArgumentException("dsr.mail.batch-size must be at least 1");
		}
		if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException(
					"dsr.mail.initial-backoff must be positive and dsr.mail.max-backoff at least as long");
		}
	}

	/**
	 * The dispatcher's schedule and patience.
	 *
	 * @param interval how often the dispatcher looks for queued mail (besides right after
	 * each commit that queues mail); read by the dispatcher's {@code @Scheduled} poll
	 * @param retryFor how long a mail that fails for a passing reason (server away,
	 * {@code 4xx} reply) is retried, counted from when it was queued; then it is
	 * {@code FAILED}
	 * @param overdueAfter a legally required notice still queued this long after it was
	 * queued makes health report {@code DEGRADED}
	 */
	record Dispatch(@DefaultValue("30s") Duration interval, @DefaultValue("7d") Duration retryFor,
			@DefaultValue("1h") Duration overdueAfter) {

		Dispatch {
			if (retryFor.isNegative() || overdueAfter.isNegative() || overdueAfter.isZero()) {
				throw new IllegalArgumentException(
						"dsr.mail.dispatch.retry-for must not be negative and dsr.mail.dispatch.overdue-after must be positive");
			}
		}

	}

	/**
	 * The wait before the next attempt after a number of failed ones: the initial
	 * backoff, doubled for each failure after the first, capped at the maximum.
	 * @param failedAttempts failed attempts so far, at least 1
	 * @return the wait
	 */
	Duration backoff(int failedAttempts) {
		Duration wait = this.initialBackoff;
		for (int i = 1; i < failedAttempts && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

}
