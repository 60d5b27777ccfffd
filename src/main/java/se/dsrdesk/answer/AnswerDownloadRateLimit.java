package se.dsrdesk.answer;

import org.springframework.stereotype.Component;

import se.dsrdesk.system.RateLimiter;

/**
 * A rate limit on the public download links, per client address
 * ({@code dsr.answer.downloads-per-hour} in the application's {@link RateLimiter}). The
 * secrets cannot be guessed; this keeps one client from hammering the database with
 * downloads or guesses.
 */
@Component
class AnswerDownloadRateLimit {

	private static final int CLIENTS = 10_000;

	private final RateLimiter.Limit downloads;

	AnswerDownloadRateLimit(RateLimiter limiter, AnswerProperties properties) {
		this.downloads = limiter.hourly("answer-download", properties.downloadsPerHour(), CLIENTS);
	}

	/**
	 * Counts a download.
	 * @param client the client address
	 * @return 0 when allowed, else the seconds until the next one is
	 */
	long consume(String client) {
		return this.downloads.tryConsume(client);
	}

}
