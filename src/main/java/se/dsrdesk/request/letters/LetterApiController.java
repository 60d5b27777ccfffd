package se.dsrdesk.request.letters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.notification.Correspondence;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.system.ApiController;

/**
 * A request's letters by post in the API: the list (to post and posted), the printable
 * PDF, and recording one as posted. Case handlers only, as on the pages.
 */
@ApiController
@PreAuthorize("hasRole('CASE_HANDLER')")
@RequestMapping("/api/v1/requests/{reference}/letters")
@Tag(name = "Letters by post", description = "Letters to people without an email address: print and record as posted")
class LetterApiController {

	private final Outbox outbox;

	private final LetterPosting posting;

	private final RequestService requests;

	LetterApiController(Outbox outbox, LetterPosting posting, RequestService requests) {
		this.outbox = outbox;
		this.posting = posting;
		this.requests = requests;
	}

	@GetMapping
	@Operation(summary = "List a request's letters by post, oldest first: to post, and posted with the day")
	List<LetterJson> list(@PathVariable String reference) {
		long requestId = this.requests.byReference(reference).getId();
		return this.outbox.lettersForRequest(requestId).stream().map(LetterJson::of).toList();
	}

	@GetMapping(value = "/{letterId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "The printable letter (A4, for a window envelope) with its enclosures")
	ResponseEntity<byte[]> pdf(@PathVariable String reference, @PathVariable long letterId,
			@AuthenticationPrincipal StaffPrincipal me) {
		long requestId = this.requests.byReference(reference).getId();
		byte[] pdf = this.posting.print(letterId, requestId, me.toActor());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("letter-" + letterId + ".pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	@PostMapping("/{letterId}/posted")
	@Operation(summary = "Record a letter as posted on a day (not in the future, not before it was written); "
			+ "a posted extension notice puts the extension in force when posted within the first month")
	LetterJson posted(@PathVariable String reference, @PathVariable long letterId,
			@Validated @RequestBody PostedJson body, @AuthenticationPrincipal StaffPrincipal me) {
		long requestId = this.requests.byReference(reference).getId();
		return LetterJson.of(this.posting.posted(letterId, requestId, body.postedOn(), me.toActor()));
	}

	/**
	 * Recording a letter as posted.
	 *
	 * @param postedOn the day it was posted
	 */
	record PostedJson(@NotNull LocalDate postedOn) {

	}

	/**
	 * A letter by post.
	 *
	 * @param id the letter's id
	 * @param template which letter it is, such as {@code request-extended}
	 * @param subject its subject line
	 * @param status {@code TO_POST} or {@code POSTED}
	 * @param createdAt when it was written
	 * @param postedOn the day it was posted, or {@code null}
	 */
	record LetterJson(long id, String template, String subject, String status, Instant createdAt, LocalDate postedOn) {

		static LetterJson of(Correspondence letter) {
			return new LetterJson(letter.getId(), letter.getTemplate(), letter.getSubject(), letter.getStatus().name(),
					letter.getCreatedAt(), letter.getPostedOn());
		}

	}

}
