package se.dsrdesk.request;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An upload larger than {@code spring.servlet.multipart.max-file-size} fails while the
 * request is parsed, before any controller runs. Instead of an error page, the person is
 * sent back to the request page with the translated "too large" message.
 */
@ControllerAdvice
class UploadTooLargeAdvice {

	private static final Pattern REQUEST_PATH = Pattern.compile("/staff/requests/(\\d+)/attachments/?");

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher matcher = REQUEST_PATH.matcher(path);
		RequestContextUtils.getOutputFlashMap(request)
			.put(RequestAttachmentController.ERROR, "attachments.error.tooLarge");
		return matcher.matches() ? "redirect:/staff/requests/" + matcher.group(1) + "#attachments"
				: "redirect:/staff/requests";
	}

}
