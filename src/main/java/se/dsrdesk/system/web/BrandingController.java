package se.dsrdesk.system.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import se.dsrdesk.system.Branding;

/**
 * The controller's logo and header colour for the public pages, from the application's
 * own origin: the Content Security Policy allows images and style sheets from nowhere
 * else, and no inline styles. Anyone may read them; without the setting, 404.
 */
@Controller
class BrandingController {

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

	private final Branding branding;

	private final ResourceLoader resources;

	BrandingController(Branding branding, ResourceLoader resources) {
		this.branding = branding;
		this.resources = resources;
	}

	/**
	 * The public header in the controller's colour, its text white or black as
	 * {@link Branding#text()} decides.
	 * @return the style sheet, 404 when no colour is set
	 */
	@GetMapping("/brand/colours.css")
	ResponseEntity<String> colours() {
		if (!this.branding.hasColour()) {
			return ResponseEntity.notFound().build();
		}
		String background = this.branding.background();
		String text = this.branding.text();
		String css = """
				/* The controller's colour (dsr.branding.colour) with the text colour that has at least 4.5:1 on it. */
				.navbar.brand-public {
				  background-color: %1$s;
				  --bs-navbar-color: %2$s;
				  --bs-navbar-hover-color: %2$s;
				  --bs-navbar-active-color: %2$s;
				  --bs-navbar-brand-color: %2$s;
				  --bs-navbar-brand-hover-color: %2$s;
				}
				.navbar.brand-public .navbar-brand,
				.navbar.brand-public .nav-link {
				  color: %2$s;
				}
				""".formatted(background, text);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
			.cacheControl(CACHE)
			.body(css);
	}

	/**
	 * The controller's logo, with the content type its file name says.
	 * @return the file, 404 when none is set or it cannot be read
	 */
	@GetMapping("/brand/logo")
	ResponseEntity<Resource> logo() {
		if (!this.branding.hasLogo()) {
			return ResponseEntity.notFound().build();
		}
		Resource logo = this.resources.getResource(this.branding.logo());
		if (!logo.isReadable()) {
			return ResponseEntity.notFound().build();
		}
		MediaType type = MediaTypeFactory.getMediaType(logo).orElse(MediaType.APPLICATION_OCTET_STREAM);
		return ResponseEntity.ok().contentType(type).cacheControl(CACHE).body(logo);
	}

}
