package se.dsrdesk.mailbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the privacy inbox is read ({@code dsr.privacy-inbox.*}); which mailbox it is, and
 * its folders, are set on the mailbox ({@code dsr.mailboxes[n].privacy-inbox}).
 *
 * @param pollInterval how often new mail is fetched
 * @param dismissedKeptFor how long a dismissed mail (and a registered one, whose text is
 * now the request's) is kept before it is deleted
 * @param sweepCron when mails past their time are deleted; {@code -} for never
 * @param idle whether new mail is also fetched as soon as it arrives, by IMAP IDLE, where
 * the server offers it (the poll keeps running as the safety net)
 */
@ConfigurationProperties("dsr.privacy-inbox")
public record PrivacyInboxProperties(@DefaultValue("1m") Duration pollInterval,
		@DefaultValue("30d") Duration dismissedKeptFor, @DefaultValue("0 30 3 * * *") String sweepCron,
		@DefaultValue("true") boolean idle) {

	public PrivacyInboxProperties {
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofMinutes(1);
		dismissedKeptFor = (dismissedKeptFor != null) ? dismissedKeptFor : Duration.ofDays(30);
		sweepCron = (sweepCron != null) ? sweepCron : "0 30 3 * * *";
	}

}
