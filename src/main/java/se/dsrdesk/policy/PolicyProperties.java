package se.dsrdesk.policy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the privacy policy and its change notices ({@code dsr.policy.*}).
 *
 * @param textLocation where the built-in policy text is (a Spring resource location
 * holding {@code policy_sv.txt} and {@code policy_en.txt}): the version in force before
 * the first published one
 * @param noticeDays how many days before its effective date a material change must at
 * least be announced
 * @param noticeBatchSize how many notices one batch of the notice job queues
 * @param noticeLockAtMostFor how long the notice job may hold its lock
 */
@ConfigurationProperties("dsr.policy")
public record PolicyProperties(@DefaultValue("classpath:privacy/") String textLocation,
		@DefaultValue("30") int noticeDays, @DefaultValue("500") int noticeBatchSize,
		@DefaultValue("2m") Duration noticeLockAtMostFor) {
}
