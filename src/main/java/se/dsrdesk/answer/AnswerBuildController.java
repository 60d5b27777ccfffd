package se.dsrdesk.answer;

import java.util.List;
import java.util.Locale;

import org.springframework.core.io.InputStreamResource;
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
import se.dsrdesk.system.NotFoundException;

/**
 * The answer package built in the background, for case handlers: "Prepare the package" on
 * the answer page queues a build of the letter as typed and answers at once with the
 * build's page, which shows its progress (reloading itself every two seconds, with or
 * without JavaScript) and, once the files are ready, lists them (the PDF to preview) and
 * offers the send button; until then the button is disabled. Sending posts to the answer
 * page's own action, which takes the ready files ({@link AnswerDownloads#attach}).
 */
@Controller
@RequestMapping("/staff/requests/{id:\\d+}/package/builds")
@PreAuthorize("hasRole('CASE_HANDLER')")
class AnswerBuildController {

	static final String VIEW = "requests/package-build";

	/** The longest letter a build takes, as the answer form (request.casefile). */
	static final int MAX_LETTER = 20_000;

	private final AnswerBuilds builds;

	private final AnswerDownloads downloads;

	private final RequestService requests;

	AnswerBuildController(AnswerBuilds builds, AnswerDownloads downloads, RequestService requests) {
		this.builds = builds;
		this.downloads = downloads;
		this.requests = requests;
	}

	/**
	 * Queues a build of the package for the letter as typed; a second while one is
	 * waiting or running is refused and leads to the running one.
	 */
	@PostMapping
	String prepare(@PathVariable long id, @RequestParam(defaultValue = "") String answerText,
			@RequestParam(required = false) String lateReason,
			@RequestParam(defaultValue = "false") boolean confirmRefusalWording,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		this.requests.get(id);
		if (answerText.isBlank() || answerText.length() > MAX_LETTER) {
			redirect.addFlashAttribute("failure",
					answerText.isBlank() ? "package.build.textMissing" : "package.build.textTooLong");
			return "redirect:/staff/requests/" + id + "/answer";
		}
		try {
			long build = this.builds.queue(id, answerText, (lateReason != null) ? lateReason.strip() : null,
					confirmRefusalWording, me.toActor());
			return "redirect:/staff/requests/" + id + "/package/builds/" + build;
		}
		catch (AnswerBuilds.BuildRunningException ex) {
			redirect.addFlashAttribute("failure", ex.messageCode());
			return (ex.running() > 0) ? "redirect:/staff/requests/" + id + "/package/builds/" + ex.running()
					: "redirect:/staff/requests/" + id + "/answer";
		}
	}

	@GetMapping("/{buildId:\\d+}")
	String progress(@PathVariable long id, @PathVariable long buildId, Model model) {
		DsrRequest request = this.requests.get(id);
		AnswerBuilds.Build build = this.builds.get(id, buildId).orElseThrow(() -> new NotFoundException("Build"));
		model.addAttribute("request", request);
		model.addAttribute("build", build);
		model.addAttribute("files", (build.downloadId() != null && build.status() == AnswerBuilds.Build.Status.READY)
				? this.downloads.files(build.downloadId()) : List.of());
		model.addAttribute("late", this.requests.answerIsLate(id));
		model.addAttribute("masks", Redaction.count(build.letterText()));
		model.addAttribute("marker", Redaction.marker(Locale.forLanguageTag(request.getLanguage())));
		return VIEW;
	}

	/** A file of a ready build, for the handler to look at before sending. */
	@GetMapping("/{buildId:\\d+}/files/{file:[A-Za-z0-9][A-Za-z0-9._-]*}")
	ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long buildId,
			@PathVariable String file) {
		AnswerBuilds.Build build = this.builds.get(id, buildId)
			.filter((b) -> b.downloadId() != null)
			.orElseThrow(() -> new NotFoundException("Build"));
		AnswerDownloads.Download download = this.downloads.file(build.downloadId(), file)
			.orElseThrow(() -> new NotFoundException("File"));
		ContentDisposition disposition = AnswerDownloads.PDF.equals(file)
				? ContentDisposition.inline().filename(file).build()
				: ContentDisposition.attachment().filename(file).build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.contentLength(download.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.cacheControl(CacheControl.noStore())
			.body(new InputStreamResource(download.stream().get()));
	}

}
