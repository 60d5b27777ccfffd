package se.dsrdesk.request.attachment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.dsrdesk.account.StaffPrincipal;

/**
 * Uploading a file to a request (case handlers, while the request is open) and
 * downloading one (case handlers and compliance officers). The list is on the request
 * page. A refused upload goes back to the page with a translated message next to the file
 * field; an upload over the servlet's size limit is turned into the same message by
 * {@link UploadTooLargeFilter}.
 */
@PreAuthorize("hasAnyRole('CASE_HANDLER', 'COMPLIANCE_OFFICER')")
@Controller
class RequestAttachmentController {

	/** The flash attribute holding the message key of a refused upload. */
	static final String ERROR = "attachmentError";

	private final RequestAttachments attachments;

	RequestAttachmentController(RequestAttachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping("/staff/requests/{id:\\d+}/attachments")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean identityDocument, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect) throws IOException {
		try {
			byte[] content = (file != null) ? file.getBytes() : new byte[0];
			this.attachments.add(id, (file != null) ? file.getOriginalFilename() : null, content, identityDocument,
					me.toActor());
			redirect.addFlashAttribute("success", "attachments.done.added");
		}
		catch (AttachmentRefusedException ex) {
			redirect.addFlashAttribute(ERROR, ex.messageCode());
		}
		return "redirect:/staff/requests/" + id + "#attachments";
	}

	@PostMapping("/staff/requests/{id:\\d+}/attachments/{attachmentId:\\d+}/delete")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	String delete(@PathVariable long id, @PathVariable long attachmentId,
			@RequestParam(required = false) DeletionReason reason, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect) {
		if (reason == null) {
			redirect.addFlashAttribute("failure", "attachments.delete.reasonRequired");
		}
		else {
			this.attachments.delete(id, attachmentId, reason, me.toActor());
			redirect.addFlashAttribute("success", "attachments.done.deleted");
		}
		return "redirect:/staff/requests/" + id + "#attachments";
	}

	@GetMapping("/staff/requests/{id:\\d+}/attachments/{attachmentId:\\d+}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal StaffPrincipal me) {
		RequestAttachments.File file = this.attachments.download(id, attachmentId, me.toActor());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.fileName()))
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore())
			.body(file.content());
	}

	/**
	 * {@code attachment} with an ASCII {@code filename} for old clients and the full name
	 * as {@code filename*} in UTF-8 (RFC 6266, RFC 8187).
	 * @param name the stored, normalised file name
	 * @return the header value
	 */
	static String contentDisposition(String name) {
		StringBuilder ascii = new StringBuilder();
		StringBuilder encoded = new StringBuilder();
		name.codePoints()
			.forEach((c) -> ascii.append((c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? (char) c : '_'));
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(String.format("%02X", c));
			}
		}
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
	}

}
