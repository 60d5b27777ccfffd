package se.dsrdesk.request.intake;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

import se.dsrdesk.request.intake.IntakeService.Confirmation;
import se.dsrdesk.request.intake.IntakeService.LinkState;
import se.dsrdesk.request.intake.IntakeService.StatusView;
import se.dsrdesk.request.attachment.AttachmentRefusedException;
import se.dsrdesk.request.message.PersonMessages;
import se.dsrdesk.request.Relationship;
import se.dsrdesk.request.representative.RepresentativeAuthority;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.RefusedException;

/**
 * The person's pages, without an account: the request form, the confirmation link, the
 * status page with withdrawal and a message (with a file) to us, and a new link when one
 * has expired. None of them opens a server session (the CSRF token lives in a cookie,
 * nothing is flashed), and each submission is rate-limited per client address.
 */
@Controller
@RequestMapping("/request")
class PublicRequestController {

	private final IntakeService intake;

	private final IntakeRateLimits limits;

	PublicRequestController(IntakeService intake, IntakeRateLimits limits) {
		this.intake = intake;
		this.limits = limits;
	}

	@InitBinder("requestForm")
	void allowRequestFields(WebDataBinder binder) {
		binder.setAllowedFields("type", "name", "email", "phone", "relationship", "description", "language", "truthful",
				"website", "forSomeoneElse", "subjectName", "subjectEmail", "authority", "postalAddress");
	}

	@InitBinder("statusMessageForm")
	void allowMessageFields(WebDataBinder binder) {
		binder.setAllowedFields("message");
	}

	@InitBinder("newLinkForm")
	void allowNewLinkFields(WebDataBinder binder) {
		binder.setAllowedFields("email");
	}

	@ModelAttribute("requestTypes")
	RequestType[] requestTypes() {
		return RequestType.values();
	}

	@ModelAttribute("authorities")
	RepresentativeAuthority[] authorities() {
		return RepresentativeAuthority.values();
	}

	@ModelAttribute("relationships")
	Relationship[] relationships() {
		return Relationship.values();
	}

	@GetMapping
	String form(Model model, Locale locale) {
		RequestForm form = new RequestForm();
		form.setLanguage(locale.getLanguage().equals("sv") ? "sv" : "en");
		model.addAttribute("requestForm", form);
		return "public/request/form";
	}

	@PostMapping
	String submit(@Valid @ModelAttribute("requestForm") RequestForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		// Only accepted submissions count toward the client's limit; a client past it is
		// refused on the form itself, which keeps what was typed.
		long blocked = this.limits.submitBlocked(request.getRemoteAddr());
		if (blocked > 0) {
			return tooManyOnForm(response, blocked, model, false);
		}
		if (form.isHoneypotFilled()) {
			// A robot: answer as if all went well, keep nothing (and count it).
			this.limits.submit(request.getRemoteAddr());
			return "redirect:/request/sent";
		}
		if (!result.hasFieldErrors("description") && form.needsDescription()
				&& (form.getDescription() == null || form.getDescription().isBlank())) {
			result.rejectValue("description", form.getType().contains(RequestType.OBJECTION)
					? "intake.description.required.OBJECTION" : "intake.description.required.RECTIFICATION");
		}
		form.representativeGaps().forEach((field, code) -> {
			if (!result.hasFieldErrors(field)) {
				result.rejectValue(field, code);
			}
		});
		if (result.hasErrors()) {
			return "public/request/form";
		}
		long recipientWait = this.limits.mailTo(form.getEmail());
		if (recipientWait > 0) {
			return tooManyOnForm(response, recipientWait, model, true);
		}
		long wait = this.limits.submit(request.getRemoteAddr());
		if (wait > 0) {
			return tooManyOnForm(response, wait, model, false);
		}
		this.intake.submit(form.toSubmission());
		return "redirect:/request/sent";
	}

	@GetMapping("/sent")
	String sent() {
		return "public/request/sent";
	}

	@GetMapping("/confirm")
	String confirmPage(@RequestParam(required = false) String token, Model model) {
		LinkState state = this.intake.inspect(token);
		if (state != LinkState.VALID) {
			return linkProblem(state, model);
		}
		model.addAttribute("token", token);
		return "public/request/confirm";
	}

	@PostMapping("/confirm")
	String confirm(@RequestParam(required = false) String token, Model model) {
		Confirmation confirmation = this.intake.confirm(token);
		if (!confirmation.confirmed()) {
			return linkProblem(confirmation.state(), model);
		}
		return "redirect:" + statusPath(confirmation.reference(), confirmation.statusToken()) + "?confirmed";
	}

