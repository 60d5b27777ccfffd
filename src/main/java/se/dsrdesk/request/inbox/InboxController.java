package se.dsrdesk.request.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;

/**
 * The staff inbox: every request, most urgent first, filtered by a GET form so that each
 * view is a link. Case handlers and compliance officers read it.
 */
@PreAuthorize("hasAnyRole('CASE_HANDLER', 'COMPLIANCE_OFFICER')")
@Controller
class InboxController {

	private final InboxQuery inbox;

	private final StaffUserRepository staff;

	private final ControllerIdentity controller;

	private final Clock clock;

	InboxController(InboxQuery inbox, StaffUserRepository staff, ControllerIdentity controller, Clock clock) {
		this.inbox = inbox;
		this.staff = staff;
		this.controller = controller;
		this.clock = clock;
	}

	@InitBinder("filter")
	void allowFilterFields(WebDataBinder binder) {
		binder.setAllowedFields("status", "type", "assignee", "overdue", "dueWithin", "paused", "extended", "q",
				"after", "sort");
	}

	/**
	 * One page of the inbox. Filter values that do not parse (a binding error) are left
	 * out rather than answered with an error.
	 */
	@GetMapping("/staff/requests")
	String inbox(@ModelAttribute("filter") InboxFilter filter, BindingResult ignoredErrors,
			@AuthenticationPrincipal StaffPrincipal reader, Model model) {
		LocalDate today = this.clock.instant().atZone(this.controller.timeZone()).toLocalDate();
		InboxQuery.InboxPage page = this.inbox.page(filter, reader.id(), today);
		model.addAttribute("page", page);
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
