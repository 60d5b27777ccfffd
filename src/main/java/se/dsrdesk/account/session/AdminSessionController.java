package se.dsrdesk.account.session;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.StaffPrincipal;

/**
 * An administrator ends all sessions of an account, for a lost laptop or a shared
 * computer. (Deactivation, a role change and a new password end them anyway.)
 */
@Controller
class AdminSessionController {

	private final AccountService accounts;

	AdminSessionController(AccountService accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/staff/admin/accounts/{id}/sessions/end")
	String endAll(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal admin, RedirectAttributes redirect) {
		int ended = this.accounts.endSessions(id, admin.toActor());
		redirect.addFlashAttribute("success", (ended > 0) ? "account.sessionsEnded" : "account.noSessions");
		return "redirect:/staff/admin/accounts/" + id;
	}

}
