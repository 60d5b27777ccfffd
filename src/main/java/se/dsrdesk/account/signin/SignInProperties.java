package se.dsrdesk.account.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in protection.
 *
 * @param maxFailures failed sign-ins in a row that lock a login name
 * @param lockDuration how long a locked login name stays locked
 */
@ConfigurationProperties("dsr.security.sign-in")
record SignInProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockDuration) {

}
