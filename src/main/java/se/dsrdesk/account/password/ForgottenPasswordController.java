package se.dsrdesk.account.password;

import java.util.concurrent.Executor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
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

import se.dsrdesk.account.AccountLinkProperties;
import se.dsrdesk.account.AccountLinks;
import se.dsrdesk.system.EmailAddresses;
import se.dsrdesk.system.RateLimiter;

/**
 * "Forgot your password?" on the sign-in page: whoever types an address gets the same
 * answer at once, whether or not it belongs to an account; the link is looked up and
 * mailed afterwards, on another thread, so that neither the answer nor its time tells
 * which addresses have accounts. Limited per client address
 * ({@code dsr.security.accounts.reset-requests-per-hour}) and per email address
 * ({@code reset-mails-per-address-per-hour}, counted for every address typed), with the
 * application's rate limiter. Creates no session.
 */
@Controller
@RequestMapping(ForgottenPasswordController.PATH)
class ForgottenPasswordController {

	static final String PATH = "/login/forgot-password";

	private static final Logger logger = LoggerFactory.getLogger(ForgottenPasswordController.class);

	private final AccountLinks links;

	private final Executor executor;

	private final RateLimiter.Limit perClient;

	private final RateLimiter.Limit perAddress;

	ForgottenPasswordController(AccountLinks links, @Qualifier("applicationTaskExecutor") Executor executor,
			RateLimiter limiter, AccountLinkProperties properties) {
		this.links = links;
		this.executor = executor;
		this.perClient = limiter.hourly("password-reset-request", properties.resetRequestsPerHour(), 10_000);
		this.perAddress = limiter.hourly("password-reset-mail", properties.resetMailsPerAddressPerHour(), 10_000);
	}

	@InitBinder("forgottenPasswordForm")
	void allowFields(WebDataBinder binder) {
		binder.setAllowedFields("email");
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("forgottenPasswordForm", new ForgottenPasswordForm());
		return "account/forgot-password";
	}

	@PostMapping
	String send(@Valid @ModelAttribute("forgottenPasswordForm") ForgottenPasswordForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		long wait = this.perClient.tryConsume(request.getRemoteAddr());
		if (wait > 0) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
			model.addAttribute("tooMany", true);
			return "account/forgot-password";
		}
		if (result.hasErrors()) {
			return "account/forgot-password";
		}
		String email = form.getEmail().strip();
		// Counted for every address, with or without an account; over the limit, nothing
		// is sent, and the answer is the same.
		if (this.perAddress.tryConsume(EmailAddresses.digest(email)) == 0) {
			this.executor.execute(() -> {
				try {
					this.links.sendPasswordReset(email);
				}
				catch (RuntimeException ex) {
					logger.warn("A forgotten-password link could not be queued: {}", ex.toString());
				}
			});
		}
		return "redirect:" + PATH + "?sent";
	}

}
