package se.dsrdesk.mailchimp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled purge of members who unsubscribed long ago (the policy's "we delete
 * you").
 *
 * @param enabled whether it runs; off by default
 * @param after how long ago a member must have unsubscribed (last changed) to be deleted
 * for good; 30 days by default
 * @param cron when it runs (Spring cron, in the controller's time zone); daily at 02:50
 * by default
 * @param pageSize members asked per page of an audience (Mailchimp allows at most 1000)
 * @param maxPerRun the most members deleted in one run; the rest wait for the next run
 * @param lockAtMostFor how long a crashed run's lock lasts
 */
@ConfigurationProperties("dsr.mailchimp.purge")
public record MailchimpPurgeProperties(@DefaultValue("false") boolean enabled, @DefaultValue("30d") Duration after,
		@DefaultValue("0 50 2 * * *") String cron, @DefaultValue("500") int pageSize,
		@DefaultValue("1000") int maxPerRun, @DefaultValue("30m") Duration lockAtMostFor) {

	public MailchimpPurgeProperties {
		pageSize = Math.max(1, Math.min(1000, pageSize));
		maxPerRun = Math.max(1, maxPerRun);
	}

}
