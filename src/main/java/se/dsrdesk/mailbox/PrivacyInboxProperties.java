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
 * @param idleReissue how long one IDLE lasts before it is ended and issued again on the
 * same connection (RFC 2177: servers may drop an IDLE after 30 minutes)
 * @param reconnectFirst the pause before the IDLE watcher connects again after an error;
 * it doubles with each failure in a row
 * @param reconnectMax the longest pause between two tries to connect
 */
@ConfigurationProperties("dsr.privacy-inbox")
public record PrivacyInboxProperties(@DefaultValue("1m") Duration pollInterval,
		@DefaultValue("30d") Duration dismissedKeptFor, @DefaultValue("0 30 3 * * *") String sweepCron,
		@DefaultValue("true") boolean idle, @DefaultValue("25m") Duration idleReissue,
		@DefaultValue("5s") Duration reconnectFirst, @DefaultValue("5m") Duration reconnectMax) {

	public PrivacyInboxProperties {
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofMinutes(1);
		dismissedKeptFor = (dismissedKeptFor != null) ? dismissedKeptFor : Duration.ofDays(30);
		sweepCron = (sweepCron != null) ? sweepCron : "0 30 3 * * *";
		idleReissue = (idleReissue != null) ? idleReissue : Duration.ofMinutes(25);
		reconnectFirst = (reconnectFirst != null) ? reconnectFirst : Duration.ofSeconds(5);
		reconnectMax = (reconnectMax != null) ? reconnectMax : Duration.ofMinutes(5);
		positive("dsr.privacy-inbox.idle-reissue", idleReissue);
		positive("dsr.privacy-inbox.reconnect-first", reconnectFirst);
		positive("dsr.privacy-inbox.reconnect-max", reconnectMax);
		if (reconnectFirst.compareTo(reconnectMax) > 0) {
			throw new IllegalArgumentException("dsr.privacy-inbox.reconnect-first (" + reconnectFirst
					+ ") must not be longer than dsr.privacy-inbox.reconnect-max (" + reconnectMax + ")");
		}
	}

	private static void positive(String name, Duration value) {
		if (value.isNegative() || value.toMillis() < 1) {
			throw new IllegalArgumentException(name + " must be at least 1ms, not " + value);
		}
	}

}
