package se.dsrdesk.system;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

import se.dsrdesk.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browsable API description (Swagger UI) works in Chromium under the application's
 * Content Security Policy, for anyone: it lists the API's operations and nothing of the
 * web pages, and the browser reports no policy violation.
 */
class SwaggerUiBrowserTest extends BrowserTest {

	@Test
	void listsTheApiUnderTheContentSecurityPolicy() {
		List<String> problems = new ArrayList<>();
		this.page.onConsoleMessage((message) -> {
			if ("error".equals(message.type())) {
				problems.add(message.text());
			}
		});
		Response response = this.page.navigate(baseUrl() + "/swagger-ui.html");
		assertThat(response.status()).isEqualTo(200);
		// Scripts only from the application; Swagger UI's inline styles are allowed on
		// its
		// pages alone.
		assertThat(response.headers().get("content-security-policy")).contains("script-src 'self';",
				"style-src 'self' 'unsafe-inline';");
		assertThat(response.headers()).doesNotContainKey("set-cookie");
		assertThat(this.page.locator(".opblock-summary-path[data-path='/api/v1/requests/{reference}/extension']"))
			.isVisible();
		assertThat(this.page.locator(".opblock-summary-path[data-path^='/staff']")).hasCount(0);
		assertThat(this.page.getByText("DSR Desk API").first()).isVisible();
		assertThat(problems).isEmpty();
		// The pages keep their strict policy.
		Response home = this.page.navigate(baseUrl() + "/");
		assertThat(home.headers().get("content-security-policy")).contains("style-src 'self';")
			.doesNotContain("unsafe-inline");
	}

}
