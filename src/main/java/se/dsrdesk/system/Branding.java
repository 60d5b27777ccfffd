package se.dsrdesk.system;

import java.util.Locale;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the public pages look as the controller's own: a logo before the controller's name
 * in the header, and the header's colour. Both optional; without them the header is DSR
 * Desk's dark blue with the name alone. The text on the colour is white when white has
 * the 4.5:1 contrast WCAG 2.1 AA asks of text (1.4.3), and black otherwise, computed here
 * rather than left to whoever sets the colour.
 *
 * @param logo where the logo file is, as a Spring resource location such as
 * {@code file:/etc/dsrdesk/logo.png} (PNG, SVG, JPEG or WebP); served at
 * {@code /brand/logo}, so that the pages need no other origin; empty for none
 * @param colour the public header's background, {@code #rrggbb} or {@code #rgb}; empty
 * for DSR Desk's dark blue
 */
@Validated
@ConfigurationProperties("dsr.branding")
public record Branding(@DefaultValue("") String logo,
		@DefaultValue("") @Pattern(regexp = "|#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}",
				message = "must be a hex colour such as #1f3a5f (or empty)") String colour) {

	/** White and black, the two text colours the header chooses from. */
	static final String WHITE = "#ffffff";

	static final String BLACK = "#000000";

	/** WCAG 2.1 AA's contrast for normal text (1.4.3). */
	static final double AA_CONTRAST = 4.5;

	public Branding {
		logo = (logo != null) ? logo.strip() : "";
		colour = (colour != null) ? colour.strip() : "";
	}

	/**
	 * Whether a logo is set.
	 * @return {@code true} when the header shows {@code /brand/logo}
	 */
	public boolean hasLogo() {
		return !this.logo.isEmpty();
	}

	/**
	 * Whether a colour is set.
	 * @return {@code true} when the public header takes {@link #background()}
	 */
	public boolean hasColour() {
		return !this.colour.isEmpty();
	}

	/**
	 * The header's colour as six lower-case hex digits.
	 * @return {@code #rrggbb}
	 * @throws IllegalStateException when no colour is set
	 */
	public String background() {
		if (!hasColour()) {
			throw new IllegalStateException("No colour is set");
		}
		String hex = this.colour.substring(1).toLowerCase(Locale.ROOT);
		if (hex.length() == 3) {
			hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
		}
		return "#" + hex;
	}

	/**
	 * The text colour on the header: white where it has at least 4.5:1 against the
	 * colour, black otherwise (then black has more than 4.6:1, as the two contrasts
	 * multiply to 21).
	 * @return {@code #ffffff} or {@code #000000}
	 */
	public String text() {
		return (contrast(WHITE, background()) >= AA_CONTRAST) ? WHITE : BLACK;
	}

	/**
	 * Whether the header's text is dark, for the navigation bar's light or dark variant.
	 * @return {@code true} when {@link #text()} is black
	 */
	public boolean darkText() {
		return hasColour() && BLACK.equals(text());
	}

	/**
	 * The contrast ratio of two colours as WCAG 2.1 defines it: (L1 + 0.05) / (L2 + 0.05)
	 * of their relative luminances, the lighter one first.
	 * @param first {@code #rrggbb}
	 * @param second {@code #rrggbb}
	 * @return from 1 (the same) to 21 (black on white)
	 */
	static double contrast(String first, String second) {
		double a = luminance(first);
		double b = luminance(second);
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	}

	/** WCAG 2.1's relative luminance of an sRGB colour {@code #rrggbb}. */
	static double luminance(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		return 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff) + 0.0722 * linear(rgb & 0xff);
	}

	private static double linear(int channel) {
		double c = channel / 255.0;
		return (c <= 0.04045) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

}
