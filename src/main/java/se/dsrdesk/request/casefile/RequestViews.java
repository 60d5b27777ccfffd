package se.dsrdesk.request.casefile;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import se.dsrdesk.notification.Outbox;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.TaskChecklist;

/**
 * Assembles the {@link RequestView} that the request page and the API's request details
 * show. The checklist comes through {@link TaskChecklist}, which the location package
 * implements, so that this package does not depend on it (the location package depends on
 * this module).
 */
@Component
public class RequestViews {

	private final RequestService requests;

	private final ObjectProvider<TaskChecklist> checklists;

	private final Outbox outbox;

	RequestViews(RequestService requests, ObjectProvider<TaskChecklist> checklists, Outbox outbox) {
		this.requests = requests;
		this.checklists = checklists;
		this.outbox = outbox;
	}

	/**
	 * The view of a request.
	 * @param id the request
	 * @return the view, with up to {@value RequestService#LIST_LIMIT} mails
	 * @throws se.dsrdesk.system.NotFoundException when there is no such request
	 */
	public RequestView of(long id) {
		return of(this.requests.get(id));
	}

	/**
	 * The view of a request already loaded.
	 * @param request the request
	 * @return the view, with up to {@value RequestService#LIST_LIMIT} mails
	 */
	public RequestView of(DsrRequest request) {
		return new RequestView(request, this.requests.staffName(request.getAssigneeId()),
				this.requests.staffName(request.getIdentityVerifiedBy()), checklist(request.getId()),
				this.outbox.forRequest(request.getId(), PageRequest.of(0, RequestService.LIST_LIMIT)),
				(request.getExtensionNoticeId() != null) ? this.outbox.find(request.getExtensionNoticeId()).orElse(null)
						: null,
				this.outbox.failedForRequest(request.getId()));
	}

	/**
	 * The checklist of a request alone, for pages that show only it.
	 * @param id the request
	 * @return the items of every checklist, in the checklists' order
	 */
	public List<TaskChecklist.Item> checklist(long id) {
		List<TaskChecklist.Item> items = new ArrayList<>();
		this.checklists.orderedStream().forEach((c) -> items.addAll(c.checklist(id)));
		return items;
	}

}
