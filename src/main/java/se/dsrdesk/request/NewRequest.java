package se.dsrdesk.request;

import java.time.Instant;

/**
 * What is known of a request when it arrives.
 *
 * @param name the person's name
 * @param email the person's email address, may be {@code null} for a letter
 * @param phone the person's phone number, may be {@code null}
 * @param language the language to answer in: {@code sv} or {@code en}
 * @param type what they ask for
 * @param channel how it arrived
 * @param description what they wrote
 * @param receivedAt when it arrived; {@code null} for now
 */
public record NewRequest(String name, String email, String phone, String language, RequestType type, Channel channel,
		String description, Instant receivedAt) {

}
