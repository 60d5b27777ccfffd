package se.dsrdesk.mailbox;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.connector.ConnectorException;
import se.dsrdesk.mailbox.MailboxProperties.Mailbox;
import se.dsrdesk.system.RefusedException;

/**
 * A mailbox location's pages: the connection test (admins, from the location's page), the
 * yearly review of old mails that mention personal data with its bulk delete, and marking
 * a mail kept (the location's owner or an admin).
 */
@Controller
@RequestMapping("/staff/locations/{id}/mailboxes")
class MailboxController {

	private final LocationService locations;

	private final MailboxConnector connector;

	private final MailboxReview review;

	private final KeptMails kept;

	private final AuditLog audit;

	MailboxController(LocationService locations, MailboxConnector connector, MailboxReview review, KeptMails kept,
			AuditLog audit) {
		this.locations = locations;
		this.connector = connector;
		this.review = review;
		this.kept = kept;
		this.audit = audit;
	}

	@PostMapping("/test")
	String test(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		DataLocation location = this.locations.get(id);
		List<Mailbox> boxes = this.connector.mailboxesOf(location);
		if (boxes.isEmpty()) {
			redirect.addFlashAttribute("failure", "mailbox.test.none");
			return back(id);
		}
		try {
			StringBuilder details = new StringBuilder();
			MailboxConnector.Check last = null;
			for (Mailbox box : boxes) {
				last = this.connector.check(box);
				details.append(box.name()).append(" ok; ");
			}
			this.audit.record(me.toActor(), "MAILBOX_TESTED", "DATA_LOCATION", id, details.toString().strip());
			redirect.addFlashAttribute("success", "mailbox.test.ok");
			redirect.addFlashAttribute("successArgs", new Object[] {
					(boxes.size() == 1) ? last.mailbox() : boxes.size() + " mailboxes", last.folders(), last.mails() });
		}
		catch (ConnectorException ex) {
			this.audit.record(me.toActor(), "MAILBOX_TESTED", "DATA_LOCATION", id, "failed: " + ex.messageCode());
			redirect.addFlashAttribute("failure", ex.messageCode());
			redirect.addFlashAttribute("failureArgs", ex.arguments());
		}
		return back(id);
	}

	@GetMapping("/review")
	String review(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		DataLocation location = this.locations.get(id);
		this.review.checkMayReview(location, me);
		model.addAttribute("location", location);
		model.addAttribute("configured", !this.connector.mailboxesOf(location).isEmpty());
		model.addAttribute("grounds", KeptMails.Ground.values());
		if (!this.connector.mailboxesOf(location).isEmpty()) {
			try {
				model.addAttribute("listing", this.review.list(location));
			}
			catch (RefusedException ex) {
				model.addAttribute("reviewFailure", ex);
			}
		}
		return "locations/mailbox-review";
	}

	@PostMapping("/review")
	String delete(@PathVariable long id, @RequestParam(name = "hit", required = false) List<String> hits,
			@RequestParam(defaultValue = "0") int listed, @RequestParam(defaultValue = "0") int excluded,
			@RequestParam(defaultValue = "false") boolean confirmed, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect) {
		DataLocation location = this.locations.get(id);
		this.review.checkMayReview(location, me);
		if (!confirmed) {
			redirect.addFlashAttribute("failure", "mailbox.review.mustConfirm");
			return "redirect:/staff/locations/" + id + "/mailboxes/review";
		}
		MailboxReview.Outcome outcome = this.review.delete(location, hits, Math.max(0, listed), Math.max(0, excluded),
				me);
		redirect.addFlashAttribute("success", "mailbox.review.done");
		redirect.addFlashAttribute("successArgs",
				new Object[] { outcome.deleted(), outcome.skipped(), outcome.listed() });
		return back(id);
	}

	@PostMapping("/keep")
	String keep(@PathVariable long id, @RequestParam(required = false) String mailbox,
			@RequestParam(required = false) String folder, @RequestParam(required = false) String messageId,
			@RequestParam(required = false) KeptMails.Ground ground,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		DataLocation location = this.locations.get(id);
		// who may, before what is missing: no one else learns anything from the answer
		this.review.checkMayReview(location, me);
		if (mailbox == null || folder == null || ground == null || until == null) {
			throw new RefusedException(org.springframework.http.HttpStatus.BAD_REQUEST, null, "mailbox.keep.missing");
		}
		this.kept.keep(id, mailbox, folder, messageId, ground, until, me.toActor());
		redirect.addFlashAttribute("success", "mailbox.keep.done");
		redirect.addFlashAttribute("successArgs", new Object[] { until });
		return "redirect:/staff/locations/" + id + "/mailboxes/review";
	}

	private static String back(long id) {
		return "redirect:/staff/locations/" + id;
	}

}
