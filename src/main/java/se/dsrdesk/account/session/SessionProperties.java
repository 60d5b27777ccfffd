package se.dsrdesk.account.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff session lifetimes.
 *
 * @param idleTimeout a session ends after this long without a request (applied through
 * {@code server.servlet.session.timeout})
 * @param absoluteTimeout a session ends this long after sign-in, however busy
 */
@ConfigurationProperties("dsr.security.session")
record SessionProperties(@DefaultValue("30m") Duration idleTimeout, @DefaultValue("12h") Duration absoluteTimeout) {

}
