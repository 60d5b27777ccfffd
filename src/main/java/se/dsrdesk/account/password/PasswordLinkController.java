package se.dsrdesk.account.password;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.dsrdesk.account.AccountLinks;
import se.dsrdesk.account.AccountLinks.Link;
import se.dsrdesk.account.AccountLinks.LinkState;
import se.dsrdesk.account.PasswordPolicy;

/**
 * The page an invitation or forgotten-password link opens: the person chooses their own
 * password (the policy applies), and the link then works no more. Opening the page uses
 * nothing (mail scanners open links); only sending the form does. Creates no session:
 * afterwards the person signs in.
 */
@Controller
@RequestMapping(PasswordLinkController.PATH)
class PasswordLinkController {

	static final String PATH = "/login/set-password";

	private final AccountLinks links;

	private final PasswordPolicy passwordPolicy;

	PasswordLinkController(AccountLinks links, PasswordPolicy passwordPolicy) {
		this.links = links;
		this.passwordPolicy = passwordPolicy;
	}

	@InitBinder("newPasswordForm")
	void allowFields(WebDataBinder binder) {
		binder.setAllowedFields("token", "newPassword", "confirmPassword");
	}

	@GetMapping
	String show(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		Link link = this.links.inspect(token);
		if (link.state() != LinkState.VALID) {
			return linkProblem(link, model, response);
		}
		NewPasswordForm form = new NewPasswordForm();
		form.setToken(token);
		model.addAttribute("newPasswordForm", form);
		model.addAttribute("link", link);
		return "account/set-password";
	}

	@PostMapping
	String set(@ModelAttribute("newPasswordForm") NewPasswordForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		Link link = this.links.inspect(form.getToken());
		if (link.state() != LinkState.VALID) {
			return linkProblem(link, model, response);
		}
		form.check(this.passwordPolicy, link.email(), result);
		if (result.hasErrors()) {
			model.addAttribute("link", link);
			return "account/set-password";
		}
		Link used = this.links.setPassword(form.getToken(), form.getNewPassword());
		if (used.state() != LinkState.VALID) {
			// Used by another request meanwhile.
			return linkProblem(used, model, response);
		}
		return "redirect:/login?passwordSet";
	}

	private static String linkProblem(Link link, Model model, HttpServletResponse response) {
		response.setStatus(statusOf(link.state()));
		model.addAttribute("state", link.state());
		model.addAttribute("purpose", link.purpose());
		return "account/link-gone";
	}

	/** The status of an unusable link: 410 for one that worked once, 404 for none. */
	static int statusOf(LinkState state) {
		return (state == LinkState.UNKNOWN) ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value();
	}

}
