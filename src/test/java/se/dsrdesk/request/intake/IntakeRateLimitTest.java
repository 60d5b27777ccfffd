package se.dsrdesk.request.intake;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import se.dsrdesk.support.Html;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public form's rate limits per client address: only accepted submissions count; past
 * the limit the answer is 429 with a Retry-After header and the form again, translated,
 * with what was typed, and nothing is stored.
 */
@IntegrationTest
@TestPropertySource(properties = { "dsr.intake.submits-per-hour=3", "dsr.intake.new-links-per-hour=2" })
class IntakeRateLimitTest {

	@LocalServerPort
	int port;

	@Test
	void onlyAcceptedSubmissionsCountAndARefusedOneKeepsWhatWasTyped() {
		HttpVisitor visitor = new HttpVisitor(this.port, "sv-SE");
		Map<String, String> invalid = IntakeTest.form("ACCESS", "", "", null);
		// Refused for their input: they do not count, however many (issue 21: eleven
		// refused submissions then a valid one, which is accepted).
		for (int i = 0; i < 11; i++) {
			assertThat(visitor.submit("/request", "/request", invalid).statusCode()).isEqualTo(200);
		}
		for (int i = 0; i < 3; i++) {
			assertThat(visitor
				.submit("/request", "/request",
						IntakeTest.form("ACCESS", "Stina Svensson", IntakeTest.unique() + "@example.com", null))
				.statusCode()).as("accepted submission %d", i + 1).isEqualTo(302);
		}
		String email = IntakeTest.unique() + "@example.com";
		HttpResponse<String> refused = visitor.submit("/request", "/request",
				IntakeTest.form("ACCESS", "Stina Spam", email, "Allt ni har om mig."));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
		assertThat(Html.textOf(refused.body(), "too-many").orElseThrow()).contains("För många försök",
				"Vänta en stund och försök igen", "Det du skrev finns kvar");
		// The form again, with what was typed.
		assertThat(refused.body()).contains("value=\"Stina Spam\"", "value=\"" + email + "\"", "Allt ni har om mig.");

		HttpResponse<String> english = new HttpVisitor(this.port, "en-GB").submit("/request", "/request", invalid);
		assertThat(english.statusCode()).as("the same client address").isEqualTo(429);
		assertThat(english.body()).contains("Too many attempts");
	}

	@Test
	void askingForNewLinksTooOftenIsAnswered429() {
		HttpVisitor visitor = new HttpVisitor(this.port, "en-GB");
		Map<String, String> address = Map.of("email", IntakeTest.unique() + "@example.com");
		for (int i = 0; i < 2; i++) {
			assertThat(visitor.submit("/request/new-link", "/request/new-link", address).statusCode()).isEqualTo(302);
		}
		HttpResponse<String> refused = visitor.submit("/request/new-link", "/request/new-link", address);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.body()).contains("Too many attempts");
	}

}
