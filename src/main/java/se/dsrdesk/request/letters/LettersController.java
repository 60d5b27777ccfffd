package se.dsrdesk.request.letters;

import java.time.LocalDate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.notification.Correspondence;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.system.RefusedException;

/**
 * Letters to post ({@code /staff/letters}), for case handlers: every letter to a person
 * without an email address that nobody has recorded as posted yet, oldest first, with its
 * printable PDF and "posted on". The request page lists its own letters with the same
 * actions.
 */
@Controller
@PreAuthorize("hasRole('CASE_HANDLER')")
class LettersController {

	static final String PATH = "/staff/letters";

	static final int PAGE_SIZE = 50;

	private final Outbox outbox;

	private final LetterPosting posting;

	private final RequestService requests;

	LettersController(Outbox outbox, LetterPosting posting, RequestService requests) {
		this.outbox = outbox;
		this.posting = posting;
		this.requests = requests;
	}

	@GetMapping(PATH)
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Page<Correspondence> letters = this.outbox
			.lettersToPost(PageRequest.of(Math.max(0, Math.min(page, 100_000)), PAGE_SIZE));
		model.addAttribute("letters", letters);
		model.addAttribute("today", this.requests.today());
		return "staff/letters";
	}

	@GetMapping(PATH + "/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
		byte[] pdf = this.posting.print(id, null, me.toActor());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("letter-" + id + ".pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	@PostMapping(PATH + "/{id}/posted")
	String posted(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postedOn,
			@RequestParam(required = false) Long request, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect) {
		String back = (request != null) ? "redirect:/staff/requests/" + request : "redirect:" + PATH;
		try {
			this.posting.posted(id, request, postedOn, me.toActor());
			redirect.addFlashAttribute("success", "letters.posted.done");
		}
		catch (RefusedException ex) {
			if (ex.httpStatus().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("failure", ex.messageCode());
		}
		return back;
	}

}
