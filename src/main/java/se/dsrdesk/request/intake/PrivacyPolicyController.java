package se.dsrdesk.request.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.NotFoundException;

/**
 * The privacy policy, from configurable text: {@code policy_sv.txt} and
 * {@code policy_en.txt} under {@code dsr.intake.privacy-policy-location}. A line that
 * starts with {@code # } is a heading, blank lines separate paragraphs, and
 * {@code {controller}}, {@code {address}}, {@code {privacyEmail}} and {@code {authority}}
 * are replaced with the controller's details. The text is shown as text, never as HTML.
 */
@Controller
class PrivacyPolicyController {

	private final ResourceLoader resources;

	private final IntakeProperties properties;

	private final ControllerIdentity controller;

	PrivacyPolicyController(ResourceLoader resources, IntakeProperties properties, ControllerIdentity controller) {
		this.resources = resources;
		this.properties = properties;
		this.controller = controller;
	}

	@GetMapping("/privacy")
	String privacy(Locale locale, Model model) throws IOException {
		String language = locale.getLanguage().equals("sv") ? "sv" : "en";
		Resource resource = this.resources
			.getResource(this.properties.privacyPolicyLocation() + "policy_" + language + ".txt");
		if (!resource.exists()) {
			throw new NotFoundException("Privacy policy");
		}
		String text;
		try (InputStream in = resource.getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		model.addAttribute("blocks", blocks(text));
		return "public/privacy";
	}

	private List<Block> blocks(String text) {
		String filled = text.replace("{controller}", this.controller.name())
			.replace("{address}", this.controller.addressLine())
			.replace("{privacyEmail}", this.controller.privacyEmail())
			.replace("{authority}", this.controller.supervisoryAuthority());
		List<Block> blocks = new ArrayList<>();
		for (String paragraph : filled.replace("\r\n", "\n").split("\n\\s*\n")) {
			String trimmed = paragraph.strip();
			if (trimmed.startsWith("# ")) {
				blocks.add(new Block(true, trimmed.substring(2).strip()));
			}
			else if (!trimmed.isEmpty()) {
				blocks.add(new Block(false, trimmed.replaceAll("\\s*\n\\s*", " ")));
			}
		}
		return blocks;
	}

	/**
	 * A heading or a paragraph.
	 *
	 * @param heading whether it is a heading
	 * @param text its text
	 */
	record Block(boolean heading, String text) {

	}

}
