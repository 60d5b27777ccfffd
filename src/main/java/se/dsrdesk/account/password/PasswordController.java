package se.dsrdesk.account.password;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

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

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.AccountService.PasswordChange;
import se.dsrdesk.account.PasswordPolicy;
import se.dsrdesk.account.StaffPrincipal;

/**
 * A signed-in user changes their own password. Also the page a first administrator with a
 * generated password is sent to before anything else ({@link ForcedPasswordChange}). Too
 * many wrong current passwords end the session.
 */
@Controller
@RequestMapping("/staff/account/password")
class PasswordController {

	private final AccountService accounts;

	private final PasswordPolicy passwordPolicy;

	PasswordController(AccountService accounts, PasswordPolicy passwordPolicy) {
		this.accounts = accounts;
		this.passwordPolicy = passwordPolicy;
	}

	@InitBinder("passwordForm")
	void allowFields(WebDataBinder binder) {
		binder.setAllowedFields("currentPassword", "newPassword", "confirmPassword");
	}

	@GetMapping
	String show(@AuthenticationPrincipal StaffPrincipal user, HttpServletRequest request, Model model) {
		model.addAttribute("passwordForm", new PasswordForm());
		model.addAttribute("changeRequired", ForcedPasswordChange.isRequired(user, request));
		return "account/password";
	}

	@PostMapping
	String change(@ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal user, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("changeRequired", ForcedPasswordChange.isRequired(user, request));
		if (form.getCurrentPassword() == null || form.getCurrentPassword().isEmpty()) {
			result.rejectValue("currentPassword", "validation.required");
		}
		form.check(this.passwordPolicy, user.email(), result);
		if (!result.hasErrors()) {
			PasswordChange outcome = this.accounts.changeOwnPassword(user.id(), form.getCurrentPassword(),
					form.getNewPassword(), currentSessionId(request));
			if (outcome == PasswordChange.TOO_MANY_TRIES) {
				// The other sessions have ended; this one ends too.
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				new SecurityContextLogoutHandler().logout(request, response, authentication);
				return "redirect:/login?passwordTries";
			}
			if (outcome == PasswordChange.WRONG_PASSWORD) {
				result.rejectValue("currentPassword", "password.currentWrong");
			}
		}
		if (result.hasErrors()) {
			return "account/password";
		}
		ForcedPasswordChange.changed(request);
		redirect.addFlashAttribute("success", "password.changed");
		return "redirect:/staff";
	}

	private static String currentSessionId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? session.getId() : null;
	}

}
