package se.dsrdesk.policy.admin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.policy.PolicyNotices;
import se.dsrdesk.policy.PolicyRefusedException;
import se.dsrdesk.policy.PolicyService;
import se.dsrdesk.policy.PolicyVersion;
import se.dsrdesk.system.CsvDownload;

/**
 * Admins publish versions of the privacy policy, follow the notices of a material change
 * (queued, sent, failed) and download the list of recipients to send the notice through
 * another tool instead.
 */
@Controller
@RequestMapping("/staff/admin/policy")
@PreAuthorize("hasRole('ADMIN')")
class PolicyAdminController {

	private final PolicyService policies;

	private final PolicyNotices notices;

	PolicyAdminController(PolicyService policies, PolicyNotices notices) {
		this.policies = policies;
		this.notices = notices;
	}

	@InitBinder("policyForm")
	void allowFields(WebDataBinder binder) {
		binder.setAllowedFields("effectiveOn", "material", "summarySv", "summaryEn", "textSv", "textEn");
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("versions", this.policies.all());
		return "admin/policy/list";
	}

	@GetMapping("/new")
	String newVersion(Model model) {
		model.addAttribute("policyForm", new PolicyForm());
		return showForm(model);
	}

	@PostMapping
	String publish(@Valid @ModelAttribute("policyForm") PolicyForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal admin, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showForm(model);
		}
		try {
			PolicyVersion version = this.policies.publish(form.toDraft(), admin.toActor());
			redirect.addFlashAttribute("success", "policy.published");
			return "redirect:/staff/admin/policy/" + version.getId();
		}
		catch (PolicyRefusedException ex) {
			result.rejectValue("effectiveOn", ex.messageCode(), ex.arguments(), ex.messageCode());
			return showForm(model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		PolicyVersion version = this.policies.get(id);
		model.addAttribute("version", version);
		model.addAttribute("progress", version.isMaterial() ? this.notices.progress(version) : null);
		return "admin/policy/show";
	}

	/**
	 * Everyone the notices go to, for sending them through another tool: address and
	 * language, one person per row, without those who opted out.
	 */
	@GetMapping("/{id}/recipients.csv")
	void recipients(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal admin, HttpServletResponse response)
			throws IOException {
		PolicyVersion version = this.policies.get(id);
		CsvDownload csv = CsvDownload.start(response, "policy-notice-" + version.getEffectiveOn() + ".csv");
		csv.row("email", "language");
		IOException[] failure = new IOException[1];
		this.notices.recipients(version, admin.toActor(), (recipient) -> {
			if (failure[0] == null) {
				try {
					csv.row(recipient.person().email(), recipient.person().language().getLanguage());
				}
				catch (IOException ex) {
					failure[0] = ex;
				}
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		csv.flush();
	}

	private String showForm(Model model) {
		model.addAttribute("noticeDays", this.policies.noticeDays());
		model.addAttribute("earliestMaterialDate", this.policies.earliestMaterialDate());
		return "admin/policy/new";
	}

}
