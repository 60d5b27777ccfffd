package se.dsrdesk.request.intake;

import org.springframework.stereotype.Component;

import se.dsrdesk.system.RateLimiter;

/**
 * The public form's rate limits, per client address and hour: submissions
 * ({@code dsr.intake.submits-per-hour}) and requests for a new link
 * ({@code dsr.intake.new-links-per-hour}), counted by the application's
 * {@link RateLimiter}.
 */
@Component
class IntakeRateLimits {

	private final RateLimiter.Limit submits;

	private final RateLimiter.Limit newLinks;

	IntakeRateLimits(RateLimiter limiter, IntakeProperties properties) {
		this.submits = limiter.hourly("intake-submit", properties.submitsPerHour(), properties.rateLimitClients());
		this.newLinks = limiter.hourly("intake-new-link", properties.newLinksPerHour(), properties.rateLimitClients());
	}

	/**
	 * Counts a form submission.
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
