package se.dsrdesk.request.reminder;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadline sweep ({@code dsr.deadline.sweep.*}): when it runs and which notices it
 * sends.
 *
 * @param cron when the sweep runs (Spring cron, in the controller's time zone); hourly by
 * default
 * @param runAtStartup whether it also runs once when the application has started, so that
 * downtime never skips work
 * @param reminderWorkingDays the reminders before the effective deadline, in working days
 * @param digestHour the local hour from which the daily overdue digest goes out
 * @param batchSize requests handled per transaction
 * @param maxItemsPerMail requests listed in one staff mail; the rest are counted
 * @param lockAtMostFor how long a crashed sweep's lock lasts before another instance may
 * run
 */
@ConfigurationProperties("dsr.deadline.sweep")
public record SweepProperties(@DefaultValue("0 5 * * * *") String cron, @DefaultValue("true") boolean runAtStartup,
		@DefaultValue( {
				"7", "3", "1" }) List<Integer> reminderWorkingDays,
		@DefaultValue("7") int digestHour, @DefaultValue("2000") int batchSize, @DefaultValue("50") int maxItemsPerMail,
		@DefaultValue("2m") Duration lockAtMostFor){

}
