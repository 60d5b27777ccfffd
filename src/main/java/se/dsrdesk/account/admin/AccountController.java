package se.dsrdesk.account.admin;

import jakarta.validation.Valid;

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
import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.system.Pages;
import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.PasswordPolicy;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.password.PasswordForm;

/**
 * Admins manage staff accounts: list, create, edit, deactivate, reactivate, reset a
 * password and lift a sign-in lock.
 */
@Controller
@RequestMapping("/staff/admin/accounts")
@PreAuthorize("hasRole('ADMIN')")
class AccountController {

	static final int PAGE_SIZE = 25;

	private final AccountService accounts;

	private final PasswordPolicy passwordPolicy;

	AccountController(AccountService accounts, PasswordPolicy passwordPolicy) {
		this.accounts = accounts;
		this.passwordPolicy = passwordPolicy;
	}

	@InitBinder("accountForm")
	void allowAccountFields(WebDataBinder binder) {
		binder.setAllowedFields("email", "displayName", "roles", "language", "password", "version");
	}

	@InitBinder("passwordForm")
	void allowPasswordFields(WebDataBinder binder) {
		binder.setAllowedFields("newPassword", "confirmPassword");
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("accounts", this.accounts.list(PageRequest.of(Pages.number(page, PAGE_SIZE), PAGE_SIZE)));
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
		this.passwordPolicy.check(form.getPassword(), form.getEmail(), result, "password");
		if (result.hasErrors()) {
			return "admin/accounts/new";
		}
		try {
			StaffUser user = this.accounts.create(form.getEmail(), form.getDisplayName(), form.getRoles(),
					form.getLanguage(), form.getPassword(), admin.toActor());
			redirect.addFlashAttribute("success", "account.created");
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
		model.addAttribute("passwordForm", new PasswordForm());
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
		model.addAttribute("passwordForm", new PasswordForm());
		return showEdit(user, model);
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal admin, Model model, RedirectAttributes redirect) {
		StaffUser user = this.accounts.get(id);
		this.passwordPolicy.check(form.getNewPassword(), user.getEmail(), result, "newPassword");
		if (!result.hasFieldErrors("newPassword") && !form.getNewPassword().equals(form.getConfirmPassword())) {
			result.rejectValue("confirmPassword", "password.mismatch");
		}
		if (result.hasErrors()) {
			model.addAttribute("accountForm", AccountForm.of(user));
			return showEdit(user, model);
		}
		this.accounts.resetPassword(id, form.getNewPassword(), admin.toActor());
		redirect.addFlashAttribute("success", "account.passwordReset");
		return "redirect:/staff/admin/accounts/" + id;
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal admin,
			RedirectAttributes redirect) {
		try {
			this.accounts.deactivate(id, admin.toActor());
			redirect.addFlashAttribute("success", "account.deactivated");
		}
		catch (AccountChangeRefusedException ex) {
			redirect.addFlashAttribute("failure", ex.messageCode());
		}
		return "redirect:/staff/admin/accounts/" + id;
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
		return "admin/accounts/edit";
	}

}
