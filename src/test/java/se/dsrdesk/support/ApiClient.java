package se.dsrdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the REST API that talks real HTTP to the running application, without a
 * cookie store: every call carries its own credentials, as an integration's would.
 */
public class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	private String authorization;

	private String acceptLanguage = "en";

	private final List<String[]> extraHeaders = new ArrayList<>();

	public ApiClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/** Sends a personal API token as Bearer. */
	public ApiClient bearer(String token) {
		this.authorization = "Bearer " + token;
		return this;
	}

	/** Sends a staff account's email and password with HTTP Basic. */
	public ApiClient basic(String email, String password) {
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/** Sends no credentials. */
	public ApiClient anonymous() {
		this.authorization = null;
		return this;
	}

	public ApiClient language(String language) {
		this.acceptLanguage = language;
		return this;
	}

	/** Adds a header to the next call only. */
	public ApiClient header(String name, String value) {
		this.extraHeaders.add(new String[] { name, value });
		return this;
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public Response post(String path) {
		return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json")
			.header("Accept-Language", this.acceptLanguage);
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		this.extraHeaders.forEach((h) -> builder.header(h[0], h[1]));
		this.extraHeaders.clear();
		return builder;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			return new Response(
					this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer, with its body read as JSON.
	 *
	 * @param http the HTTP response
	 */
	public record Response(HttpResponse<String> http) {

		public int status() {
			return this.http.statusCode();
		}

		public JsonNode json() {
			return JSON.readTree(this.http.body());
		}

		public String header(String name) {
			return this.http.headers().firstValue(name).orElse(null);
		}

		public List<String> headers(String name) {
			return this.http.headers().allValues(name);
		}

		public String contentType() {
			return header("Content-Type");
		}

		/**
		 * The messages of the field errors of a problem, by field.
		 * @param field the field
		 * @return its messages
		 */
		public List<String> errors(String field) {
			List<String> messages = new ArrayList<>();
			JsonNode errors = json().path("errors");
			for (JsonNode error : errors) {
				if (field.equals(error.path("field").asString())) {
					messages.add(error.path("message").asString());
				}
			}
			return messages;
		}

		@Override
		public String toString() {
			return this.http.statusCode() + " " + this.http.body();
		}

	}

}
