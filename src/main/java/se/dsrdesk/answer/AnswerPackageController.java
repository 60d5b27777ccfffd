package se.dsrdesk.answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.CacheControl;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.redaction.Redaction;
import se.dsrdesk.system.RefusedException;

/**
 * The review of an answer package, for case handlers: per location the data found
 * (records, files), each included or left out; the text of records and text files edited
 * and masked, with suggested passages about other people highlighted; files the tool
 * cannot mask marked checked. The letter itself is reviewed, previewed as the PDF that is
 * sent and sent on the answer page ({@code /staff/requests/{id}/answer}).
 */
@Controller
@RequestMapping("/staff/requests/{id:\\d+}/package")
@PreAuthorize("hasRole('CASE_HANDLER')")
class AnswerPackageController {

	static final String VIEW = "requests/package";

	/** The longest text of a section the review accepts (a long mail thread). */
	static final int MAX_TEXT = 5_000_000;

	private final AnswerPackages packages;

	private final AnswerDownloads downloads;

	private final RequestService requests;

	AnswerPackageController(AnswerPackages packages, AnswerDownloads downloads, RequestService requests) {
		this.packages = packages;
		this.downloads = downloads;
		this.requests = requests;
	}

	@GetMapping
	String review(@PathVariable long id, @RequestParam(required = false) String names, Model model) {
		DsrRequest request = this.requests.get(id);
		Locale locale = Locale.forLanguageTag(request.getLanguage());
		List<String> otherNames = (names == null) ? List.of()
				: Arrays.stream(names.split("[,\\n]")).map(String::strip).filter((n) -> n.length() > 1).toList();
		List<SectionView> sections = new ArrayList<>();
		for (AnswerPackages.Section section : this.packages.sections(id, locale)) {
			List<RedactionSuggestions.Suggestion> suggestions = RedactionSuggestions.find(section.text(),
					request.getSubject().getEmail(), request.getSubject().getPhone(), otherNames);
			sections.add(new SectionView(section, suggestions, segments(section.text(), suggestions)));
		}
		model.addAttribute("request", request);
		model.addAttribute("sections", sections);
		model.addAttribute("names", (names != null) ? names : "");
		model.addAttribute("carriesData", AnswerPackages.carriesData(request.getType()));
		model.addAttribute("marker", Redaction.marker(locale));
		model.addAttribute("masks", sections.stream().mapToLong((s) -> s.section().masks()).sum());
		List<AnswerPackages.AttachmentChoice> attachments = this.packages.attachments(id);
		model.addAttribute("attachments", attachments);
		model.addAttribute("unchecked",
				sections.stream()
					.filter((s) -> s.section().finding().included() && !s.section().finding().readyToSend())
					.count() + attachments.stream().filter((a) -> a.included() && !a.checked()).count());
		model.addAttribute("identityMissing", this.requests.needsIdentityCheck(id));
		model.addAttribute("authorityMissing", this.requests.needsAuthorityCheck(id));
		model.addAttribute("maxText", MAX_TEXT);
		return VIEW;
	}

	/**
	 * Saves a section's text as reviewed; with {@code maskSuggestions} every suggested
	 * passage is masked first.
	 */
	@PostMapping("/sections/{findingId:\\d+}")
	String saveText(@PathVariable long id, @PathVariable long findingId, @RequestParam String text,
			@RequestParam(required = false) String names, @RequestParam(defaultValue = "false") boolean maskSuggestions,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		if (text.length() > MAX_TEXT) {
			redirect.addFlashAttribute("failure", "package.text.tooLong");
			return back(id, names, findingId);
		}
		String reviewed = text;
		if (maskSuggestions) {
			DsrRequest request = this.requests.get(id);
			List<String> otherNames = (names == null) ? List.of()
					: Arrays.stream(names.split("[,\\n]")).map(String::strip).filter((n) -> n.length() > 1).toList();
			reviewed = RedactionSuggestions.maskAll(text, RedactionSuggestions.find(text,
					request.getSubject().getEmail(), request.getSubject().getPhone(), otherNames));
		}
		this.packages.review(id, findingId, reviewed, me.toActor());
		redirect.addFlashAttribute("success", "package.saved");
		return back(id, names, findingId);
	}

