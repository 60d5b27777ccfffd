package se.dsrdesk.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * The application's one rate limiter: named limits of so many events per client address
 * and hour, each a token bucket (Bucket4j) per address, refilled evenly over the hour.
 * The buckets live in memory, in a Caffeine cache bounded by the limit's number of
 * clients, so that a flood of addresses cannot grow memory without bound; a bucket unused
 * for two hours is full again anyway and is dropped. This suits one application instance;
 * several instances behind a load balancer each count on their own (Bucket4j's JDBC or
 * Redis back ends share the count if that ever matters).
 *
 * <p>
 * Each user names its limit and sizes it from its own settings (the public form's
 * {@code dsr.intake.*-per-hour}, the API's {@code dsr.api.auth-failures-per-hour}, the
 * download links' {@code dsr.answer.downloads-per-hour}).
 */
@Component
public class RateLimiter {

	private static final Duration FORGET_AFTER = Duration.ofHours(2);

	private final Map<String, Limit> limits = new ConcurrentHashMap<>();

	/**
	 * A limit of so many events per client and hour.
	 * @param name the limit's name, unique in the application
	 * @param perHour events allowed per client and hour
	 * @param clients client addresses remembered at most (least recently seen dropped
	 * first)
	 * @return the limit
	 * @throws IllegalStateException when a limit of that name exists already
	 */
	public Limit hourly(String name, int perHour, int clients) {
		Limit limit = new Limit(name, perHour, clients);
		if (this.limits.putIfAbsent(name, limit) != null) {
			throw new IllegalStateException("Rate limit " + name + " is defined twice");
		}
		return limit;
	}

	/**
	 * One named limit.
	 */
	public static final class Limit {

		private final String name;

		private final int perHour;

		private final Cache<String, Bucket> buckets;

		private Limit(String name, int perHour, int clients) {
			this.name = name;
			this.perHour = perHour;
			this.buckets = Caffeine.newBuilder().maximumSize(clients).expireAfterAccess(FORGET_AFTER).build();
		}

		/**
		 * Counts an event, if the client has any left.
		 * @param client the client address
		 * @return 0 when it was allowed and counted, else the seconds until the next one
		 * is
		 */
		public long tryConsume(String client) {
			ConsumptionProbe probe = bucket(client).tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
		}

		/**
		 * Counts an event that has happened anyway, such as a failed sign-in.
		 * @param client the client address
		 */
		public void record(String client) {
			bucket(client).tryConsume(1);
		}

		/**
		 * Whether a client has used up its events, without counting one.
		 * @param client the client address
		 * @return 0 when it has some left, else the seconds until it has again
		 */
		public long secondsBlocked(String client) {
			Bucket bucket = this.buckets.getIfPresent(client);
			if (bucket == null || bucket.getAvailableTokens() > 0) {
				return 0;
			}
			return seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
		}

		private Bucket bucket(String client) {
			return this.buckets.get(client,
					(key) -> Bucket.builder()
						.addLimit(
								(limit) -> limit.capacity(this.perHour).refillGreedy(this.perHour, Duration.ofHours(1)))
						.build());
		}

		private static long seconds(long nanos) {
			return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos));
		}

		@Override
		public String toString() {
			return "RateLimit[" + this.name + ", " + this.perHour + "/h]";
		}

	}

}