	@GetMapping("/status/{reference}/{token}")
	String status(@PathVariable String reference, @PathVariable String token,
			@RequestParam(required = false) String confirmed, @RequestParam(required = false) String withdrawn,
			@RequestParam(required = false) String confirm, @RequestParam(required = false) String sent,
			@RequestParam(required = false) String refused, Model model) {
		model.addAttribute("justConfirmed", confirmed != null);
		model.addAttribute("justWithdrawn", withdrawn != null);
		model.addAttribute("justSent", sent != null);
		// ?confirm=withdraw: the confirmation step, open on the page without JavaScript
		model.addAttribute("confirmWithdraw", "withdraw".equals(confirm));
		// ?refused=tooLarge: a file over the servlet's limit (UploadTooLargeFilter)
		if ("tooLarge".equals(refused)) {
			model.addAttribute("fileError", "attachments.error.tooLarge");
		}
		model.addAttribute("statusMessageForm", new StatusMessageForm());
		return statusPage(this.intake.status(reference, token), reference, token, model);
	}

	/**
	 * A message (with a file, or a file alone) from the status page. The CSRF token comes
	 * in the address, as with the staff's uploads, so that it is checked before the body
	 * is read. A refused message comes back on the page with what was typed; only
	 * accepted ones count toward the limits.
	 */
	@PostMapping("/status/{reference}/{token}/message")
	String message(@PathVariable String reference, @PathVariable String token,
			@Valid @ModelAttribute("statusMessageForm") StatusMessageForm form, BindingResult result,
			@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		StatusView view = this.intake.status(reference, token);
		long requestId = view.request().getId();
		long blocked = this.limits.messageBlocked(request.getRemoteAddr(), requestId);
		if (blocked > 0) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(blocked));
			model.addAttribute("messageTooMany", true);
			return statusPage(view, reference, token, model);
		}
		boolean hasFile = file != null && !file.isEmpty();
		if (!result.hasFieldErrors("message") && form.isBlank() && !hasFile) {
			result.rejectValue("message", "intake.message.empty");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return statusPage(view, reference, token, model);
		}
		try {
			this.intake.sendMessage(reference, token, form.isBlank() ? null : form.getMessage(),
					hasFile ? file.getOriginalFilename() : null, hasFile ? file.getBytes() : null);
		}
		catch (AttachmentRefusedException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("fileError", ex.messageCode());
			return statusPage(view, reference, token, model);
		}
		catch (RefusedException ex) {
			response.setStatus(ex.httpStatus().value());
			model.addAttribute("messageError", ex.messageCode());
			return statusPage(view, reference, token, model);
		}
		this.limits.message(request.getRemoteAddr(), requestId);
		return "redirect:" + statusPath(reference, token) + "?sent#write";
	}

	private String statusPage(StatusView view, String reference, String token, Model model) {
		for (String flag : new String[] { "justConfirmed", "justWithdrawn", "justSent", "confirmWithdraw" }) {
			if (!model.containsAttribute(flag)) {
				model.addAttribute(flag, false);
			}
		}
		model.addAttribute("view", view);
		model.addAttribute("statusPath", statusPath(reference, token));
		model.addAttribute("messageMaxLength", PersonMessages.MAX_LENGTH);
		model.addAttribute("fileMaxMegabytes", this.intake.fileMaxMegabytes());
		return "public/request/status";
	}

	@PostMapping("/status/{reference}/{token}/withdraw")
	String withdraw(@PathVariable String reference, @PathVariable String token) {
		this.intake.withdraw(reference, token);
		return "redirect:" + statusPath(reference, token) + "?withdrawn";
	}

	@GetMapping("/new-link")
	String newLinkForm(Model model) {
		model.addAttribute("newLinkForm", new NewLinkForm());
		return "public/request/new-link";
	}

	@PostMapping("/new-link")
	String newLink(@Valid @ModelAttribute("newLinkForm") NewLinkForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response) {
		long wait = this.limits.newLink(request.getRemoteAddr());
		if (wait > 0) {
			return tooManyRequests(response, wait);
		}
		if (result.hasErrors()) {
			return "public/request/new-link";
		}
		// Beyond the address's mails for the day nothing is sent, and the page says the
		// same as always: it never tells whether an address has requests.
		if (this.limits.mailTo(form.getEmail()) == 0) {
			this.intake.sendNewLinks(form.getEmail());
		}
		return "redirect:/request/new-link/sent";
	}

	@GetMapping("/new-link/sent")
	String newLinkSent() {
		return "public/request/new-link-sent";
	}

	private String linkProblem(LinkState state, Model model) {
		model.addAttribute("problem", state.name());
		model.addAttribute("newLinkForm", new NewLinkForm());
		return "public/request/link-problem";
	}

	/** 429 on the form, with what was typed and why it was not sent. */
	private static String tooManyOnForm(HttpServletResponse response, long waitSeconds, Model model,
			boolean recipientLimit) {
		tooManyRequests(response, waitSeconds);
		model.addAttribute("tooMany", true);
		model.addAttribute("recipientLimit", recipientLimit);
		return "public/request/form";
	}

	private static String tooManyRequests(HttpServletResponse response, long waitSeconds) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
		return "public/request/too-many-requests";
	}

	private static String statusPath(String reference, String token) {
		return "/request/status/" + UriUtils.encodePathSegment(reference, "UTF-8") + "/"
				+ UriUtils.encodePathSegment(token, "UTF-8");
	}

}
