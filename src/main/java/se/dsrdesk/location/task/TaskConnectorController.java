package se.dsrdesk.location.task;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.location.connector.Receipt;

/**
 * The task page's actions on the connected system: copy what was found into the task,
 * erase it for good (only after the handler confirms that it cannot be undone), stop
 * marketing; each also as a dry run that changes nothing. Looking (which changes nothing)
 * is the task page itself with {@code ?find=<page>}. A refusal of the system comes back
 * to the task page as its translated message (the pages' exception handler).
 */
@Controller
@PreAuthorize("hasRole('CASE_HANDLER')")
class TaskConnectorController {

	private final TaskConnectors connectors;

	TaskConnectorController(TaskConnectors connectors) {
		this.connectors = connectors;
	}

	@PostMapping("/staff/tasks/{id}/connector/copy")
	String copy(@PathVariable long id, @RequestParam(name = "hit", required = false) List<String> hits,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		List<Finding> findings = this.connectors.copy(id, hits, me.toActor());
		redirect.addFlashAttribute("success", "connector.copied");
		redirect.addFlashAttribute("successArgs", new Object[] { findings.size() });
		return back(id);
	}

	@PostMapping("/staff/tasks/{id}/connector/erase")
	String erase(@PathVariable long id, @RequestParam(name = "hit", required = false) List<String> hits,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "false") boolean confirmed, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect) {
		if (!dryRun && !confirmed) {
			redirect.addFlashAttribute("failure", "connector.erase.confirm");
			return back(id);
		}
		return receipt(id, this.connectors.erase(id, hits, dryRun, me.toActor()), "connector.erased", redirect);
	}

	@PostMapping("/staff/tasks/{id}/connector/unsubscribe")
	String unsubscribe(@PathVariable long id, @RequestParam(name = "hit", required = false) List<String> hits,
			@RequestParam(defaultValue = "false") boolean dryRun, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect) {
		return receipt(id, this.connectors.unsubscribe(id, hits, dryRun, me.toActor()), "connector.unsubscribed",
				redirect);
	}

	private static String receipt(long id, Receipt receipt, String code, RedirectAttributes redirect) {
		redirect.addFlashAttribute("success", receipt.dryRun() ? code + ".dryRun" : code);
		redirect.addFlashAttribute("successArgs", new Object[] { receipt.count() });
		redirect.addFlashAttribute("receipt", receipt);
		return back(id);
	}

	private static String back(long id) {
		return "redirect:/staff/tasks/" + id + "#task-connector";
	}

}
