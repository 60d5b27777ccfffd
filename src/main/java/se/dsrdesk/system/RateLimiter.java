package se.dsrdesk.system;

import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The application's one rate limiter: named limits of so many events per client (an
 * address, or a digest of an email address) and period, each a token bucket (Bucket4j)
 * per client, refilled evenly over the period.
 * <p>
 * On PostgreSQL the buckets are kept in the database (table {@code rate_limit_bucket},
 * Bucket4j's PostgreSQL support, a row lock per bucket), so that several application
 * instances share each count; rows of buckets that have filled up again are deleted every
 * ten minutes. Elsewhere (the embedded H2 database of a single instance) they live in
 * memory, in a Caffeine cache bounded by the limit's number of clients, so that a flood
 * of addresses cannot grow memory without bound. Should the database fail while a limit
 * is checked, the event is allowed (and a warning logged): a limit never turns a request
 * into an error.
 * <p>
 * Each user names its limit and sizes it from its own settings (the public form's
 * {@code dsr.intake.*}, the API's {@code dsr.api.auth-failures-per-hour}, the download
 * links' {@code dsr.answer.downloads-per-hour}).
 */
@Component
public class RateLimiter {

	private static final Logger logger = LoggerFactory.getLogger(RateLimiter.class);

	private final Map<String, Limit> limits = new ConcurrentHashMap<>();

	/** The shared buckets, or {@code null} to keep them in memory. */
	private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;

	/** A limiter that keeps its buckets in memory. */
	public RateLimiter() {
		this.shared = null;
	}

	@Autowired
	RateLimiter(ObjectProvider<DataSource> dataSources) {
		DataSource dataSource = dataSources.getIfAvailable();
		this.shared = (dataSource != null && isPostgreSql(dataSource)) ? shared(dataSource) : null;
		logger.info("Rate limits are kept {}", (this.shared != null) ? "in PostgreSQL" : "in memory");
	}

	/**
	 * A limiter whose buckets are kept in PostgreSQL.
	 * @param dataSource the PostgreSQL database
	 * @return the limiter
	 */
	static RateLimiter inPostgreSql(DataSource dataSource) {
		return new RateLimiter(shared(dataSource));
	}

	private RateLimiter(PostgreSQLSelectForUpdateBasedProxyManager<String> shared) {
		this.shared = shared;
	}

	private static boolean isPostgreSql(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return "PostgreSQL".equalsIgnoreCase(product);
		}
		catch (Exception ex) {
			logger.warn("Could not tell the database; rate limits are kept in memory", ex);
			return false;
		}
	}

	private static PostgreSQLSelectForUpdateBasedProxyManager<String> shared(DataSource dataSource) {
		return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.build();
	}

	/**
	 * Whether the buckets are kept in the database, shared by all instances.
	 * @return {@code true} on PostgreSQL
	 */
	public boolean isShared() {
		return this.shared != null;
	}

	/**
	 * A limit of so many events per client and hour.
	 * @param name the limit's name, unique in the application
	 * @param perHour events allowed per client and hour
	 * @param clients client addresses remembered at most in memory (least recently seen
	 * dropped first)
	 * @return the limit
	 * @throws IllegalStateException when a limit of that name exists already
	 */
	public Limit hourly(String name, int perHour, int clients) {
		return limit(name, perHour, Duration.ofHours(1), clients);
	}

	/**
	 * A limit of so many events per client and period.
	 * @param name the limit's name, unique in the application
	 * @param events events allowed per client and period
	 * @param period the period, over which used events come back evenly
	 * @param clients clients remembered at most in memory
	 * @return the limit
	 * @throws IllegalStateException when a limit of that name exists already
	 */
	public Limit limit(String name, int events, Duration period, int clients) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(events).refillGreedy(events, period))
			.build();
		Function<String, Bucket> buckets;
		Function<String, Bucket> existing;
		if (this.shared != null) {
			// The key names the limit's size too: a bucket keeps the configuration it was
			// made with, so a changed setting starts new buckets (the old ones expire).
			String prefix = name + ":" + events + "/" + period.toSeconds() + ":";
			buckets = (client) -> this.shared.builder().build(prefix + client, () -> configuration);
			existing = buckets;
		}
		else {
			Cache<String, Bucket> cache = Caffeine.newBuilder()
				.maximumSize(clients)
				.expireAfterAccess(period.multipliedBy(2))
				.build();
			buckets = (client) -> cache.get(client,
					(key) -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
			existing = cache::getIfPresent;
		}
		Limit limit = new Limit(name, events, period, buckets, existing);
		if (this.limits.putIfAbsent(name, limit) != null) {
			throw new IllegalStateException("Rate limit " + name + " is defined twice");
		}
		return limit;
	}

	/** Deletes the database rows of buckets that have filled up again. */
	@Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
	void removeFullBuckets() {
		if (this.shared == null) {
			return;
		}
		try {
			int removed;
			do {
				removed = this.shared.removeExpired(1000);
			}
			while (removed == 1000);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not delete full rate-limit buckets; tries again later: {}", ex.toString());
		}
	}

	/**
	 * One named limit.
	 */
	public static final class Limit {

		private final String name;

		private final int events;

		private final Duration period;

		private final Function<String, Bucket> buckets;

		private final Function<String, Bucket> existing;

		private Limit(String name, int events, Duration period, Function<String, Bucket> buckets,
				Function<String, Bucket> existing) {
			this.name = name;
			this.events = events;
			this.period = period;
			this.buckets = buckets;
			this.existing = existing;
		}

		/**
		 * Counts an event, if the client has any left.
		 * @param client the client address
		 * @return 0 when it was allowed and counted, else the seconds until the next one
		 * is
		 */
		public long tryConsume(String client) {
			try {
				ConsumptionProbe probe = this.buckets.apply(client).tryConsumeAndReturnRemaining(1);
				return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
			}
			catch (RuntimeException ex) {
				logger.warn("Rate limit {} could not be checked; the event is allowed: {}", this.name, ex.toString());
				return 0;
			}
		}

		/**
		 * Counts an event that has happened anyway, such as a failed sign-in.
		 * @param client the client address
		 */
		public void record(String client) {
			try {
				this.buckets.apply(client).tryConsume(1);
			}
			catch (RuntimeException ex) {
				logger.warn("Rate limit {} could not count an event: {}", this.name, ex.toString());
			}
		}

		/**
		 * Whether a client has used up its events, without counting one.
		 * @param client the client address
		 * @return 0 when it has some left, else the seconds until it has again
		 */
		public long secondsBlocked(String client) {
			try {
				Bucket bucket = this.existing.apply(client);
				if (bucket == null || bucket.getAvailableTokens() > 0) {
					return 0;
				}
				return seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
			}
			catch (RuntimeException ex) {
				logger.warn("Rate limit {} could not be checked: {}", this.name, ex.toString());
				return 0;
			}
		}

		private static long seconds(long nanos) {
			return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos));
		}

		@Override
		public String toString() {
			return "RateLimit[" + this.name + ", " + this.events + "/" + this.period + "]";
		}

	}

}
