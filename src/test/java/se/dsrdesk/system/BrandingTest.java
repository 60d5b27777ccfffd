package se.dsrdesk.system;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The public header's text colour on the controller's colour: WCAG 2.1 success criterion
 * 1.4.3 (Contrast, minimum, level AA) asks 4.5:1 for normal text, with the contrast ratio
 * and relative luminance as WCAG 2.1 defines them.
 */
class BrandingTest {

	@Nested
	class ContrastAsWcag21DefinesIt {

		@Test
		void blackOnWhiteIsTwentyOneToOne() {
			assertThat(Branding.contrast("#000000", "#ffffff")).isCloseTo(21.0, within(0.001));
			assertThat(Branding.contrast("#ffffff", "#000000")).isCloseTo(21.0, within(0.001));
		}

		@Test
		void aColourOnItselfIsOneToOne() {
			assertThat(Branding.contrast("#1f3a5f", "#1f3a5f")).isCloseTo(1.0, within(0.001));
		}

		@Test
		void knownPairsMatchPublishedRatios() {
			// DSR Desk's own blue, noted in app.css as 11.4:1 against white.
			assertThat(Branding.contrast("#ffffff", "#1f3a5f")).isCloseTo(11.48, within(0.01));
			// Gold is light: white on it has 1.4:1, black 15:1.
			assertThat(Branding.contrast("#ffffff", "#ffd700")).isCloseTo(1.40, within(0.01));
			assertThat(Branding.contrast("#000000", "#ffd700")).isCloseTo(14.97, within(0.01));
			// #767676 is the lightest grey with 4.5:1 on white (4.54:1).
			assertThat(Branding.contrast("#ffffff", "#767676")).isCloseTo(4.54, within(0.01));
		}

	}

	@Nested
	class TextColourSC143 {

		@Test
		void whiteTextOnADarkColour() {
			Branding branding = new Branding("", "#1F3A5F");
			assertThat(branding.background()).isEqualTo("#1f3a5f");
			assertThat(branding.text()).isEqualTo("#ffffff");
			assertThat(branding.darkText()).isFalse();
		}

		@Test
		void blackTextWhereWhiteWouldFallBelowFourAndAHalf() {
			Branding gold = new Branding("", "#ffd700");
			assertThat(gold.text()).isEqualTo("#000000");
			assertThat(gold.darkText()).isTrue();
			// Just below the line: #777777 has 4.48:1 with white, so black (4.69:1).
			assertThat(new Branding("", "#777").text()).isEqualTo("#000000");
			assertThat(new Branding("", "#767676").text()).isEqualTo("#ffffff");
		}

		@Test
		void theChosenTextAlwaysHasAtLeastFourAndAHalf() {
			for (int grey = 0; grey <= 255; grey += 5) {
				for (int hue = 0; hue < 3; hue++) {
					int[] rgb = { grey, grey, grey };
					rgb[hue] = 255 - grey;
					String colour = String.format("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
					Branding branding = new Branding("", colour);
					assertThat(Branding.contrast(branding.text(), branding.background())).as(colour)
						.isGreaterThanOrEqualTo(Branding.AA_CONTRAST);
				}
			}
		}

		@Test
		void shortHexIsExpanded() {
			assertThat(new Branding("", "#AbC").background()).isEqualTo("#aabbcc");
		}

		@Test
		void noColourMeansDsrDesksOwnHeader() {
			Branding none = new Branding(null, null);
			assertThat(none.hasColour()).isFalse();
			assertThat(none.hasLogo()).isFalse();
			assertThat(none.darkText()).isFalse();
			assertThatThrownBy(none::background).isInstanceOf(IllegalStateException.class);
		}

	}

}
