package se.dsrdesk.dashboard;

import java.time.LocalDate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.dashboard.Glance.Listing;
import se.dsrdesk.dashboard.Glance.RequestItem;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.request.RequestStatistics;

/**
 * The staff start page ({@code /staff}), where sign-in leads: what waits for the one who
 * signed in, counted. A case handler sees their open requests by urgency (overdue first,
 * then the soonest due), their open tasks, and what is overdue overall; a compliance
 * officer or an administrator sees the dashboard's counts of what needs attention. Every
 * list is short and read on an index in its order, every count on an index alone or on
 * the dashboard's kept counts, so the page costs the same at a million requests (figures
 * in docs/inbox.md). Whoever reads requests also sees how many open requests have
 * something new from the person, linked to the inbox filtered to them. Lives here rather
 * than in {@code system}, because it reads the request, location and dashboard modules.
 */
@Controller
class StartPageController {

	/** Rows of each list on the page; the counts say how many there are in all. */
	static final int LIST_SIZE = 5;

	private final Dashboard dashboard;

	private final RequestStatistics requests;

	private final TaskService tasks;

	StartPageController(Dashboard dashboard, RequestStatistics requests, TaskService tasks) {
		this.dashboard = dashboard;
		this.requests = requests;
		this.tasks = tasks;
	}

	@GetMapping("/staff")
	String start(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		LocalDate today = this.dashboard.today();
		model.addAttribute("today", today);
		model.addAttribute("dueSoonDays", Dashboard.DUE_SOON_DAYS);
		boolean handler = me.hasRole(Role.CASE_HANDLER);
		boolean oversight = me.hasRole(Role.COMPLIANCE_OFFICER) || me.hasRole(Role.ADMIN);
		if (handler) {
			model.addAttribute("mine",
					this.requests.countOpenAssignedTo(me.id(), today, today.plusDays(Dashboard.DUE_SOON_DAYS)));
			model.addAttribute("myRequests",
					this.requests.openAssignedTo(me.id(), LIST_SIZE)
						.stream()
						.map(Dashboard.requestItem(today))
						.toList());
			model.addAttribute("taskCount", this.tasks.countMyTasks(me.id()));
			model.addAttribute("myTasks", this.tasks.myTasks(me.id(), 0, LIST_SIZE).rows());
		}
		if (oversight) {
			Glance glance = this.dashboard.glance();
			model.addAttribute("glance", glance);
			model.addAttribute("overdue", firstOf(glance.overdue()));
		}
		else if (handler) {
			model.addAttribute("overdue", this.dashboard.overdue(LIST_SIZE));
		}
		boolean readsRequests = handler || me.hasRole(Role.COMPLIANCE_OFFICER);
		model.addAttribute("readsRequests", readsRequests);
		if (readsRequests) {
			// Read on the few unseen rows' index, not on the requests (docs/inbox.md).
			model.addAttribute("newFromPerson", this.requests.countOpenWithNewFromPerson());
		}
		return "staff/home";
	}

	/**
	 * The first {@link #LIST_SIZE} of a list, for a page that shows fewer than the
	 * dashboard.
	 */
	static Listing<RequestItem> firstOf(Listing<RequestItem> listing) {
		return new Listing<>(listing.count(), listing.first().stream().limit(LIST_SIZE).toList());
	}

}
