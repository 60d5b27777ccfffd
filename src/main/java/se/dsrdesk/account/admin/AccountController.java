package se.dsrdesk.account.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.AccountChangeRefusedException;
import se.dsrdesk.account.AccountLinkProperties;
import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.system.Pages;
import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;

/**
 * Admins manage staff accounts: list, invite, edit, deactivate, reactivate, send a new
 * invitation or a forgotten-password link, and lift a sign-in lock. Admins never choose a
 * colleague's password: the colleague sets it through the link.
 */
@Controller
@RequestMapping("/staff/admin/accounts")
@PreAuthorize("hasRole('ADMIN')")
class AccountController {

	static final int PAGE_SIZE = 25;

	private final AccountService accounts;

	private final Clock clock;

	private final AccountLinkProperties linkProperties;

	AccountController(AccountService accounts, Clock clock, AccountLinkProperties linkProperties) {
		this.accounts = accounts;
		this.clock = clock;
		this.linkProperties = linkProperties;
	}

	@InitBinder("accountForm")
	void allowAccountFields(WebDataBinder binder) {
		binder.setAllowedFields("email", "displayName", "roles", "language", "version");
	}

	@ModelAttribute("invitationHours")
	long invitationHours() {
		return this.linkProperties.invitationValidity().toHours();
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Page<StaffUser> accounts = this.accounts.list(PageRequest.of(Pages.number(page, PAGE_SIZE), PAGE_SIZE));
		Map<Long, Instant> invitationExpiries = new HashMap<>();
		accounts.forEach((user) -> this.accounts.invitationExpiry(user)
			.ifPresent((expiry) -> invitationExpiries.put(user.getId(), expiry)));
		model.addAttribute("accounts", accounts);
		model.addAttribute("invitationExpiries", invitationExpiries);
		model.addAttribute("now", this.clock.instant());
		return "admin/accounts/list";
	}

	@GetMapping("/new")
	String newAccount(Model model) {
		model.addAttribute("accountForm", new AccountForm());
		return "admin/accounts/new";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("accountForm") AccountForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal admin, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "admin/accounts/new";
		}
		try {
			StaffUser user = this.accounts.invite(form.getEmail(), form.getDisplayName(), form.getRoles(),
					form.getLanguage(), admin.toActor());
			redirect.addFlashAttribute("success", "account.invited");
			return "redirect:/staff/admin/accounts/" + user.getId();
		}
		catch (AccountChangeRefusedException ex) {
			ex.rejectOn(result);
			return "admin/accounts/new";
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		StaffUser user = this.accounts.get(id);
		model.addAttribute("accountForm", AccountForm.of(user));
		return showEdit(user, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("accountForm") AccountForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal admin, Model model, RedirectAttributes redirect) {
		StaffUser user = this.accounts.get(id);
		if (!result.hasErrors()) {
			try {
				this.accounts.update(id, form.getVersion(), form.getEmail(), form.getDisplayName(), form.getRoles(),
						form.getLanguage(), admin.toActor());
				redirect.addFlashAttribute("success", "account.updated");
				return "redirect:/staff/admin/accounts/" + id;
			}
			catch (ConcurrentChangeException ex) {
				// Show the current details, as the message says, with their version, so
				// that the admin's next save can succeed.
				AccountForm current = AccountForm.of(user);
				BindingResult currentResult = new BeanPropertyBindingResult(current, "accountForm");
				ex.rejectOn(currentResult);
				model.addAttribute("accountForm", current);
				model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "accountForm", currentResult);
			}
			catch (AccountChangeRefusedException ex) {
				ex.rejectOn(result);
			}
		}
		return showEdit(user, model);
	}

	/**
	 * Mails the colleague a forgotten-password link (their password and sessions stay
	 * until they use it).
	 */
	@PostMapping("/{id}/password-link")
	String sendPasswordLink(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal admin,
			RedirectAttributes redirect) {
		return onAccount(id, redirect, "account.passwordLinkSent",
				() -> this.accounts.sendPasswordResetLink(id, admin.toActor()));
	}

	/** Mails a new invitation link; the earlier one stops working. */
	@PostMapping("/{id}/invitation")
	String resendInvitation(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal admin,
			RedirectAttributes redirect) {
		return onAccount(id, redirect, "account.invitationSent",
				() -> this.accounts.resendInvitation(id, admin.toActor()));
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal admin,
			RedirectAttributes redirect) {
		return onAccount(id, redirect, "account.deactivated", () -> this.accounts.deactivate(id, admin.toActor()));
	}

	@PostMapping("/{id}/reactivate")
	String reactivate(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal admin,
			RedirectAttributes redirect) {
		this.accounts.reactivate(id, admin.toActor());
		redirect.addFlashAttribute("success", "account.reactivated");
		return "redirect:/staff/admin/accounts/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal admin, RedirectAttributes redirect) {
		this.accounts.unlock(id, admin.toActor());
		redirect.addFlashAttribute("success", "account.delaysLifted");
		return "redirect:/staff/admin/accounts/" + id;
	}

	private String showEdit(StaffUser user, Model model) {
		model.addAttribute("account", user);
		model.addAttribute("lockedUntil", this.accounts.lockedUntil(user).orElse(null));
		model.addAttribute("invitationExpiry", this.accounts.invitationExpiry(user).orElse(null));
		model.addAttribute("now", this.clock.instant());
		return "admin/accounts/edit";
	}

	/**
	 * Does an action on an account from its page and goes back there, saying that it was
	 * done or why it was refused.
	 */
	private static String onAccount(long id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("success", done);
		}
		catch (AccountChangeRefusedException ex) {
			redirect.addFlashAttribute("failure", ex.messageCode());
		}
		return "redirect:/staff/admin/accounts/" + id;
	}

}
