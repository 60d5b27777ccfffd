package se.dsrdesk.account.token;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;

/**
 * A signed-in user's personal API tokens: create one (its secret is shown once), see when
 * each was last used, and revoke them. Every staff user may hold tokens; a token has the
 * user's roles.
 */
@Controller
@RequestMapping("/staff/account/tokens")
class ApiTokenController {

	/** The validities offered, in days; 0 for a token that works until revoked. */
	static final List<Integer> VALIDITIES = List.of(30, 90, 365, 0);

	private final ApiTokens tokens;

	ApiTokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@InitBinder("tokenForm")
	void allowFields(WebDataBinder binder) {
		binder.setAllowedFields("name", "validityDays");
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("tokenForm", new TokenForm());
		return page(me, model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		if (!VALIDITIES.contains(form.getValidityDays())) {
			result.rejectValue("validityDays", "validation.invalid");
		}
		if (result.hasErrors()) {
			return page(me, model);
		}
		try {
			Duration validity = (form.getValidityDays() > 0) ? Duration.ofDays(form.getValidityDays()) : null;
			ApiTokens.CreatedToken created = this.tokens.create(me, form.getName(), validity);
			// Shown once, on the page the redirect leads to; only its digest is kept.
			redirect.addFlashAttribute("newToken", created.secret());
			redirect.addFlashAttribute("newTokenName", created.token().getName());
			return "redirect:/staff/account/tokens";
		}
		catch (ApiTokens.TooManyTokensException ex) {
			ex.rejectOn(result);
			return page(me, model);
		}
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		this.tokens.revoke(me, id);
		redirect.addFlashAttribute("success", "tokens.revoked");
		return "redirect:/staff/account/tokens";
	}

	private String page(StaffPrincipal me, Model model) {
		model.addAttribute("tokens", this.tokens.of(me.id()));
		model.addAttribute("validities", VALIDITIES);
		return "account/tokens";
	}

	/**
	 * What a user types to create a token.
	 */
	public static class TokenForm {

		@NotBlank(message = "{validation.required}")
		@Size(max = 100, message = "{validation.tooLong}")
		@Pattern(regexp = "[^\\p{Cntrl}]*", message = "{validation.controlCharacters}")
		private String name;

		private int validityDays = 90;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public int getValidityDays() {
			return this.validityDays;
		}

		public void setValidityDays(int validityDays) {
			this.validityDays = validityDays;
		}

	}

}
