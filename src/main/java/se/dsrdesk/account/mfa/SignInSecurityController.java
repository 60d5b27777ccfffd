package se.dsrdesk.account.mfa;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;

/**
 * Where a staff member manages their own sign-in factors: passkeys (added with the
 * browser through Spring Security's WebAuthn endpoints, listed and removed here) and
 * recovery codes (made here, shown once).
 */
@Controller
@RequestMapping("/staff/account/sign-in")
class SignInSecurityController {

	private final Passkeys passkeys;

	private final RecoveryCodes recoveryCodes;

	private final MfaProperties properties;

	SignInSecurityController(Passkeys passkeys, RecoveryCodes recoveryCodes, MfaProperties properties) {
		this.passkeys = passkeys;
		this.recoveryCodes = recoveryCodes;
		this.properties = properties;
	}

	@GetMapping
	String page(@AuthenticationPrincipal StaffPrincipal me, Authentication authentication, Model model) {
		model.addAttribute("passkeys", this.passkeys.of(me.email()));
		model.addAttribute("recoveryCodesLeft", this.recoveryCodes.remaining(me.id()));
		model.addAttribute("secondFactorRequired", this.properties.required().appliesTo(authentication));
		return "account/sign-in-security";
	}

	@PostMapping("/recovery-codes")
	String newRecoveryCodes(@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		List<String> codes = this.recoveryCodes.renew(me.id());
		// Shown once, on the page the redirect leads to; only their digests are kept.
		redirect.addFlashAttribute("newRecoveryCodes", codes);
		return "redirect:/staff/account/sign-in";
	}

	@PostMapping("/passkeys/{id}/delete")
	String removePasskey(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect) {
		boolean removed = this.passkeys.remove(me.id(), me.email(), id);
		redirect.addFlashAttribute(removed ? "success" : "failure",
				removed ? "signInSecurity.passkey.removed" : "signInSecurity.passkey.notFound");
		return "redirect:/staff/account/sign-in";
	}

}
