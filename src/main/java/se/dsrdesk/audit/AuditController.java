package se.dsrdesk.audit;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail, newest first, for compliance officers and admins.
 */
@Controller
@RequestMapping("/staff/audit")
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("events", this.auditLog.latest(PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		return "audit/list";
	}

}
