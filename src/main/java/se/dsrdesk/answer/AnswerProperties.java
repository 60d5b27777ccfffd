package se.dsrdesk.answer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the access extract's download link ({@code dsr.answer.*}).
 *
 * @param downloadValidity how long the link works; the files are deleted after it
 * @param cleanupLockAtMostFor how long the cleanup may hold its lock
 * @param downloadsPerHour how many downloads (or tries) one client address may make an
 * hour
 */
@ConfigurationProperties("dsr.answer")
public record AnswerProperties(@DefaultValue("30d") Duration downloadValidity,
		@DefaultValue("10m") Duration cleanupLockAtMostFor, @DefaultValue("60") int downloadsPerHour) {
}
