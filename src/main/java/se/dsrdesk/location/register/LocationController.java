package se.dsrdesk.location.register;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
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

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.RetentionRule;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.Recipient;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.system.ConcurrentChangeException;

/**
 * The register of data locations: every staff user reads it; admins create, edit,
 * deactivate and reactivate locations (there is no delete). A location's owner or an
 * admin records its reviews.
 */
@Controller
@RequestMapping("/staff/locations")
@PreAuthorize("isAuthenticated()")
class LocationController {

	static final int PAGE_SIZE = 25;

	static final int HOLDS_PAGE_SIZE = 20;

	static final int OPEN_TASKS_LISTED = 20;

	private final LocationService locations;

	private final TaskService tasks;

	LocationController(LocationService locations, TaskService tasks) {
		this.locations = locations;
		this.tasks = tasks;
	}

	@InitBinder("locationForm")
	void allowLocationFields(WebDataBinder binder) {
		binder.setAllowedFields("nameSv", "nameEn", "descriptionSv", "descriptionEn", "kind", "ownerId",
				"dataCategoriesSv", "dataCategoriesEn", "purposesSv", "purposesEn", "legalBasis", "directMarketing",
				"recipients*", "sourceSv", "sourceEn", "retentionSv", "retentionEn", "retentionMonths", "retentionRule",
				"erasureStepsSv", "erasureStepsEn", "erasureExceptionsSv", "erasureExceptionsEn",
				"reviewIntervalMonths", "requestTypes", "version");
		binder.setAutoGrowCollectionLimit(50);
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean inactive,
			Locale locale, Model model) {
		Page<DataLocation> found = this.locations.list(!inactive, locale, page, PAGE_SIZE);
		model.addAttribute("locations", found);
		model.addAttribute("counts", this.locations.counts(found.map(DataLocation::getId).getContent()));
		model.addAttribute("none", LocationService.Counts.NONE);
		model.addAttribute("inactive", inactive);
		return "locations/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "0") int holdsPage, Model model) {
		DataLocation location = this.locations.get(id);
		model.addAttribute("location", location);
		model.addAttribute("openTasks", this.tasks.openAt(id, OPEN_TASKS_LISTED));
		model.addAttribute("counts", this.locations.counts(List.of(id)).getOrDefault(id, LocationService.Counts.NONE));
		model.addAttribute("holds", this.tasks.standingHoldsAt(id, holdsPage, HOLDS_PAGE_SIZE));
		model.addAttribute("reviews", this.locations.reviews(id, 10));
		return "locations/detail";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('ADMIN')")
	String newLocation(Model model) {
		model.addAttribute("locationForm", new LocationForm().withSpareRows());
		return showForm(null, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	String create(@Valid @ModelAttribute("locationForm") LocationForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal admin, Model model, RedirectAttributes redirect) {
		StaffUser owner = checkOwnerAndRecipients(form, result);
		if (result.hasErrors()) {
			form.withSpareRows();
			return showForm(null, model);
		}
		DataLocation location = this.locations.create(form.toDetails(owner), admin.toActor());
		redirect.addFlashAttribute("success", "location.created");
		return "redirect:/staff/locations/" + location.getId();
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String edit(@PathVariable long id, Model model) {
		DataLocation location = this.locations.get(id);
		model.addAttribute("locationForm", LocationForm.of(location).withSpareRows());
		return showForm(location, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable long id, @Valid @ModelAttribute("locationForm") LocationForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal admin, Model model, RedirectAttributes redirect) {
		DataLocation location = this.locations.get(id);
		StaffUser owner = checkOwnerAndRecipients(form, result);
		if (!result.hasErrors()) {
			try {
				this.locations.update(id, form.getVersion(), form.toDetails(owner), admin.toActor());
				redirect.addFlashAttribute("success", "location.updated");
				return "redirect:/staff/locations/" + id;
			}
			catch (ConcurrentChangeException ex) {
				// Show what is saved now, with its version, so that the next save can
				// succeed.
				LocationForm current = LocationForm.of(location);
				BindingResult currentResult = new BeanPropertyBindingResult(current, "locationForm");
				ex.rejectOn(currentResult);
				model.addAttribute("locationForm", current.withSpareRows());
				model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "locationForm", currentResult);
				return showForm(location, model);
			}
		}
		form.withSpareRows();
		return showForm(location, model);
	}

	@PostMapping("/{id}/deactivate")
	@PreAuthorize("hasRole('ADMIN')")
	String deactivate(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal admin,
			RedirectAttributes redirect) {
		this.locations.deactivate(id, admin.toActor());
		redirect.addFlashAttribute("success", "location.deactivated");
		return "redirect:/staff/locations/" + id;
	}

	@PostMapping("/{id}/reactivate")
	@PreAuthorize("hasRole('ADMIN')")
	String reactivate(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal admin,
			RedirectAttributes redirect) {
		this.locations.reactivate(id, admin.toActor());
		redirect.addFlashAttribute("success", "location.reactivated");
		return "redirect:/staff/locations/" + id;
	}

	@PostMapping("/{id}/review")
	String review(@PathVariable long id, @RequestParam(required = false) String note,
			@AuthenticationPrincipal StaffPrincipal reviewer, RedirectAttributes redirect) {
		if (note != null && note.length() > 2000) {
			redirect.addFlashAttribute("failure", "location.review.tooLong");
		}
		else {
			this.locations.recordReview(id, note, reviewer);
			redirect.addFlashAttribute("success", "location.reviewed");
		}
		return "redirect:/staff/locations/" + id;
	}

	private StaffUser checkOwnerAndRecipients(LocationForm form, BindingResult result) {
		StaffUser owner = this.locations.possibleOwner(form.getOwnerId());
		if (form.getOwnerId() != null && owner == null) {
			result.rejectValue("ownerId", "validation.invalid");
		}
		List<LocationForm.RecipientForm> rows = form.getRecipients();
		for (int i = 0; i < rows.size(); i++) {
			LocationForm.RecipientForm row = rows.get(i);
			if (row.isEmpty()) {
				continue;
			}
			if (LocationForm.RecipientForm.isBlank(row.getName())) {
				result.rejectValue("recipients[" + i + "].name", "validation.required");
			}
			if (row.getRole() == null) {
				result.rejectValue("recipients[" + i + "].role", "validation.invalid");
			}
			if (LocationForm.RecipientForm.isBlank(row.getCountry())) {
				result.rejectValue("recipients[" + i + "].country", "validation.required");
			}
		}
		return owner;
	}

	private String showForm(DataLocation location, Model model) {
		model.addAttribute("location", location);
		model.addAttribute("owners", this.locations.possibleOwners());
		model.addAttribute("kinds", LocationKind.values());
		model.addAttribute("bases", LegalBasis.values());
		model.addAttribute("retentionRules", RetentionRule.values());
		model.addAttribute("requestTypes", LocationForm.listable());
		model.addAttribute("recipientRoles", Recipient.Role.values());
		return (location != null) ? "locations/edit" : "locations/new";
	}

}
