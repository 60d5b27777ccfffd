package se.dsrdesk.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;

/**
 * Failed mail ({@code /staff/mail/failed}), for all staff: every mail given up and not
 * yet handled, newest first, legally required notices marked, with "send again" (queued
 * as written, with a new retry period) and "handled another way" (sent by post, or no
 * longer needed). Both are audited.
 */
@Controller
class FailedMailController {

	private static final Logger logger = LoggerFactory.getLogger(FailedMailController.class);

	static final int PAGE_SIZE = 50;

	static final String PATH = "/staff/mail/failed";

	private final Outbox outbox;

	private final AuditLog audit;

	FailedMailController(Outbox outbox, AuditLog audit) {
		this.outbox = outbox;
		this.audit = audit;
	}

	@GetMapping(PATH)
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Page<Correspondence> failed = this.outbox
			.failed(PageRequest.of(Math.max(0, Math.min(page, 100_000)), PAGE_SIZE));
		model.addAttribute("failed", failed);
		return "staff/failed-mail";
	}

	@PostMapping(PATH + "/{id}/send-again")
	String sendAgain(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		return act(id, "MAIL_SENT_AGAIN", this.outbox::sendAgain, "failedMail.sentAgain", user, redirect);
	}

	@PostMapping(PATH + "/{id}/dismiss")
	String dismiss(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		return act(id, "MAIL_FAILURE_DISMISSED", this.outbox::dismiss, "failedMail.dismissed", user, redirect);
	}

	private String act(long id, String action, java.util.function.LongPredicate change, String done,
			Authentication user, RedirectAttributes redirect) {
		Correspondence mail = this.outbox.find(id).orElse(null);
		if (mail == null || !mail.isFailedUnhandled() || !change.test(id)) {
			redirect.addFlashAttribute("failure", "failedMail.notFailed");
			return "redirect:" + PATH;
		}
		Actor actor = new Actor(null, user.getName());
		if (mail.getRequestId() != null) {
			this.audit.recordAboutRequest(mail.getRequestId(), actor, action, "CORRESPONDENCE", id, mail.getTemplate());
		}
		else {
			this.audit.record(actor, action, "CORRESPONDENCE", id, mail.getTemplate());
		}
		logger.info("Correspondence {} ({}): {}", id, mail.getTemplate(), action);
		redirect.addFlashAttribute("success", done);
		return "redirect:" + PATH;
	}

}
