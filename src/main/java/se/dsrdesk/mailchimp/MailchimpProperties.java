package se.dsrdesk.mailchimp;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Mailchimp connector's settings. The key comes from the environment only
 * ({@code DSR_MAILCHIMP_APIKEY}); it is never shown, logged or stored.
 *
 * @param apiKey the Marketing API key, such as {@code 0123…-us21}; empty: not connected,
 * the newsletter's tasks are worked by hand
 * @param baseUrl the API's root; empty by default:
 * {@code https://<dc>.api.mailchimp.com/3.0} with the data centre from the key's suffix
 * ({@code DSR_MAILCHIMP_BASEURL} points it at a proxy or a test server)
 * @param audiences the audiences (list ids) to look in; empty by default: all of them
 * @param connectTimeout how long to wait for a connection; 5 seconds by default
 * @param readTimeout how long to wait for an answer; 20 seconds by default
 * @param retries how many times a call is tried again after a 429, a 5xx or a timeout; 3
 * by default
 * @param backoff the first wait before trying again after a 5xx or a timeout (doubled
 * each time); 1 second by default
 * @param maxRetryAfter the longest {@code Retry-After} that is waited for; longer ones
 * fail at once with a message; 60 seconds by default
 */
@Validated
@ConfigurationProperties("dsr.mailchimp")
public record MailchimpProperties(@DefaultValue("") String apiKey, @DefaultValue("") String baseUrl,
		@DefaultValue List<String> audiences, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("20s") Duration readTimeout, @DefaultValue("3") @Min(0) @Max(10) int retries,
		@DefaultValue("1s") Duration backoff, @DefaultValue("60s") Duration maxRetryAfter) {

	public MailchimpProperties {
		apiKey = (apiKey != null) ? apiKey.strip() : "";
		baseUrl = (baseUrl != null) ? baseUrl.strip() : "";
		audiences = (audiences != null)
				? audiences.stream().map(String::strip).filter((id) -> !id.isEmpty()).distinct().toList() : List.of();
	}

	/**
	 * Whether a key is set.
	 * @return {@code true} when the connector can call Mailchimp
	 */
	public boolean connected() {
		return !this.apiKey.isEmpty();
	}

	/**
	 * The API's root: the setting, or the one of the key's data centre.
	 * @return the root without a trailing slash
	 * @throws IllegalStateException when neither is set or the key has no data centre
	 */
	public String root() {
		if (!this.baseUrl.isEmpty()) {
			return this.baseUrl.endsWith("/") ? this.baseUrl.substring(0, this.baseUrl.length() - 1) : this.baseUrl;
		}
		int dash = this.apiKey.lastIndexOf('-');
		String dc = (dash < 0) ? "" : this.apiKey.substring(dash + 1).toLowerCase(Locale.ROOT);
		if (!dc.matches("[a-z]{2,4}[0-9]{1,3}")) {
			throw new IllegalStateException(
					"dsr.mailchimp.api-key has no data centre suffix (such as -us21); " + "set dsr.mailchimp.base-url");
		}
		return "https://" + dc + ".api.mailchimp.com/3.0";
	}

	/** Never prints the key. */
	@Override
	public String toString() {
		return "MailchimpProperties[apiKey=" + (connected() ? "(set)" : "(not set)") + ", baseUrl=" + this.baseUrl
				+ ", audiences=" + this.audiences + ", connectTimeout=" + this.connectTimeout + ", readTimeout="
				+ this.readTimeout + ", retries=" + this.retries + ", backoff=" + this.backoff + ", maxRetryAfter="
				+ this.maxRetryAfter + "]";
	}

}
