package se.dsrdesk.system;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits on PostgreSQL are shared: two application instances (two limiters on one
 * database) count together, so two instances behind a load balancer do not double a
 * limit.
 */
@IntegrationTest
class RateLimiterOnPostgreSqlTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	RateLimiter applicationLimiter;

	@Test
	void theApplicationKeepsItsLimitsInPostgreSql() {
		assertThat(this.applicationLimiter.isShared()).isTrue();
	}

	@Test
	void twoInstancesShareOneCount() {
		String name = "shared-" + UUID.randomUUID();
		RateLimiter.Limit one = RateLimiter.inPostgreSql(this.dataSource).hourly(name, 3, 100);
		RateLimiter.Limit two = RateLimiter.inPostgreSql(this.dataSource).hourly(name, 3, 100);
		assertThat(one.tryConsume("192.0.2.7")).isZero();
		assertThat(two.tryConsume("192.0.2.7")).isZero();
		assertThat(one.tryConsume("192.0.2.7")).isZero();
		assertThat(two.tryConsume("192.0.2.7")).isBetween(1L, 1200L);
		assertThat(one.secondsBlocked("192.0.2.7")).isPositive();
		assertThat(two.tryConsume("192.0.2.8")).isZero();
	}

}
