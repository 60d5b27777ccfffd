package se.dsrdesk.request.casefile;

import java.util.List;

import org.springframework.data.domain.Page;

import se.dsrdesk.notification.Correspondence;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.TaskChecklist;

/**
 * What staff see of a request, on its page and in the API: the request, the names of the
 * staff it mentions, the work per data location and the mail about it. Assembled in one
 * place, {@link RequestViews}, so that the page and the API show the same.
 *
 * @param request the request, with its person
 * @param assigneeName the assigned case handler's name, or {@code null}
 * @param identityVerifiedByName who verified the person's identity, or {@code null}
 * @param tasks the checklist, per data location
 * @param mails the newest mail about the request, with the total
 * @param extensionNotice the notice of the deadline's extension, or {@code null}; read by
 * its id, so that its true state shows however much mail followed it
 * @param failedMails the request's mail that was given up and not yet sent again or
 * dismissed
 */
public record RequestView(DsrRequest request, String assigneeName, String identityVerifiedByName,
		List<TaskChecklist.Item> tasks, Page<Correspondence> mails, Correspondence extensionNotice,
		List<Correspondence> failedMails) {

	/**
	 * The open items of the checklist.
	 * @return how many tasks are still open
	 */
	public long openTasks() {
		return this.tasks.stream().filter(TaskChecklist.Item::isOpen).count();
	}

}
