package se.dsrdesk.request.casefile;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.request.RequestService;

/**
 * Internal notes on a request's page, for case handlers. A note adds to the request
 * without changing it: no version to check.
 */
@Controller
class RequestNoteController {

	private final RequestService requests;

	private final RequestPage page;

	RequestNoteController(RequestService requests, RequestPage page) {
		this.requests = requests;
		this.page = page;
	}

	@InitBinder("noteForm")
	void allowFields(WebDataBinder binder) {
		binder.setAllowedFields("noteText");
	}

	@PostMapping("/staff/requests/{id:\\d+}/notes")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String addNote(@PathVariable long id, @Valid @ModelAttribute("noteForm") NoteForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect, "requestPage.done.noteAdded", null,
				() -> this.requests.addNote(id, form.getNoteText(), me.toActor()));
	}

}
