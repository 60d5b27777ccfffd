package se.dsrdesk.request.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.request.rules.ReceiptDate;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.representative.RepresentativeAuthority;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.PlainText;

/**
 * Case handlers register a request that arrived some other way than the public form: by
 * email, letter, phone or in person. The deadline counts from when it actually arrived,
 * which may be days before it is registered. The request starts as NEW (no email to
 * confirm) and its receipt is audited by {@link RequestAuditor}.
 */
@Controller
@RequestMapping("/staff/requests/new")
@PreAuthorize("hasRole('CASE_HANDLER')")
class RegisterRequestController {

	/** The channels staff register; the web form registers itself. */
	static final List<Channel> CHANNELS = Arrays.stream(Channel.values()).filter((c) -> c != Channel.WEB).toList();

	private final RequestService requests;

	private final ControllerIdentity controller;

	private final Clock clock;

	RegisterRequestController(RequestService requests, ControllerIdentity controller, Clock clock) {
		this.requests = requests;
		this.controller = controller;
		this.clock = clock;
	}

	@InitBinder("registerRequestForm")
	void allowFields(WebDataBinder binder) {
		binder.setAllowedFields("channel", "receivedAt", "type", "name", "email", "phone", "language", "description",
				"otherTypes", "representativeName", "representativeEmail", "representativeAuthority", "postalAddress",
				"acknowledge", "skipReason");
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("channels", CHANNELS);
		model.addAttribute("requestTypes", RequestType.values());
		model.addAttribute("authorities", RepresentativeAuthority.values());
	}

	@GetMapping
	String form(Model model) {
		RegisterRequestForm form = new RegisterRequestForm();
		form.setReceivedAt(now().toString());
		model.addAttribute("registerRequestForm", form);
		model.addAttribute("latest", now().toString());
		return "requests/register";
	}

	@PostMapping
	String register(@Valid @ModelAttribute("registerRequestForm") RegisterRequestForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal handler, Model model, RedirectAttributes redirect) {
		Instant receivedAt = receivedAt(form, result);
		if (form.getChannel() == Channel.WEB) {
			result.rejectValue("channel", "register.channel.required");
		}
		String[] gap = form.representativeGap();
		if (gap != null && !result.hasFieldErrors(gap[0])) {
			result.rejectValue(gap[0], gap[1]);
		}
		if (form.postalAddressMissing() && !result.hasFieldErrors("postalAddress")) {
			result.rejectValue("postalAddress", "register.postalAddress.required");
		}
		if (form.skipReasonMissing() && !result.hasFieldErrors("skipReason")) {
			result.rejectValue("skipReason", "register.skipReason.required");
		}
		if (result.hasErrors()) {
			model.addAttribute("latest", now().toString());
			return "requests/register";
		}
		DsrRequest request = this.requests
			.registerByStaff(
					new NewRequest(form.getName().strip(), PlainText.blankToNull(form.getEmail()),
							PlainText.blankToNull(form.getPhone()), form.getLanguage(), form.getType(),
							form.getChannel(), PlainText.blankToNull(form.getDescription()), receivedAt),
					form.getOtherTypes(), form.representative(), PlainText.blankToNull(form.getPostalAddress()),
					form.skipReasonOrNull(), handler.toActor())
			.get(0);
		redirect.addFlashAttribute("success", acknowledgedMessage(form, request));
		return "redirect:/staff/requests/" + request.getId();
	}

	/**
	 * What the page says: whether the acknowledgement was mailed, stored as a letter to
	 * post, or not sent.
	 */
	static String acknowledgedMessage(RegisterRequestForm form, DsrRequest request) {
		if (!form.isAcknowledge()) {
			return "register.saved.notAcknowledged";
		}
		return (request.correspondentEmail() != null) ? "register.saved.acknowledged"
				: "register.saved.acknowledgedByPost";
	}

	/**
	 * The arrival time as an instant: a local date and time in the controller's time
	 * zone, not after now. In a daylight-saving gap or overlap, Java takes the later
	 * offset.
	 */
	private Instant receivedAt(RegisterRequestForm form, BindingResult result) {
		if (result.hasFieldErrors("receivedAt")) {
			return null;
		}
		try {
			Instant instant = LocalDateTime.parse(form.getReceivedAt().strip()).atZone(zone()).toInstant();
			Optional<String> refusal = ReceiptDate.refusal(instant, this.clock.instant(), zone());
			if (refusal.isPresent()) {
				result.rejectValue("receivedAt", refusal.get());
				return null;
			}
			return instant;
		}
		catch (DateTimeParseException ex) {
			result.rejectValue("receivedAt", "register.receivedAt.invalid");
			return null;
		}
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), zone()).truncatedTo(ChronoUnit.MINUTES);
	}

	private ZoneId zone() {
		return this.controller.timeZone();
	}

}
