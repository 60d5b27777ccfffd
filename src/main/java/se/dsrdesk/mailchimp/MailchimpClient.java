package se.dsrdesk.mailchimp;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import se.dsrdesk.location.connector.ConnectorException;

/**
 * Calls Mailchimp's Marketing API v3 with the key from the settings (HTTP Basic, as
 * Mailchimp documents), with connect and read timeouts. A 429 waits for its
 * {@code Retry-After} and tries again; a 5xx or a timeout tries again after a growing
 * pause; both a bounded number of times. A failure becomes a {@link ConnectorException}
 * whose message names what to do. The log holds the action, the audience and the answer's
 * status: never the key, an address or a member's fields.
 */
@Component
class MailchimpClient {

	private static final Logger log = LoggerFactory.getLogger(MailchimpClient.class);

	private final MailchimpProperties properties;

	private final JsonMapper json;

	private final Sleeper sleeper;

	private final RestClient rest;

	@Autowired
	MailchimpClient(MailchimpProperties properties, JsonMapper json) {
		this(properties, json, Thread::sleep);
	}

	MailchimpClient(MailchimpProperties properties, JsonMapper json, Sleeper sleeper) {
		this.properties = properties;
		this.json = json;
		this.sleeper = sleeper;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			// HTTP/1.1: no h2c upgrade attempt towards a plain-HTTP proxy or test server
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
		requests.setReadTimeout(properties.readTimeout());
		this.rest = RestClient.builder().requestFactory(requests).build();
	}

	/**
	 * {@code GET} a resource.
	 * @param action what it is for, for the log and messages (no personal data)
	 * @param audience the audience concerned, or {@code null}
	 * @param path the path below the API's root, with {@code {}} placeholders
	 * @param variables the placeholders' values (encoded)
	 * @return the answer, empty on 404
	 */
	Optional<JsonNode> get(String action, String audience, String path, Object... variables) {
		return call(HttpMethod.GET, action, audience, path, null, variables);
	}

	/**
	 * {@code POST} to a resource.
	 * @return the answer (an empty object for 204), empty on 404
	 */
	Optional<JsonNode> post(String action, String audience, String path, Object body, Object... variables) {
		return call(HttpMethod.POST, action, audience, path, body, variables);
	}

	/**
	 * {@code PATCH} a resource.
	 * @return the answer, empty on 404
	 */
	Optional<JsonNode> patch(String action, String audience, String path, Object body, Object... variables) {
		return call(HttpMethod.PATCH, action, audience, path, body, variables);
	}

	private Optional<JsonNode> call(HttpMethod method, String action, String audience, String path, Object body,
			Object... variables) {
		if (!this.properties.connected()) {
			throw new ConnectorException("mailchimp.notConnected");
		}
		String root;
		try {
			root = this.properties.root();
		}
		catch (IllegalStateException ex) {
			throw new ConnectorException("mailchimp.noDataCentre");
		}
		Duration pause = this.properties.backoff();
		int attempt = 0;
		while (true) {
			attempt++;
			Answer answer;
			try {
				RestClient.RequestBodySpec request = this.rest.method(method)
					.uri(root + path, variables)
					.headers((headers) -> {
						headers.setBasicAuth("dsrdesk", this.properties.apiKey(), StandardCharsets.UTF_8);
						headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
					});
				if (body != null) {
					request.contentType(MediaType.APPLICATION_JSON).body(this.json.writeValueAsString(body));
				}
				else if (method != HttpMethod.GET) {
					// An empty body of known length: without it the request goes chunked,
					// and some servers wait for a body that never comes.
					request.body(new byte[0]);
				}
				answer = request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
						res.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), read(res.getBody())), true);
			}
			catch (ResourceAccessException ex) {
				log.warn("Mailchimp {} (audience {}): no answer (attempt {}): {}", action, audience, attempt,
						ex.getMostSpecificCause().getClass().getSimpleName());
				if (attempt > this.properties.retries()) {
					throw new ConnectorException("mailchimp.unreachable", attempt);
				}
				pause = sleep(pause);
				continue;
			}
			int status = answer.status();
			log.info("Mailchimp {} (audience {}): HTTP {}", action, audience, status);
			if (status >= 200 && status < 300) {
				return Optional
					.of(answer.body().isBlank() ? this.json.createObjectNode() : this.json.readTree(answer.body()));
			}
			if (status == 404) {
				return Optional.empty();
			}
			if (status == 401 || status == 403) {
				throw new ConnectorException("mailchimp.unauthorized", status);
			}
			if (status == 429) {
				Duration wait = retryAfter(answer.retryAfter());
				if (attempt > this.properties.retries() || wait.compareTo(this.properties.maxRetryAfter()) > 0) {
					throw new ConnectorException("mailchimp.tooManyRequests", wait.toSeconds());
				}
				sleep(wait);
				continue;
			}
			if (status >= 500) {
				if (attempt > this.properties.retries()) {
					throw new ConnectorException("mailchimp.unavailable", status, attempt);
				}
				pause = sleep(pause);
				continue;
			}
			throw new ConnectorException("mailchimp.refused", status, title(answer.body()));
		}
	}

	/** Mailchimp's problem title (such as "Invalid Resource"), never its detail. */
	private String title(String body) {
		try {
			JsonNode problem = this.json.readTree(body);
			String title = problem.path("title").asString("");
			return title.replaceAll("[^A-Za-z ]", "").strip();
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private static Duration retryAfter(String header) {
		if (header != null) {
			try {
				return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
			}
			catch (NumberFormatException ex) {
				// An HTTP date: wait the usual minute rather than parse it.
			}
		}
		return Duration.ofSeconds(1);
	}

	/** Waits, and answers the next pause (double). */
	private Duration sleep(Duration pause) {
		try {
			this.sleeper.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConnectorException("mailchimp.unreachable", 0);
		}
		return pause.multipliedBy(2);
	}

	private static String read(java.io.InputStream body) throws IOException {
		return (body != null) ? StreamUtils.copyToString(body, StandardCharsets.UTF_8) : "";
	}

	/** Waits so many milliseconds (a test may wait less). */
	@FunctionalInterface
	interface Sleeper {

		void sleep(long millis) throws InterruptedException;

	}

	private record Answer(int status, String retryAfter, String body) {
	}

	static Map<String, String> status(String status) {
		return Map.of("status", status);
	}

}
