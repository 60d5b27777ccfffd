package se.dsrdesk.request.intake;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Rate limits on the public form, per client address: a token bucket (Bucket4j) per
 * address and action, refilled evenly over an hour. The buckets live in memory, in a
 * Caffeine cache bounded by {@code dsr.intake.rate-limit-clients}, so a flood of
 * addresses cannot grow memory without bound; a bucket unused for two hours is full again
 * anyway and is dropped. This suits one application instance; several instances behind a
 * load balancer each count on their own (Bucket4j's JDBC or Redis back ends share the
 * count if that ever matters).
 */
@Component
class IntakeRateLimits {

	private final Cache<String, Bucket> submits;

	private final Cache<String, Bucket> newLinks;

	private final IntakeProperties properties;

	IntakeRateLimits(IntakeProperties properties) {
		this.properties = properties;
		this.submits = cache(properties.rateLimitClients());
		this.newLinks = cache(properties.rateLimitClients());
	}

	/**
	 * Counts a form submission.
	 * @param client the client address
	 * @return 0 when allowed, else the seconds until the next one is
	 */
	long submit(String client) {
		return consume(this.submits.get(client, (key) -> hourly(this.properties.submitsPerHour())));
	}

	/**
	 * Counts a request for a new link.
	 * @param client the client address
	 * @return 0 when allowed, else the seconds until the next one is
	 */
	long newLink(String client) {
		return consume(this.newLinks.get(client, (key) -> hourly(this.properties.newLinksPerHour())));
	}

	private static long consume(Bucket bucket) {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()));
	}

	private static Cache<String, Bucket> cache(int size) {
		return Caffeine.newBuilder().maximumSize(size).expireAfterAccess(Duration.ofHours(2)).build();
	}

	private static Bucket hourly(int perHour) {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
			.build();
	}

}
