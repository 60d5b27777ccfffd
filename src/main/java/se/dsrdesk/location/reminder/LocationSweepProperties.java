package se.dsrdesk.location.reminder;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The location sweep: reminders to erase held data on its date, and to review locations.
 *
 * @param cron when it runs (Spring cron, in the controller's time zone); hourly by
 * default
 * @param runAtStartup whether it also runs once when the application has started
 * @param batchSize holds handled per transaction
 * @param maxItemsPerMail requests or holds listed in one mail; the rest are counted
 * @param lockAtMostFor how long a crashed sweep's lock lasts
 */
@ConfigurationProperties("dsr.locations.sweep")
public record LocationSweepProperties(@DefaultValue("0 20 * * * *") String cron,
		@DefaultValue("true") boolean runAtStartup, @DefaultValue("500") int batchSize,
		@DefaultValue("50") int maxItemsPerMail, @DefaultValue("2m") Duration lockAtMostFor) {

}
