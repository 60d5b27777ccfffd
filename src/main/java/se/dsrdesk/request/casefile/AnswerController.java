package se.dsrdesk.request.casefile;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.refusal.RefusalWording;
import se.dsrdesk.request.refusal.RefusalWordingMissingException;
import se.dsrdesk.request.redaction.Redaction;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.TaskChecklist;
import se.dsrdesk.system.RefusedException;

/**
 * The answer letter that completes a request, for case handlers: composed from the task
 * outcomes in the request's language, reviewed and edited by staff, then sent as the
 * request is completed.
 */
@Controller
@RequestMapping("/staff/requests/{id:\\d+}/answer")
@PreAuthorize("hasRole('CASE_HANDLER')")
class AnswerController {

	static final String VIEW = "requests/answer";

	private final RequestService requests;

	private final RequestViews views;

	private final ObjectProvider<AnswerComposer> composers;

	private final RefusalWording refusalWording;

	AnswerController(RequestService requests, RequestViews views, ObjectProvider<AnswerComposer> composers,
			RefusalWording refusalWording) {
		this.requests = requests;
		this.views = views;
		this.composers = composers;
		this.refusalWording = refusalWording;
	}

	@InitBinder("answerForm")
	void allowFields(WebDataBinder binder) {
		binder.setAllowedFields("version", "answerText", "confirmRefusalWording", "lateReason");
	}

	/**
	 * The letter as composed, for staff to review and edit before it is sent.
	 */
	@GetMapping
	String draft(@PathVariable long id, Model model) {
		DsrRequest request = this.requests.get(id);
		AnswerForm form = new AnswerForm();
		form.setVersion(request.getVersion());
		AnswerComposer composer = this.composers.getIfAvailable();
		form.setAnswerText(
				(composer != null) ? composer.compose(id, Locale.forLanguageTag(request.getLanguage())) : "");
		model.addAttribute("answerForm", form);
		return page(request, model);
	}

	/**
	 * Sends the letter as edited and completes the request, in one transaction. Refused
	 * while a task is open or when someone else changed the request meanwhile; the letter
	 * is shown again as typed. A letter that refuses in part and no longer has the
	 * complaint or the court wording is held back with a warning until the handler
	 * confirms ({@link RefusalWording}).
	 */
	@PostMapping
	String answer(@PathVariable long id, @Valid @ModelAttribute("answerForm") AnswerForm form, BindingResult result,
			Model model, @AuthenticationPrincipal StaffPrincipal me, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				DsrRequest request = this.requests.get(id);
				this.refusalWording.check(id, Locale.forLanguageTag(request.getLanguage()), form.getAnswerText(),
						form.isConfirmRefusalWording());
				this.requests.answer(id, form.getVersion(), form.getAnswerText(), form.getLateReason(), me.toActor());
				redirect.addFlashAttribute("success",
						request.isAnsweredByPost()
								? ((request.getPostalAddress() != null) ? "answer.sent.post" : "answer.sent.noAddress")
								: "answer.sent");
				return "redirect:/staff/requests/" + id;
			}
			catch (RefusalWordingMissingException ex) {
				ex.rejectOn(result);
				model.addAttribute("refusalWordingMissing", ex.missing());
			}
			catch (RefusedException | ObjectOptimisticLockingFailureException ex) {
				RequestPage.refuse(ex, result, response);
			}
		}
		return page(this.requests.get(id), model);
	}

	private String page(DsrRequest request, Model model) {
		model.addAttribute("request", request);
		model.addAttribute("openTasks",
				this.views.checklist(request.getId()).stream().filter(TaskChecklist.Item::isOpen).count());
		model.addAttribute("maxLetter", AnswerForm.MAX_LETTER);
		model.addAttribute("identityMissing", this.requests.needsIdentityCheck(request.getId()));
		model.addAttribute("authorityMissing", this.requests.needsAuthorityCheck(request.getId()));
		model.addAttribute("late", this.requests.answerIsLate(request.getId()));
		model.addAttribute("marker", Redaction.marker(Locale.forLanguageTag(request.getLanguage())));
		AnswerForm form = (AnswerForm) model.getAttribute("answerForm");
		model.addAttribute("masks", Redaction.count((form != null) ? form.getAnswerText() : null));
		return VIEW;
	}

}
