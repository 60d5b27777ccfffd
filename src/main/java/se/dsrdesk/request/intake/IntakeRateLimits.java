package se.dsrdesk.request.intake;

import java.time.Duration;

import org.springframework.stereotype.Component;

import se.dsrdesk.system.EmailAddresses;
import se.dsrdesk.system.RateLimiter;

/**
 * The public form's rate limits, per client address and hour: submissions
 * ({@code dsr.intake.submits-per-hour}) and requests for a new link
 * ({@code dsr.intake.new-links-per-hour}), and the mails they cause per recipient and day
 * ({@code dsr.intake.mails-per-address-per-day}), and the messages sent from status
 * pages, counted by the application's {@link RateLimiter} (on PostgreSQL in the database,
 * shared by every instance).
 */
@Component
class IntakeRateLimits {

	private final RateLimiter.Limit submits;

	private final RateLimiter.Limit newLinks;

	private final RateLimiter.Limit recipients;

	private final RateLimiter.Limit messages;

	private final RateLimiter.Limit messagesPerRequest;

	IntakeRateLimits(RateLimiter limiter, IntakeProperties properties) {
		this.submits = limiter.hourly("intake-submit", properties.submitsPerHour(), properties.rateLimitClients());
		this.newLinks = limiter.hourly("intake-new-link", properties.newLinksPerHour(), properties.rateLimitClients());
		this.recipients = limiter.limit("intake-mail-recipient", properties.mailsPerAddressPerDay(), Duration.ofDays(1),
				properties.rateLimitClients());
		this.messages = limiter.hourly("intake-message", properties.messagesPerHour(), properties.rateLimitClients());
		this.messagesPerRequest = limiter.limit("intake-message-request", properties.messagesPerRequestPerDay(),
				Duration.ofDays(1), properties.rateLimitClients());
	}

	/**
	 * Whether a message from a status page would be refused, without counting one: per
	 * client address ({@code dsr.intake.messages-per-hour}) and per request
	 * ({@code dsr.intake.messages-per-request-per-day}, so that many addresses cannot
	 * flood one case). A refused message does not count.
	 * @param client the client address
	 * @param requestId the request written about
	 * @return 0 when one is allowed, else the seconds until one is
	 */
	long messageBlocked(String client, long requestId) {
		return Math.max(this.messages.secondsBlocked(client),
				this.messagesPerRequest.secondsBlocked(Long.toString(requestId)));
	}

	/**
	 * Counts an accepted message from a status page.
	 * @param client the client address
	 * @param requestId the request written about
	 */
	void message(String client, long requestId) {
		this.messages.record(client);
		this.messagesPerRequest.record(Long.toString(requestId));
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
