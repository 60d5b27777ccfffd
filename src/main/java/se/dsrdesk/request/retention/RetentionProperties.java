package se.dsrdesk.request.retention;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long DSR Desk keeps the personal data of closed requests ({@code dsr.retention.*}).
 * See {@code docs/retention.md} for why three years, and the alternatives.
 *
 * @param closedRequests how long after closing a request its personal data is kept; it is
 * purged on the day after this ends, unless a legal-claims hold postpones it
 * @param batchSize how many requests one transaction of the purge handles
 * @param cron when the daily purge runs, in the controller's time zone ({@code -} for
 * never)
 * @param lockAtMostFor how long the purge may hold its lock
 */
@ConfigurationProperties("dsr.retention")
public record RetentionProperties(@DefaultValue("P3Y") Period closedRequests, @DefaultValue("500") int batchSize,
		@DefaultValue("0 40 2 * * *") String cron, @DefaultValue("2m") Duration lockAtMostFor) {
}
