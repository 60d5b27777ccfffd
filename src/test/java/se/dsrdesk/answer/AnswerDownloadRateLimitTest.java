package se.dsrdesk.answer;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import se.dsrdesk.system.RateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The download links' rate limit counts per client address.
 */
class AnswerDownloadRateLimitTest {

	@Test
	void aClientIsStoppedAfterItsHourlyAllowanceAndOthersAreNot() {
		AnswerDownloadRateLimit limit = new AnswerDownloadRateLimit(new RateLimiter(), new AnswerProperties(
				Duration.ofDays(30), new AnswerProperties.Cleanup("0 20 * * * *", Duration.ofMinutes(10)), 3));
		assertThat(limit.consume("192.0.2.1")).isZero();
		assertThat(limit.consume("192.0.2.1")).isZero();
		assertThat(limit.consume("192.0.2.1")).isZero();
		assertThat(limit.consume("192.0.2.1")).isPositive();
		assertThat(limit.consume("192.0.2.2")).isZero();
	}

}
