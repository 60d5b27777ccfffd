package se.dsrdesk.policy;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import se.dsrdesk.request.RequestRetention;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.NotFoundException;

/**
 * The privacy policy: the version in force, the versions announced with their dates and
 * what they change, and the earlier versions. Before the first published version, the
 * configurable text is in force: {@code policy_sv.txt} and {@code policy_en.txt} under
 * {@code dsr.policy.text-location}. In all texts a line that starts with {@code # } is a
 * heading, blank lines separate paragraphs, and {@code {controller}}, {@code {address}},
 * {@code {privacyEmail}} and {@code {authority}} are replaced with the controller's
 * details. The text is shown as text, never as HTML. The page also states how long DSR
 * Desk keeps a closed request ({@code dsr.retention.closed-requests}). Also the page
 * where a person stops the notices of policy changes.
 */
@Controller
class PrivacyPolicyController {

	private final ResourceLoader resources;

	private final PolicyProperties properties;

	private final ControllerIdentity controller;

	private final PolicyService policies;

	private final NoticeOptOuts optOuts;

	private final RequestRetention retention;

	PrivacyPolicyController(ResourceLoader resources, PolicyProperties properties, ControllerIdentity controller,
			PolicyService policies, NoticeOptOuts optOuts, RequestRetention retention) {
		this.retention = retention;
		this.resources = resources;
		this.properties = properties;
		this.controller = controller;
		this.policies = policies;
		this.optOuts = optOuts;
	}

	@GetMapping("/privacy")
	String privacy(Locale locale, Model model) throws IOException {
		PolicyService.Overview overview = this.policies.overview();
		String text = overview.current().isPresent() ? overview.current().get().text(locale) : builtInText(locale);
		model.addAttribute("current", overview.current().orElse(null));
		model.addAttribute("upcoming", overview.upcoming());
		model.addAttribute("history", overview.history());
		model.addAttribute("blocks", blocks(text, locale));
		model.addAttribute("retentionYears", this.retention.period().toTotalMonths() / 12.0);
		return "public/privacy";
	}

	@GetMapping("/privacy/versions/{id}")
	String version(@PathVariable long id, Locale locale, Model model) {
		PolicyVersion version = this.policies.get(id);
		model.addAttribute("version", version);
		model.addAttribute("blocks", blocks(version.text(locale), locale));
		return "public/privacy-version";
	}

	@GetMapping("/privacy/notices/opt-out/{token}")
	String optOutPage(@PathVariable String token, Model model) {
		checkToken(token);
		model.addAttribute("token", token);
		model.addAttribute("done", this.optOuts.isOptedOut(token));
		return "public/policy-opt-out";
	}

	/**
	 * Opting out takes a click on the page, so that a mail scanner that follows the link
	 * does not opt the person out.
	 */
	@PostMapping("/privacy/notices/opt-out/{token}")
	String optOut(@PathVariable String token, Model model) {
		checkToken(token);
		this.optOuts.optOut(token);
		model.addAttribute("token", token);
		model.addAttribute("done", true);
		return "public/policy-opt-out";
	}

	private static void checkToken(String token) {
		if (!NoticeOptOuts.wellFormed(token)) {
			throw new NotFoundException("Opt-out link");
		}
	}

	private String builtInText(Locale locale) throws IOException {
		String language = locale.getLanguage().equals("sv") ? "sv" : "en";
		Resource resource = this.resources.getResource(this.properties.textLocation() + "policy_" + language + ".txt");
		if (!resource.exists()) {
			throw new NotFoundException("Privacy policy");
		}
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private List<Block> blocks(String text, Locale locale) {
		String filled = text.replace("{controller}", this.controller.name())
			.replace("{address}", this.controller.addressLine(locale))
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
