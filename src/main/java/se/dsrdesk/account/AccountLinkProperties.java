package se.dsrdesk.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invitations, forgotten-password links and limits on password guessing
 * (docs/staff-sign-in.md).
 *
 * @param invitationValidity how long an invitation link works
 * @param resetValidity how long a forgotten-password link works
 * @param resetRequestsPerHour forgotten-password requests per client address and hour
 * @param resetMailsPerAddressPerHour forgotten-password mails per email address and hour,
 * counted whether or not the address has an account
 * @param passwordChangeAttempts wrong current passwords on the change-password form
 * before the session is ended and the form refuses further tries for a while
 * @param passwordChangeWindow the period over which those tries come back
 */
@ConfigurationProperties("dsr.security.accounts")
public record AccountLinkProperties(@DefaultValue("72h") Duration invitationValidity,
		@DefaultValue("1h") Duration resetValidity, @DefaultValue("10") int resetRequestsPerHour,
		@DefaultValue("3") int resetMailsPerAddressPerHour, @DefaultValue("5") int passwordChangeAttempts,
		@DefaultValue("15m") Duration passwordChangeWindow) {

}
