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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.request.RequestAction;
import se.dsrdesk.request.IncomingReplies;
import se.dsrdesk.request.RequestService;

/**
 * The workflow's steps on a request's page, for case handlers: each binds its own form,
 * checked with Bean Validation, and runs the step in {@link RequestService}, which also
 * sends the step's letter.
 */
@Controller
@RequestMapping("/staff/requests/{id:\\d+}")
@PreAuthorize("hasRole('CASE_HANDLER')")
class RequestStepController {

	private final RequestService requests;

	private final RequestPage page;

	RequestStepController(RequestService requests, RequestPage page) {
		this.requests = requests;
		this.page = page;
	}

	@InitBinder({ "versionForm", "assignForm", "identityForm", "authorityForm", "informationForm", "extendForm",
			"rejectForm", "delayForm", "extensionPostedForm", "duplicateForm", "replyResumeForm" })
	void allowFields(WebDataBinder binder) {
		binder.setAllowedFields(switch (binder.getObjectName()) {
			case "assignForm" -> new String[] { "version", "assigneeId" };
			case "identityForm" -> new String[] { "version", "identityMethod", "identityNote" };
			case "authorityForm" -> new String[] { "version", "authorityNote" };
			case "informationForm" -> new String[] { "version", "pauseGround", "information", "justification" };
			case "extendForm" -> new String[] { "version", "extensionMonths", "extensionReason" };
			case "rejectForm" -> new String[] { "version", "rejectionGround", "rejectionReasons", "lateReason" };
			case "delayForm" -> new String[] { "version", "delayReason", "expectedOn" };
			case "extensionPostedForm" -> new String[] { "version", "postedOn" };
			case "duplicateForm" -> new String[] { "version", "duplicateOf", "tellPerson" };
			case "replyResumeForm" -> new String[] { "version", "reply" };
			default -> new String[] { "version" };
		});
	}

	@PostMapping("/assign")
	String assign(@PathVariable long id, @Valid @ModelAttribute("assignForm") AssignForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect, "requestPage.done.assigned",
				RequestAction.ASSIGNED,
				() -> this.requests.assign(id, form.getVersion(), form.getAssigneeId(), me.toActor()));
	}

	@PostMapping("/start")
	String start(@PathVariable long id, @ModelAttribute("versionForm") VersionForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect, "requestPage.done.started",
				RequestAction.STARTED, () -> this.requests.startWork(id, form.getVersion(), me.toActor()));
	}

	@PostMapping("/identity")
	String verifyIdentity(@PathVariable long id, @Valid @ModelAttribute("identityForm") IdentityForm form,
			BindingResult result, @AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect, "requestPage.done.identityVerified",
				RequestAction.IDENTITY_VERIFIED, () -> this.requests.verifyIdentity(id, form.getVersion(),
						form.getIdentityMethod(), form.getIdentityNote(), me.toActor()));
	}

	@PostMapping("/authority")
	String verifyAuthority(@PathVariable long id, @Valid @ModelAttribute("authorityForm") AuthorityForm form,
			BindingResult result, @AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect, "requestPage.done.authorityVerified",
				RequestAction.AUTHORITY_VERIFIED,
				() -> this.requests.verifyAuthority(id, form.getVersion(), form.getAuthorityNote(), me.toActor()));
	}

	@PostMapping("/information")
	String askForInformation(@PathVariable long id, @Valid @ModelAttribute("informationForm") InformationForm form,
			BindingResult result, @AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect,
				this.page.toldMessage(id, "requestPage.done.paused"), RequestAction.PAUSED,
				() -> this.requests.pause(id, form.getVersion(), form.getPauseGround(), form.getInformation(),
						form.getJustification(), me.toActor()));
	}

	@PostMapping("/resume")
	String resume(@PathVariable long id, @ModelAttribute("versionForm") VersionForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect, "requestPage.done.resumed",
				RequestAction.RESUMED, () -> this.requests.resume(id, form.getVersion(), me.toActor()));
	}

	/**
	 * Resumes the clock on the day the person's reply was received (GDPR Art. 12(3)), not
	 * the day a case handler read it.
	 */
	@PostMapping("/resume-at-reply")
	String resumeAtReply(@PathVariable long id, @Valid @ModelAttribute("replyResumeForm") ReplyResumeForm form,
			BindingResult result, @AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect, "requestPage.done.resumedAtReply",
				RequestAction.RESUMED, () -> {
					IncomingReplies.Reply reply = this.page.reply(id, form.getReply());
					this.requests.resumeAtReceipt(id, form.getVersion(), reply.receivedAt(), me.toActor());
				});
	}

	@PostMapping("/extend")
	String extend(@PathVariable long id, @Valid @ModelAttribute("extendForm") ExtendForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect,
				this.page.toldMessage(id, "requestPage.done.extended"), RequestAction.EXTENDED, () -> this.requests
					.extend(id, form.getVersion(), form.getExtensionMonths(), form.getExtensionReason(), me.toActor()));
	}

	@PostMapping("/extension-posted")
	String extensionPosted(@PathVariable long id,
			@Valid @ModelAttribute("extensionPostedForm") ExtensionPostedForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect, "requestPage.done.extensionPosted",
				RequestAction.EXTENSION_POSTED,
				() -> this.requests.recordExtensionPosted(id, form.getVersion(), form.getPostedOn(), me.toActor()));
	}

	@PostMapping("/delay")
	String announceDelay(@PathVariable long id, @Valid @ModelAttribute("delayForm") DelayForm form,
			BindingResult result, @AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect,
				this.page.toldMessage(id, "requestPage.done.delayAnnounced"), RequestAction.DELAY_ANNOUNCED,
				() -> this.requests.announceDelay(id, form.getVersion(), form.getDelayReason(), form.getExpectedOn(),
						me.toActor()));
	}

	@PostMapping("/reject")
	String reject(@PathVariable long id, @Valid @ModelAttribute("rejectForm") RejectForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect,
				this.page.toldMessage(id, "requestPage.done.rejected"), RequestAction.REJECTED,
				() -> this.requests.reject(id, form.getVersion(), form.getRejectionGround(), form.getRejectionReasons(),
						form.getLateReason(), me.toActor()));
	}

	@PostMapping("/withdraw")
	String withdraw(@PathVariable long id, @ModelAttribute("versionForm") VersionForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect, "requestPage.done.withdrawn",
				RequestAction.WITHDRAWN, () -> this.requests.withdraw(id, form.getVersion(), me.toActor()));
	}

	@PostMapping("/duplicate")
	String closeAsDuplicate(@PathVariable long id, @Valid @ModelAttribute("duplicateForm") DuplicateForm form,
			BindingResult result, @AuthenticationPrincipal StaffPrincipal me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.page.act(id, result, me, model, response, redirect,
				form.isTellPerson() ? this.page.toldMessage(id, "requestPage.done.duplicateTold")
						: "requestPage.done.duplicate",
				RequestAction.CLOSED_AS_DUPLICATE, () -> this.requests.closeAsDuplicate(id, form.getVersion(),
						form.getDuplicateOf(), form.isTellPerson(), me.toActor()));
	}

}
