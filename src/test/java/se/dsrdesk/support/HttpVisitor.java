package se.dsrdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A visitor that talks real HTTP to the running application and keeps its cookies, as a
 * browser does but without one. Use it where MockMvc cannot show the truth, such as the
 * error pages that the servlet container renders: MockMvc does no error dispatch.
 */
public class HttpVisitor {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient client;

	private final String baseUrl;

	private final String acceptLanguage;

	/**
	 * A new visitor without cookies.
	 * @param port the application's port
	 * @param acceptLanguage the Accept-Language header to send
	 */
	public HttpVisitor(int port, String acceptLanguage) {
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.baseUrl = "http://localhost:" + port;
		this.acceptLanguage = acceptLanguage;
	}

	/**
	 * Gets a page as a browser does, asking for HTML.
	 * @param path the path, such as {@code /staff}
	 * @return the response
	 */
	public HttpResponse<String> get(String path) {
		return send(request(path).header("Accept", "text/html").GET().build());
	}

	/**
	 * Signs in through the sign-in form, CSRF token included.
	 * @param email the login name
	 * @param password the password
	 * @return the response to the form, a redirect
	 */
	public HttpResponse<String> signIn(String email, String password) {
		String token = csrfToken(get("/login").body());
		String form = "email=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(token);
		return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	/**
	 * Fills in and sends a form as a browser does: reads the page for its CSRF token,
	 * then posts the fields with it.
	 * @param pagePath the page that holds the form, such as {@code /request}
	 * @param action where the form posts to
	 * @param fields the fields, in order
	 * @return the response to the form
	 */
	public HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
		StringBuilder form = new StringBuilder("_csrf=").append(encode(csrfToken(get(pagePath).body())));
		fields.forEach((name, value) -> form.append('&').append(encode(name)).append('=').append(encode(value)));
		return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.build());
	}

	/**
	 * Posts a form whose fields are already encoded as the caller wants them, broken
	 * percent-encoding included, with the page's CSRF token.
	 */
	public HttpResponse<String> submitRaw(String pagePath, String action, String encodedFields) {
		String form = "_csrf=" + encode(csrfToken(get(pagePath).body())) + "&" + encodedFields;
		return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	/**
	 * Posts a form without a CSRF token, as a forged cross-site form would.
	 * @param action where the form posts to
	 * @param fields the fields, in order
	 * @return the response
	 */
	public HttpResponse<String> postWithoutCsrf(String action, Map<String, String> fields) {
		StringBuilder form = new StringBuilder();
		fields.forEach((name, value) -> form.append((form.length() > 0) ? "&" : "")
			.append(encode(name))
			.append('=')
			.append(encode(value)));
		return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.build());
	}

	/**
	 * Sends a file as a browser sends a multipart form: the CSRF token from the page goes
	 * in the query string, as the page's form does.
	 * @param pagePath the page that holds the form
	 * @param action where the form posts to
	 * @param field the file field's name
	 * @param fileName the file's name
	 * @param content the file's bytes
	 * @return the response to the form
	 */
	public HttpResponse<String> upload(String pagePath, String action, String field, String fileName, byte[] content) {
		String token = csrfToken(get(pagePath).body());
		String boundary = "----dsr" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return send(request(action + "?_csrf=" + encode(token))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
					HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail)))
			.build());
	}

	/**
	 * Sends a multipart form with text fields and at most one file, as a browser does:
	 * the CSRF token from the page goes in the query string, as the page's form does.
	 * @param pagePath the page that holds the form
	 * @param action where the form posts to
	 * @param fields the text fields, in order
	 * @param field the file field's name
	 * @param fileName the file's name, {@code null} for no file (an empty file part, as a
	 * browser sends when none is chosen)
	 * @param content the file's bytes
	 * @return the response to the form
	 */
	public HttpResponse<String> multipart(String pagePath, String action, Map<String, String> fields, String field,
			String fileName, byte[] content) {
		String token = csrfToken(get(pagePath).body());
		String boundary = "----dsr" + System.nanoTime();
		StringBuilder head = new StringBuilder();
		fields.forEach((name, value) -> head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(field)
			.append("\"; filename=\"")
			.append((fileName != null) ? fileName : "")
			.append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return send(request(action + "?_csrf=" + encode(token))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(
					HttpRequest.BodyPublishers.ofByteArray(head.toString().getBytes(StandardCharsets.UTF_8)),
					HttpRequest.BodyPublishers.ofByteArray((fileName != null) ? content : new byte[0]),
					HttpRequest.BodyPublishers.ofByteArray(tail)))
			.build());
	}

	/**
	 * Gets a file, such as a PDF, as bytes.
	 * @param path the path
	 * @return the body, after checking that the status is 200
	 */
	public byte[] getBytes(String path) {
		try {
			HttpResponse<byte[]> response = this.client.send(request(path).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + " for " + path);
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept-Language", this.acceptLanguage);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String csrfToken(String html) {
		Matcher matcher = CSRF_FIELD.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token in the form");
		}
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
