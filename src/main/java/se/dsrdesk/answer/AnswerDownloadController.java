package se.dsrdesk.answer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.dsrdesk.request.StatusLinks;

/**
 * The person's download of their answer package (the access extract, a portability
 * answer's data, the original files), through the one link in the answer mail. No sign-in
 * (the link's secret is the key) and no session; the same files from the person's status
 * page. An unknown link answers 404, an expired one 410, both with a page that says what
 * to do.
 */
@Controller
class AnswerDownloadController {

	static final String GONE_VIEW = "public/download-gone";

	static final String LIST_VIEW = "public/download";

	private final AnswerDownloads downloads;

	private final AnswerDownloadRateLimit limit;

	private final StatusLinks statusLinks;

	AnswerDownloadController(AnswerDownloads downloads, AnswerDownloadRateLimit limit, StatusLinks statusLinks) {
		this.downloads = downloads;
		this.limit = limit;
		this.statusLinks = statusLinks;
	}

	/**
	 * The link's page: the files of the answer package (the extract, the data, the
	 * original files, one ZIP of all), until the link expires. Counted by the same rate
	 * limit as the downloads.
	 */
	@GetMapping("/request/download/{token}/")
	String files(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (tooMany(model, request, response)) {
			return GONE_VIEW;
		}
		AnswerDownloads.Listing listing = this.downloads.list(token);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (listing.status() != AnswerDownloads.Download.Status.OK) {
			boolean gone = listing.status() == AnswerDownloads.Download.Status.GONE;
			response.setStatus(gone ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("problem", gone ? "gone" : "unknown");
			return GONE_VIEW;
		}
		model.addAttribute("listing", listing);
		model.addAttribute("token", token);
		return LIST_VIEW;
	}

	@GetMapping("/request/download/{token}/{file:[A-Za-z0-9][A-Za-z0-9._-]*}")
	Object download(@PathVariable String token, @PathVariable String file, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (tooMany(model, request, response)) {
			return GONE_VIEW;
		}
		return serve(this.downloads.open(token, file), model, response);
	}

	/**
	 * The same files from the person's status page, whose buttons cannot rebuild the
	 * mailed link (only its hash is stored): the status link is the key, checked as the
	 * status page checks it, and the request's newest answer link gives the files. Same
	 * rate limit, expiry (410) and audit as through the mailed link.
	 */
	@GetMapping("/request/status/{reference}/{token}/files/{file:[A-Za-z0-9][A-Za-z0-9._-]*}")
	Object downloadFromStatusPage(@PathVariable String reference, @PathVariable String token, @PathVariable String file,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		if (tooMany(model, request, response)) {
			return GONE_VIEW;
		}
		AnswerDownloads.Download download = this.statusLinks.requestOf(reference, token)
			.map((requestId) -> this.downloads.openForRequest(requestId, file))
			.orElseGet(AnswerDownloads.Download::unknown);
		return serve(download, model, response);
	}

	private static Object serve(AnswerDownloads.Download download, Model model, HttpServletResponse response) {
		if (download.status() != AnswerDownloads.Download.Status.OK) {
			boolean gone = download.status() == AnswerDownloads.Download.Status.GONE;
			response.setStatus(gone ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			model.addAttribute("problem", gone ? "gone" : "unknown");
			return GONE_VIEW;
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(download.name()).build().toString())
			.contentLength(download.size())
			.cacheControl(CacheControl.noStore())
			.body(new InputStreamResource(download.stream().get()));
	}

	private boolean tooMany(Model model, HttpServletRequest request, HttpServletResponse response) {
		long wait = this.limit.consume(request.getRemoteAddr());
		if (wait <= 0) {
			return false;
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("problem", "tooMany");
		return true;
	}

}
