package se.dsrdesk.request.retention;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.request.RequestRetention;

/**
 * A request's retention page: when its personal data is purged, and the legal-claims hold
 * that case handlers place and lift.
 */
@PreAuthorize("hasAnyRole('CASE_HANDLER', 'COMPLIANCE_OFFICER')")
@Controller
class RetentionController {

	private final RequestRetention holds;

	RetentionController(RequestRetention holds) {
		this.holds = holds;
	}

	@GetMapping("/staff/requests/{id:\\d+}/retention")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("retention", this.holds.of(id));
		return "requests/retention";
	}

	@PostMapping("/staff/requests/{id:\\d+}/legal-hold")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String place(@PathVariable long id, @RequestParam(defaultValue = "") String ground,
			@AuthenticationPrincipal StaffPrincipal user, Model model, RedirectAttributes redirect) {
		if (ground.isBlank() || ground.length() > RequestRetention.MAX_GROUND) {
			model.addAttribute("retention", this.holds.of(id));
			model.addAttribute("groundError", ground.isBlank() ? "validation.required" : "retention.ground.tooLong");
			model.addAttribute("ground", ground);
			return "requests/retention";
		}
		if (this.holds.of(id).purgedAt() != null) {
			redirect.addFlashAttribute("failure", "retention.alreadyPurged");
			return "redirect:/staff/requests/" + id + "/retention";
		}
		this.holds.place(id, ground, user.toActor());
		redirect.addFlashAttribute("success", "retention.held");
		return "redirect:/staff/requests/" + id + "/retention";
	}

	@PostMapping("/staff/requests/{id:\\d+}/legal-hold/lift")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String lift(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal user, RedirectAttributes redirect) {
		this.holds.lift(id, user.toActor());
		redirect.addFlashAttribute("success", "retention.lifted");
		return "redirect:/staff/requests/" + id + "/retention";
	}

}
