package se.dsrdesk.request.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.system.RefusedException;

/**
 * The staff inbox: every request, most urgent first, filtered by a GET form so that each
 * view is a link, with the size of each quick view. Case handlers and compliance officers
 * read it; case handlers assign several of its rows at once.
 */
@PreAuthorize("hasAnyRole('CASE_HANDLER', 'COMPLIANCE_OFFICER')")
@Controller
class InboxController {

	private final InboxQuery inbox;

	private final StaffUserRepository staff;

	private final ControllerIdentity controller;

	private final RequestService requests;

	private final Clock clock;

	InboxController(InboxQuery inbox, StaffUserRepository staff, ControllerIdentity controller, RequestService requests,
			Clock clock) {
		this.inbox = inbox;
		this.staff = staff;
		this.controller = controller;
		this.requests = requests;
		this.clock = clock;
	}

	@InitBinder("bulk")
	void allowBulkFields(WebDataBinder binder) {
		binder.setAllowedFields("selected", "onPage", "allOnPage", "assigneeId");
	}

	@InitBinder("filter")
	void allowFilterFields(WebDataBinder binder) {
		binder.setAllowedFields("status", "type", "assignee", "overdue", "dueWithin", "paused", "extended",
				"fromPerson", "q", "after", "sort");
	}

	/**
	 * One page of the inbox. Filter values that do not parse (a binding error) are left
	 * out rather than answered with an error.
	 */
	@GetMapping("/staff/requests")
	String inbox(@ModelAttribute("filter") InboxFilter filter, BindingResult ignoredErrors,
			@AuthenticationPrincipal StaffPrincipal reader, Model model) {
		model.addAttribute("bulk", new BulkAssignForm());
		return show(filter, reader, model);
	}

	/**
	 * Assigns the chosen rows to one case handler, each through
	 * {@link RequestService#assign} as on the request page (its own transaction, audit
	 * line and mail to the assignee), each refused if its version is no longer the one
	 * the page showed. Then back to the same page of the inbox, with how many were
	 * assigned and how many had changed meanwhile. Nothing chosen, or no case handler:
	 * the page again, with the ticks kept and the error.
	 */
	@PostMapping("/staff/requests/bulk-assign")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String bulkAssign(@ModelAttribute("filter") InboxFilter filter, BindingResult ignoredErrors,
			@ModelAttribute("bulk") BulkAssignForm form, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		Map<Long, Long> chosen = form.chosen();
		StaffUser assignee = (form.getAssigneeId() != null) ? this.staff.findActiveWithRole(Role.CASE_HANDLER)
			.stream()
			.filter((u) -> u.getId().equals(form.getAssigneeId()))
			.findFirst()
			.orElse(null) : null;
		if (chosen.isEmpty()) {
			result.reject("bulkAssign.none");
		}
		if (assignee == null) {
			result.rejectValue("assigneeId",
					(form.getAssigneeId() == null) ? "bulkAssign.assignee.required" : "requestPage.assign.invalid");
		}
		if (result.hasErrors()) {
			return show(filter, me, model);
		}
		int assigned = 0;
		int changed = 0;
		int refused = 0;
		for (Map.Entry<Long, Long> request : chosen.entrySet()) {
			try {
				this.requests.assign(request.getKey(), request.getValue(), assignee.getId(), me.toActor());
				assigned++;
			}
			catch (ConcurrentChangeException | ObjectOptimisticLockingFailureException | NotFoundException ex) {
				changed++;
			}
			catch (RefusedException ex) {
				refused++;
			}
		}
		redirect.addFlashAttribute("success", (refused > 0) ? "bulkAssign.done.refused" : "bulkAssign.done");
		redirect.addFlashAttribute("successArgs",
				new Object[] { assigned, assignee.getDisplayName(), changed, refused });
		return "redirect:" + link(filter, filter.getAfter());
	}

