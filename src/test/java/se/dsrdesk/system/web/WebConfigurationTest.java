package se.dsrdesk.system.web;

import java.util.Locale;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language of a page: Swedish when the browser prefers it, English otherwise, and a
 * choice made with the switch wins over the browser.
 */
class WebConfigurationTest {

	static final Locale SWEDISH = Locale.forLanguageTag("sv");

	@Nested
	class FromAcceptLanguage {

		@ParameterizedTest
		@ValueSource(strings = { "sv", "sv-SE,sv;q=0.9", "sv-FI", "nb;q=0.9,sv;q=0.8", "de-DE,sv;q=0.5,en;q=0.4",
				"en;q=0.5,sv;q=0.8" })
		void isSwedishWhenSwedishIsTheBestSupportedChoice(String header) {
			assertThat(WebConfiguration.bestSupported(header)).isEqualTo(SWEDISH);
		}

		@ParameterizedTest
		@ValueSource(strings = { "en", "en-GB,en;q=0.9", "de-DE", "nb,da;q=0.8", "*", "sv;q=0.4,en;q=0.6" })
		void isEnglishOtherwise(String header) {
			assertThat(WebConfiguration.bestSupported(header)).isEqualTo(Locale.ENGLISH);
		}

		@ParameterizedTest
		@NullAndEmptySource
		@ValueSource(strings = { "  ", "sv;q=abc", "sv;q=2", ";;;", "sv-SE,,;q" })
		void isEnglishForAMissingOrMalformedHeader(String header) {
			assertThat(WebConfiguration.bestSupported(header)).isEqualTo(Locale.ENGLISH);
		}

	}

	@Nested
	class TheResolver {

		final WebConfiguration.SupportedLocaleResolver resolver = new WebConfiguration.SupportedLocaleResolver();

		@Test
		void followsTheBrowserWithoutACookie() {
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.addHeader("Accept-Language", "sv-SE,sv;q=0.9");
			assertThat(this.resolver.resolveLocale(request)).isEqualTo(SWEDISH);
		}

		@Test
		void remembersAChoiceInACookieThatWinsOverTheBrowser() {
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.resolver.setLocale(new MockHttpServletRequest(), response, Locale.forLanguageTag("sv-SE"));
			assertThat(response.getCookie("dsr_lang")).isNotNull();

			MockHttpServletRequest next = new MockHttpServletRequest();
			next.addHeader("Accept-Language", "en-GB");
			next.setCookies(response.getCookie("dsr_lang"));
			assertThat(this.resolver.resolveLocale(next)).isEqualTo(SWEDISH);
		}

		@Test
		void turnsAnUnsupportedChoiceIntoEnglish() {
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.resolver.setLocale(new MockHttpServletRequest(), response, Locale.GERMAN);
			MockHttpServletRequest next = new MockHttpServletRequest();
			next.setCookies(response.getCookie("dsr_lang"));
			assertThat(this.resolver.resolveLocale(next)).isEqualTo(Locale.ENGLISH);
		}

	}

}