	@PostMapping("/sections/{findingId:\\d+}/checked")
	String checked(@PathVariable long id, @PathVariable long findingId,
			@RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect) {
		if (!confirm) {
			redirect.addFlashAttribute("failure", "package.checked.required");
			return back(id, null, findingId);
		}
		this.packages.markChecked(id, findingId, me.toActor());
		redirect.addFlashAttribute("success", "package.checked.done");
		return back(id, null, findingId);
	}

	@PostMapping("/sections/{findingId:\\d+}/include")
	String include(@PathVariable long id, @PathVariable long findingId, @RequestParam boolean included,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		this.packages.include(id, findingId, included, me.toActor());
		redirect.addFlashAttribute("success", included ? "package.included" : "package.leftOut");
		return back(id, null, findingId);
	}

	/**
	 * Puts a file attached to the request into the package (a copy of what the person
	 * sent or staff uploaded) or leaves it out.
	 */
	@PostMapping("/attachments/{attachmentId:\\d+}/include")
	String includeAttachment(@PathVariable long id, @PathVariable long attachmentId, @RequestParam boolean included,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		this.packages.includeAttachment(id, attachmentId, included, me.toActor());
		redirect.addFlashAttribute("success", included ? "package.included" : "package.leftOut");
		return "redirect:/staff/requests/" + id + "/package#attachment-" + attachmentId;
	}

	/**
	 * Records that an attached file put into the package holds no one else's data.
	 */
	@PostMapping("/attachments/{attachmentId:\\d+}/checked")
	String checkAttachment(@PathVariable long id, @PathVariable long attachmentId,
			@RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect) {
		if (!confirm) {
			redirect.addFlashAttribute("failure", "package.checked.required");
		}
		else {
			this.packages.checkAttachment(id, attachmentId, me.toActor());
			redirect.addFlashAttribute("success", "package.checked.done");
		}
		return "redirect:/staff/requests/" + id + "/package#attachment-" + attachmentId;
	}

	/**
	 * The PDF exactly as it would be sent with the letter as typed on the answer page
	 * (masked passages replaced by the marker), shown in the browser.
	 */
	@PostMapping("/preview")
	Object preview(@PathVariable long id, @RequestParam("answerText") String answerText, RedirectAttributes redirect) {
		DsrRequest request = this.requests.get(id);
		try {
			// A large package is previewed on its build's page, never while this waits.
			this.downloads.requireSmall(id);
			byte[] pdf = this.downloads.packagePdf(request, Locale.forLanguageTag(request.getLanguage()), answerText);
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.inline()
							.filename("preview-" + request.getReference() + ".pdf")
							.build()
							.toString())
				.cacheControl(CacheControl.noStore())
				.body(pdf);
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("failure", ex.messageCode());
			redirect.addFlashAttribute("failureArgs", ex.arguments());
			return "redirect:/staff/requests/" + id + "/package";
		}
	}

	private static String back(long id, String names, long findingId) {
		return "redirect:/staff/requests/" + id + "/package"
				+ ((names != null && !names.isBlank())
						? "?names=" + java.net.URLEncoder.encode(names, java.nio.charset.StandardCharsets.UTF_8) : "")
				+ "#section-" + findingId;
	}

	/** The text cut into plain runs and suggested passages, for highlighting. */
	static List<Segment> segments(String text, List<RedactionSuggestions.Suggestion> suggestions) {
		if (text == null) {
			return List.of();
		}
		List<Segment> segments = new ArrayList<>();
		int at = 0;
		for (RedactionSuggestions.Suggestion s : suggestions) {
			if (s.start() > at) {
				segments.add(new Segment(text.substring(at, s.start()), null));
			}
			segments.add(new Segment(s.text(), s.kind()));
			at = s.end();
		}
		if (at < text.length()) {
			segments.add(new Segment(text.substring(at), null));
		}
		return segments;
	}

	/**
	 * A section on the page.
	 *
	 * @param section the section
	 * @param suggestions passages suggested for masking
	 * @param segments the text with the suggestions marked
	 */
	record SectionView(AnswerPackages.Section section, List<RedactionSuggestions.Suggestion> suggestions,
			List<Segment> segments) {
	}

	/**
	 * A run of text, suggested for masking when it has a kind.
	 *
	 * @param text the text
	 * @param kind what it looks like, {@code null} for plain text
	 */
	record Segment(String text, RedactionSuggestions.Kind kind) {
	}

}