	/**
	 * One page of the inbox with its quick views' counts, the filter form and the rows.
	 */
	private String show(InboxFilter filter, StaffPrincipal reader, Model model) {
		LocalDate today = this.clock.instant().atZone(this.controller.timeZone()).toLocalDate();
		InboxQuery.InboxPage page = this.inbox.page(filter, reader.id(), today);
		model.addAttribute("page", page);
		model.addAttribute("counts", this.inbox.counts(reader.id(), today));
		model.addAttribute("view", QuickView.of(filter));
		model.addAttribute("today", today);
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("types", RequestType.values());
		model.addAttribute("handlers", this.staff.findActiveWithRole(Role.CASE_HANDLER));
		model.addAttribute("firstPage", filter.cursor().isPresent() ? link(filter, null) : null);
		model.addAttribute("nextPage", page.next().map((cursor) -> link(filter, cursor.toString())).orElse(null));
		InboxSort sort = filter.sortOrder();
		Map<String, String> sortLinks = new HashMap<>();
		for (String column : List.of("deadline", "received")) {
			sortLinks.put(column, link(filter, null, sort.toggle(column)));
		}
		model.addAttribute("sort", sort);
		model.addAttribute("sortLinks", sortLinks);
		return "requests/inbox";
	}

	/**
	 * The inbox's quick views, each a link with its count; the one the filter is exactly
	 * is marked as the current page.
	 */
	enum QuickView {

		MINE, UNASSIGNED, OVERDUE, FROM_PERSON, OPEN, OTHER;

		static QuickView of(InboxFilter filter) {
			boolean plain = filter.getType() == null && filter.dueWithinDays().isEmpty() && !filter.isPaused()
					&& !filter.isExtended() && filter.query().isEmpty()
					&& (filter.getStatus() == null || filter.getStatus().isBlank());
			String assignee = (filter.getAssignee() != null) ? filter.getAssignee() : "";
			if (!plain) {
				return OTHER;
			}
			if (filter.isOverdue()) {
				return (assignee.isEmpty() && !filter.isFromPerson()) ? OVERDUE : OTHER;
			}
			if (filter.isFromPerson()) {
				return assignee.isEmpty() ? FROM_PERSON : OTHER;
			}
			return switch (assignee) {
				case "" -> OPEN;
				case "mine" -> MINE;
				case "unassigned" -> UNASSIGNED;
				default -> OTHER;
			};
		}

	}

	/** The inbox with the same filters, starting after a cursor (or at the top). */
	static String link(InboxFilter filter, String after) {
		InboxSort sort = filter.sortOrder();
		return link(filter, after, (sort != InboxSort.DEADLINE) ? sort.param() : null);
	}

	/** The inbox with the same filters in an order, starting after a cursor. */
	static String link(InboxFilter filter, String after, String sort) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/staff/requests");
		Map<String, String> values = new HashMap<>();
		param(link, values, "status", filter.getStatus());
		param(link, values, "type", (filter.getType() != null) ? filter.getType().name() : null);
		param(link, values, "assignee", filter.getAssignee());
		param(link, values, "overdue", filter.isOverdue() ? "true" : null);
		param(link, values, "dueWithin", filter.dueWithinDays().map(String::valueOf).orElse(null));
		param(link, values, "paused", filter.isPaused() ? "true" : null);
		param(link, values, "extended", filter.isExtended() ? "true" : null);
		param(link, values, "fromPerson", filter.isFromPerson() ? "true" : null);
		param(link, values, "q", filter.query().orElse(null));
		param(link, values, "sort", sort);
		param(link, values, "after", after);
		// Values as template variables: encode() then encodes '+' and '&' in them too.
		return link.encode().buildAndExpand(values).toUriString();
	}

	private static void param(UriComponentsBuilder link, Map<String, String> values, String name, String value) {
		if (value != null && !value.isBlank()) {
			link.queryParam(name, "{" + name + "}");
			values.put(name, value);
		}
	}

}
