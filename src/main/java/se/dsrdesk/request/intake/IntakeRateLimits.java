package se.dsrdesk.request.intake;

import java.time.Duration;

import org.springframework.stereotype.Component;

import se.dsrdesk.system.EmailAddresses;
import se.dsrdesk.system.RateLimiter;

/**
 * The public form's rate limits, per client address and hour: submissions
 * ({@code dsr.intake.submits-per-hour}) and requests for a new link
 * ({@code dsr.intake.new-links-per-hour}), and the mails they cause per recipient and day
 * ({@code dsr.intake.mails-per-address-per-day}), counted by the application's
 * {@link RateLimiter}.
 */
@Component
class IntakeRateLimits {

	private final RateLimiter.Limit submits;

	private final RateLimiter.Limit newLinks;

	private final RateLimiter.Limit recipients;

	IntakeRateLimits(RateLimiter limiter, IntakeProperties properties) {
		this.submits = limiter.hourly("intake-submit", properties.submitsPerHour(), properties.rateLimitClients());
		this.newLinks = limiter.hourly("intake-new-link", properties.newLinksPerHour(), properties.rateLimitClients());
		this.recipients = limiter.limit("intake-mail-recipient", properties.mailsPerAddressPerDay(), Duration.ofDays(1),
				properties.rateLimitClients());
	}

	/**
	 * Counts a mail the public form or the new-link page is about to cause to an address,
	 * whoever asks for it: a limit per recipient, so that the form cannot be used to
	 * flood someone's inbox from many client addresses. Counted under a digest of the
	 * address, never the address itself.
	 * @param email the address the mail would go to
	 * @return 0 when allowed, else the seconds until the next one is
	 */
	long mailTo(String email) {
		return this.recipients.tryConsume(EmailAddresses.digest(email));
	}

	/**
	 * Whether the client has used up its submissions, without counting one: a refused
	 * submission (one that does not validate, or one refused for its recipient) does not
	 * count, only an accepted one does.
	 * @param client the client address
	 * @return 0 when it has some left, else the seconds until it has again
	 */
	long submitBlocked(String client) {
		return this.submits.secondsBlocked(client);
	}

	/**
	 * Counts an accepted form submission.
	 * @param client the client address
	 * @return 0 when allowed, else the seconds until the next one is
	 */
	long submit(String client) {
		return this.submits.tryConsume(client);
	}

	/**
	 * Counts a request for a new link.
	 * @param client the client address
	 * @return 0 when allowed, else the seconds until the next one is
	 */
	long newLink(String client) {
		return this.newLinks.tryConsume(client);
	}

}
