package se.dsrdesk.system.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The REST API's protection against guessing credentials.
 *
 * @param authFailuresPerHour failed API authentications per client address and hour; then
 * every API call from that address is answered 429 until the count recovers
 * @param rateLimitClients client addresses the in-memory limiter remembers (least
 * recently seen dropped first)
 * @param idempotency how long the answers of calls with an {@code Idempotency-Key} are
 * kept
 */
@ConfigurationProperties("dsr.api")
record ApiProperties(@DefaultValue("60") int authFailuresPerHour, @DefaultValue("100000") int rateLimitClients,
		@DefaultValue Idempotency idempotency) {

	/**
	 * Idempotency keys of the API's POSTs.
	 *
	 * @param keepFor how long a stored answer is replayed to a retry with the same key;
	 * then it is deleted by the daily cleanup
	 */
	record Idempotency(@DefaultValue("24h") Duration keepFor) {
	}

}
