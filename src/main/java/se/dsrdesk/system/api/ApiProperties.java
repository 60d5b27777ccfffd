package se.dsrdesk.system.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The REST API's protection against guessing credentials.
 *
 * @param authFailuresPerHour failed API authentications per client address and hour; then
 * every API call from that address is answered 429 until the count recovers
 * @param rateLimitClients client addresses the in-memory limiter remembers (least
 * recently seen dropped first)
 */
@ConfigurationProperties("dsr.api")
record ApiProperties(@DefaultValue("60") int authFailuresPerHour, @DefaultValue("100000") int rateLimitClients) {

}
