package se.dsrdesk.answer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the answer package's background build ({@code dsr.answer.build.*}).
 *
 * @param poll how often a runner looks for a queued build (or one whose runner stopped)
 * @param lease how long a runner holds a build without renewing it; a build whose lease
 * ran out is taken up again by another runner (after a restart, by the new one)
 * @param attempts how many times a build is tried before it is given up as failed
 * @param inlineLimit the largest package (the included findings' bytes) that is still
 * built while the answer is sent or previewed, without a build prepared beforehand; a
 * larger one must be prepared in the background, so that no page waits for it
 */
@ConfigurationProperties("dsr.answer.build")
public record AnswerBuildProperties(@DefaultValue("1s") Duration poll, @DefaultValue("60s") Duration lease,
		@DefaultValue("3") int attempts, @DefaultValue("2MB") org.springframework.util.unit.DataSize inlineLimit) {
}
