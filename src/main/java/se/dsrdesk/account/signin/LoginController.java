package se.dsrdesk.account.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff sign-in page.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
				&& authentication.isAuthenticated()) {
			return "redirect:/staff";
		}
		String wait = request.getParameter("wait");
		if (wait != null && wait.matches("[0-9]{1,9}")) {
			// Whole minutes, rounded up: "wait 1 minute" rather than "wait 5 seconds"
			// that
			// have passed by the time it is read.
			model.addAttribute("waitMinutes", (Long.parseLong(wait) + 59) / 60);
		}
		String email = SignInFailureHandler.takeEmail(request, response);
		if (email != null) {
			model.addAttribute("email", email);
		}
		return "account/login";
	}

}
