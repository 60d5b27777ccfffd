package se.dsrdesk.request.casefile;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.dsrdesk.account.StaffPrincipal;

/**
 * A request's page for staff ({@link RequestPage}). Case handlers and compliance officers
 * read it (an admin alone does not: least privilege); only case handlers act, through
 * {@link RequestStepController}, {@link RequestNoteController} and
 * {@link AnswerController}.
 */
@PreAuthorize("hasAnyRole('CASE_HANDLER', 'COMPLIANCE_OFFICER')")
@Controller
class RequestPageController {

	private final RequestPage page;

	RequestPageController(RequestPage page) {
		this.page = page;
	}

	@GetMapping("/staff/requests/{id:\\d+}")
	String show(@PathVariable long id, @RequestParam(required = false) String confirm,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		// ?confirm=withdraw or duplicate: the confirmation step of an irreversible
		// action, open on the
		// page (what the dialog shows with JavaScript)
		model.addAttribute("confirm", "withdraw".equals(confirm) || "duplicate".equals(confirm) ? confirm : null);
		String view = this.page.show(id, me, model);
		// Opening the page is what marks the person's news seen; API reads do not.
		this.page.markSeen(me, model);
		return view;
	}

}
