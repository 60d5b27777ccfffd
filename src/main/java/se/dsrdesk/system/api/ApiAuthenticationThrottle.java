package se.dsrdesk.system.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Counts failed API authentications per client address in a token bucket (Bucket4j),
 * refilled evenly over an hour; an address whose bucket is empty is refused before any
 * credential is checked. Guessing tokens is hopeless anyway (256 bits); this stops a
 * client from hammering HTTP Basic, whose passwords are also protected per login name by
 * the sign-in lock-out. The buckets live in a bounded Caffeine cache, per instance, as
 * the public form's limits do.
 */
@Component
class ApiAuthenticationThrottle {

	private final Cache<String, Bucket> buckets;

	private final int perHour;

	ApiAuthenticationThrottle(ApiProperties properties) {
		this.perHour = properties.authFailuresPerHour();
		this.buckets = Caffeine.newBuilder()
			.maximumSize(properties.rateLimitClients())
			.expireAfterAccess(Duration.ofHours(2))
			.build();
	}

	/**
	 * Whether an address has used up its failures.
	 * @param client the client address
	 * @return 0 when it may try, else the seconds until it may again
	 */
	long secondsBlocked(String client) {
		Bucket bucket = this.buckets.getIfPresent(client);
		if (bucket == null || bucket.getAvailableTokens() > 0) {
			return 0;
		}
		return Math.max(1,
				TimeUnit.NANOSECONDS.toSeconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
	}

	/**
	 * Counts a failed authentication.
	 * @param client the client address
	 */
	void failed(String client) {
		this.buckets.get(client, (key) -> hourly()).tryConsume(1);
	}

	private Bucket hourly() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.perHour).refillGreedy(this.perHour, Duration.ofHours(1)))
			.build();
	}

}
