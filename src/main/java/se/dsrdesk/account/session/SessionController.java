package se.dsrdesk.account.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.audit.AuditLog;

/**
 * "Your sessions": where a staff member is signed in, and ending a session they do not
 * recognise, or all others.
 */
@Controller
@RequestMapping("/staff/account/sessions")
class SessionController {

	private final StaffSessions sessions;

	private final AuditLog auditLog;

	SessionController(StaffSessions sessions, AuditLog auditLog) {
		this.sessions = sessions;
		this.auditLog = auditLog;
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model) {
		model.addAttribute("sessions", this.sessions.of(me.email(), currentSessionId(request)));
		return "account/sessions";
	}

	@PostMapping("/{handle}/end")
	String end(@PathVariable String handle, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		if (this.sessions.end(me.email(), handle)) {
			this.auditLog.record(me.toActor(), "SESSIONS_ENDED", "STAFF_USER", me.id(), "1 (ended by its owner)");
			redirect.addFlashAttribute("success", "sessions.ended");
		}
		else {
			redirect.addFlashAttribute("failure", "sessions.gone");
		}
		return "redirect:/staff/account/sessions";
	}

	@PostMapping("/end-others")
	String endOthers(@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request,
			RedirectAttributes redirect) {
		int ended = this.sessions.endAllExcept(me.email(), currentSessionId(request));
		if (ended > 0) {
			this.auditLog.record(me.toActor(), "SESSIONS_ENDED", "STAFF_USER", me.id(),
					ended + " (others ended by their owner)");
		}
		redirect.addFlashAttribute("success", "sessions.othersEnded");
		return "redirect:/staff/account/sessions";
	}

	private static String currentSessionId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? session.getId() : null;
	}

}
