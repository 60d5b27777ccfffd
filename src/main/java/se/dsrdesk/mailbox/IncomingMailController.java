package se.dsrdesk.mailbox;

import java.time.Clock;
import java.time.Duration;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.mailbox.IncomingMails.Detail;
import se.dsrdesk.mailbox.PrivacyInboxWatcher.Status;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.RefusedException;
import se.dsrdesk.system.PlainText;

/**
 * Incoming mail ({@code /staff/incoming-mail}), for case handlers: the privacy inbox's
 * mails that wait for someone, oldest first, and each one's page with its text and three
 * actions, each its own form: register a request (prefilled from the mail), attach it to
 * an existing request as the person's reply, or dismiss it. A mail handled meanwhile (a
 * second click, a colleague) is refused with a message. The list also says how new mail
 * reaches it on this instance: watched (IMAP IDLE), reconnecting, or polled only.
 */
@Controller
@RequestMapping(IncomingMailController.PATH)
@PreAuthorize("hasRole('CASE_HANDLER')")
class IncomingMailController {

	static final String PATH = "/staff/incoming-mail";

	private final IncomingMails incoming;

	private final MailboxProperties mailboxes;

	private final PrivacyInboxWatcher watcher;

	private final PrivacyInboxProperties settings;

	private final Clock clock;

	IncomingMailController(IncomingMails incoming, MailboxProperties mailboxes, PrivacyInboxWatcher watcher,
			PrivacyInboxProperties settings, Clock clock) {
		this.incoming = incoming;
		this.mailboxes = mailboxes;
		this.watcher = watcher;
		this.settings = settings;
		this.clock = clock;
	}

	@InitBinder("registerForm")
	void registerFields(WebDataBinder binder) {
		binder.setAllowedFields("type", "name", "email", "language", "description", "acknowledge", "skipReason");
	}

	@InitBinder("attachForm")
	void attachFields(WebDataBinder binder) {
		binder.setAllowedFields("reference");
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		int shown = Math.max(0, Math.min(page, 100_000));
		var mails = this.incoming.waiting(shown);
		model.addAttribute("mails", mails.subList(0, Math.min(mails.size(), IncomingMails.PAGE_SIZE)));
		model.addAttribute("page", shown);
		model.addAttribute("hasNext", mails.size() > IncomingMails.PAGE_SIZE);
		model.addAttribute("configured", this.mailboxes.privacyInbox().isPresent());
		Status watching = this.watcher.status();
		model.addAttribute("watcher", watching);
		model.addAttribute("pollMinutes", Math.max(1, ceilDiv(this.settings.pollInterval().toSeconds(), 60)));
		if (watching.nextAttempt() != null) {
			model.addAttribute("retryInSeconds", Math.max(1,
					ceilDiv(Duration.between(this.clock.instant(), watching.nextAttempt()).toMillis(), 1000)));
		}
		return "mailbox/incoming";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		Detail mail = this.incoming.get(id);
		if (!model.containsAttribute("registerForm")) {
			model.addAttribute("registerForm", prefilled(mail));
		}
		if (!model.containsAttribute("attachForm")) {
			model.addAttribute("attachForm", new IncomingMailForms.Attach());
		}
		model.addAttribute("mail", mail);
		model.addAttribute("requestTypes", RequestType.values());
		return "mailbox/incoming-mail";
	}

	@PostMapping("/{id}/register")
	String register(@PathVariable long id, @Valid @ModelAttribute("registerForm") IncomingMailForms.Register form,
			BindingResult result, @AuthenticationPrincipal StaffPrincipal me, Model model,
			RedirectAttributes redirect) {
		if (form.skipReasonMissing() && !result.hasFieldErrors("skipReason")) {
			result.rejectValue("skipReason", "register.skipReason.required");
		}
		if (!result.hasErrors()) {
			try {
				DsrRequest request = this.incoming.register(id,
						new NewRequest(form.getName().strip(), PlainText.blankToNull(form.getEmail()), null,
								form.getLanguage(), form.getType(), null, PlainText.blankToNull(form.getDescription()),
								null),
						form.skipReasonOrNull(), me.toActor());
				redirect.addFlashAttribute("success",
						form.isAcknowledge() ? "incomingMail.registered" : "incomingMail.registered.notAcknowledged");
				return "redirect:/staff/requests/" + request.getId();
			}
			catch (RefusedException ex) {
				if (ex.httpStatus().value() == 404) {
					throw ex;
				}
				redirect.addFlashAttribute("failure", ex.messageCode());
				return "redirect:" + PATH + "/" + id;
			}
		}
		return show(id, model);
	}

	@PostMapping("/{id}/attach")
	String attach(@PathVariable long id, @Valid @ModelAttribute("attachForm") IncomingMailForms.Attach form,
			BindingResult result, @AuthenticationPrincipal StaffPrincipal me, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				DsrRequest request = this.incoming.attach(id, form.getReference(), me.toActor());
				redirect.addFlashAttribute("success", "incomingMail.attached");
				return "redirect:/staff/requests/" + request.getId();
			}
			catch (RefusedException ex) {
				if (ex.httpStatus().value() == 404) {
					throw ex;
				}
				if (IncomingMails.HANDLED.equals(ex.messageCode())) {
					redirect.addFlashAttribute("failure", ex.messageCode());
					return "redirect:" + PATH + "/" + id;
				}
				result.rejectValue("reference", ex.messageCode());
			}
		}
		return show(id, model);
	}

	@PostMapping("/{id}/dismiss")
	String dismiss(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		try {
			this.incoming.dismiss(id, me.toActor());
			redirect.addFlashAttribute("success", "incomingMail.dismissed");
			return "redirect:" + PATH;
		}
		catch (RefusedException ex) {
			if (ex.httpStatus().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("failure", ex.messageCode());
			return "redirect:" + PATH + "/" + id;
		}
	}

	private static IncomingMailForms.Register prefilled(Detail mail) {
		IncomingMailForms.Register form = new IncomingMailForms.Register();
		form.setName(
				(mail.senderName() != null && !mail.senderName().isBlank()) ? mail.senderName() : mail.senderEmail());
		form.setEmail(mail.senderEmail());
		form.setType(mail.suggestedType());
		String text = ((mail.subject() != null && !mail.subject().isBlank()) ? mail.subject() + "\n\n" : "")
				+ ((mail.text() != null) ? mail.text().strip() : "");
		form.setDescription((text.length() > 4000) ? text.substring(0, 4000) : text);
		form.setLanguage(TypeHint.looksEnglish(text) ? "en" : "sv");
		return form;
	}

	private static long ceilDiv(long amount, long unit) {
		return (amount + unit - 1) / unit;
	}

}
