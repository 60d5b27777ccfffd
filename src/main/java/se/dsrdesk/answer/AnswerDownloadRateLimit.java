package se.dsrdesk.answer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * A rate limit on the public download links, per client address: a token bucket
 * (Bucket4j) refilled evenly over an hour, in a bounded Caffeine cache (as the intake's
 * limits). The secrets cannot be guessed; this keeps one client from hammering the
 * database with downloads or guesses.
 */
@Component
class AnswerDownloadRateLimit {

	private static final int CLIENTS = 10_000;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(CLIENTS)
		.expireAfterAccess(Duration.ofHours(2))
		.build();

	private final int perHour;

	AnswerDownloadRateLimit(AnswerProperties properties) {
		this.perHour = properties.downloadsPerHour();
	}

	/**
	 * Counts a download.
	 * @param client the client address
	 * @return 0 when allowed, else the seconds until the next one is
	 */
	long consume(String client) {
		Bucket bucket = this.buckets.get(client,
				(key) -> Bucket.builder()
					.addLimit((limit) -> limit.capacity(this.perHour).refillGreedy(this.perHour, Duration.ofHours(1)))
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()));
	}

}
