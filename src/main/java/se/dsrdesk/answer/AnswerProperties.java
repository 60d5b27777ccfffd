package se.dsrdesk.answer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the access extract's download link ({@code dsr.answer.*}).
 *
 * @param downloadValidity how long the link works; the files are deleted after it
 * @param cleanup the job that deletes the files of expired links
 * ({@code dsr.answer.cleanup.*})
 * @param downloadsPerHour how many downloads (or tries) one client address may make an
 * hour
 */
@ConfigurationProperties("dsr.answer")
public record AnswerProperties(@DefaultValue("30d") Duration downloadValidity, @DefaultValue Cleanup cleanup,
		@DefaultValue("60") int downloadsPerHour) {

	/**
	 * The scheduled cleanup of expired download links.
	 *
	 * @param cron when it runs (Spring cron, in the controller's time zone); {@code -}
	 * turns the schedule off
	 * @param lockAtMostFor how long the cleanup may hold its lock
	 */
	public record Cleanup(@DefaultValue("0 20 * * * *") String cron, @DefaultValue("2m") Duration lockAtMostFor) {
	}

}
