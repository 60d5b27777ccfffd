package se.dsrdesk.location.task;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.location.RestrictionHold;
import se.dsrdesk.location.RestrictionHolds;
import se.dsrdesk.location.RestrictionRefusedException;
import se.dsrdesk.request.RequestService;

/**
 * A restriction of processing in force at a location (Art. 18) and its lifting: the
 * letter to the person first, by mail or recorded as posted (Art. 18(3)), then the lift.
 * All staff can read it (the dashboard links here); case handlers and admins act.
 */
@Controller
@PreAuthorize("hasAnyRole('CASE_HANDLER', 'COMPLIANCE_OFFICER')")
class RestrictionController {

	private final RestrictionHolds restrictions;

	private final RequestService requests;

	RestrictionController(RestrictionHolds restrictions, RequestService requests) {
		this.restrictions = restrictions;
		this.requests = requests;
	}

	@InitBinder("noticeForm")
	void allowNoticeFields(WebDataBinder binder) {
		binder.setAllowedFields("reason", "postedOn", "version");
	}

	@GetMapping("/staff/restrictions/{id}")
	String show(@PathVariable long id, Model model) {
		RestrictionHold hold = this.restrictions.get(id);
		RestrictionNoticeForm form = new RestrictionNoticeForm();
		form.setVersion(hold.getVersion());
		model.addAttribute("noticeForm", form);
		return page(hold, model);
	}

	@PostMapping("/staff/restrictions/{id}/tell")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String tell(@PathVariable long id, @ModelAttribute("noticeForm") RestrictionNoticeForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				RestrictionHold told = this.restrictions.tellByMail(id, form.getVersion(), form.getReason(),
						me.toActor());
				// Without an email address the letter waits to be posted (Art. 18(3)).
				redirect.addFlashAttribute("success",
						told.isPersonTold() ? "restriction.told.mail" : "restriction.told.letter");
				return "redirect:/staff/restrictions/" + id;
			}
			catch (RestrictionRefusedException ex) {
				ex.rejectOn(result);
			}
		}
		return page(this.restrictions.get(id), model);
	}

	@PostMapping("/staff/restrictions/{id}/posted")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String posted(@PathVariable long id, @ModelAttribute("noticeForm") RestrictionNoticeForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.restrictions.recordPosted(id, form.getVersion(), form.getReason(), form.getPostedOn(),
						me.toActor());
				redirect.addFlashAttribute("success", "restriction.told.post");
				return "redirect:/staff/restrictions/" + id;
			}
			catch (RestrictionRefusedException ex) {
				ex.rejectOn(result);
			}
		}
		return page(this.restrictions.get(id), model);
	}

	@PostMapping("/staff/restrictions/{id}/lift")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String lift(@PathVariable long id, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		try {
			this.restrictions.lift(id, version, me.toActor());
			redirect.addFlashAttribute("success", "restriction.lifted");
		}
		catch (RestrictionRefusedException ex) {
			// Art. 18(3): not before the person is told; or lifted already.
			redirect.addFlashAttribute("failure", ex.messageCode());
		}
		return "redirect:/staff/restrictions/" + id;
	}

	private String page(RestrictionHold hold, Model model) {
		model.addAttribute("hold", hold);
		model.addAttribute("request", this.requests.get(hold.getRequestId()));
		return "tasks/restriction";
	}

}
