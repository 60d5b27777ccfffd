package se.dsrdesk.account.mfa;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.dsrdesk.account.StaffPrincipal;

/**
 * The second-factor page, where a staff member signed in with a password finishes signing
 * in: a code by email (always possible: every account has an address), a passkey, or a
 * recovery code. Reached with the first factor alone.
 */
@Controller
class SecondFactorController {

	private final Passkeys passkeys;

	private final RecoveryCodes recoveryCodes;

	SecondFactorController(Passkeys passkeys, RecoveryCodes recoveryCodes) {
		this.passkeys = passkeys;
		this.recoveryCodes = recoveryCodes;
	}

	@GetMapping(SecondFactors.SECOND_FACTOR_PAGE)
	String page(Authentication authentication, Model model) {
		if (!(authentication.getPrincipal() instanceof StaffPrincipal me)) {
			return "redirect:/staff";
		}
		if (SecondFactors.hasSecondFactor(authentication)) {
			return "redirect:/staff";
		}
		model.addAttribute("hasPasskeys", !this.passkeys.of(me.email()).isEmpty());
		model.addAttribute("hasRecoveryCodes", this.recoveryCodes.remaining(me.id()) > 0);
		return "account/second-factor";
	}

}
