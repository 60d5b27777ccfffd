package se.dsrdesk.request.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public request form: how long links last, when the person is reminded and when an
 * unconfirmed request expires, the rate limits, and where the privacy policy text is.
 *
 * @param confirmationLinkValidity how long a confirmation link works
 * @param reminderAfter when one reminder to confirm goes out, counted from submission
 * @param expireAfter when an unconfirmed request expires and its personal details are
 * erased, counted from submission
 * @param submitsPerHour form submissions allowed per client address per hour
 * @param newLinksPerHour requests for a new link allowed per client address per hour
 * @param rateLimitClients how many client addresses the in-memory rate limiter remembers
 * (the least recently seen are forgotten first)
 * @param sweep the sweep that reminds and expires ({@code dsr.intake.sweep.*})
 * @param privacyPolicyLocation where the privacy policy text is: a Spring resource
 * location prefix to which {@code policy_sv.txt} or {@code policy_en.txt} is appended
 * @param mailsPerAddressPerDay mails the public form and the new-link page may cause to
 * one email address per day, whoever asks: the form is refused (429) beyond it, and the
 * new-link page sends nothing more
 * @param messagesPerHour messages (with or without a file) the status pages accept per
 * client address per hour
 * @param messagesPerRequestPerDay messages one request's status page accepts per day,
 * from whatever client address
 */
@ConfigurationProperties("dsr.intake")
record IntakeProperties(@DefaultValue("7d") Duration confirmationLinkValidity,
		@DefaultValue("48h") Duration reminderAfter, @DefaultValue("14d") Duration expireAfter,
		@DefaultValue("10") int submitsPerHour, @DefaultValue("5") int newLinksPerHour,
		@DefaultValue("100000") int rateLimitClients, @DefaultValue Sweep sweep,
		@DefaultValue("classpath:privacy/") String privacyPolicyLocation, @DefaultValue("3") int mailsPerAddressPerDay,
		@DefaultValue("10") int messagesPerHour, @DefaultValue("20") int messagesPerRequestPerDay) {

	IntakeProperties {
		if (!positive(reminderAfter) || expireAfter.compareTo(reminderAfter) <= 0
				|| !positive(confirmationLinkValidity)) {
			throw new IllegalArgumentException("dsr.intake: the link validity and the reminder delay must be positive, "
					+ "and expire-after must be longer than reminder-after");
		}
		if (submitsPerHour < 1 || newLinksPerHour < 1 || rateLimitClients < 1 || sweep.batchSize() < 1
				|| messagesPerHour < 1 || messagesPerRequestPerDay < 1) {
			throw new IllegalArgumentException("dsr.intake: limits and batch sizes must be at least 1");
		}
	}

	/**
	 * The scheduled sweep of unconfirmed requests.
	 *
	 * @param cron when reminders and expiry run (Spring cron, in the controller's time
	 * zone); {@code -} turns the schedule off
	 * @param batchSize requests handled per sweep transaction
	 * @param lockAtMostFor how long a crashed sweep's lock blocks other instances
	 */
	record Sweep(@DefaultValue("0 */15 * * * *") String cron, @DefaultValue("500") int batchSize,
			@DefaultValue("2m") Duration lockAtMostFor) {
	}

	private static boolean positive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
