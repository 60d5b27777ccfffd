package se.dsrdesk.request.attachment;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Tomcat 11 fails a too-large multipart request as soon as anything reads a parameter,
 * which the CSRF filter does before any controller runs: the person would get an error
 * instead of the page. This filter runs before Spring Security and answers an upload
 * whose declared length is over the limit with a redirect back to the request page and
 * the translated "too large" message (in the visitor's existing session only; it changes
 * nothing else). Tomcat reads the rest of the body
 * ({@code server.tomcat.max-swallow-size}) so that the browser sees the redirect. The
 * person's message with a file from their status page, which has no session, goes back to
 * the status page with the refusal in the address.
 */
class UploadTooLargeFilter extends OncePerRequestFilter {

	private static final Pattern UPLOAD_PATH = Pattern.compile("/staff/requests/(\\d+)/attachments/?");

	/** The person's message with a file, from their status page. */
	private static final Pattern STATUS_MESSAGE_PATH = Pattern.compile("(/request/status/[^/]+/[^/]+)/message/?");

	private final long limit;

	private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

	UploadTooLargeFilter(long limit) {
		this.limit = limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher status = STATUS_MESSAGE_PATH.matcher(path);
		if ("POST".equals(request.getMethod()) && status.matches() && request.getContentLengthLong() > this.limit) {
			// The status page keeps no session: the refusal goes back in its address.
			// What
			// was typed with the file cannot be kept, since the body is never read.
			response.sendRedirect(request.getContextPath() + status.group(1) + "?refused=tooLarge#write");
			return;
		}
		Matcher matcher = UPLOAD_PATH.matcher(path);
		if ("POST".equals(request.getMethod()) && matcher.matches() && request.getContentLengthLong() > this.limit
				&& request.getSession(false) != null) {
			String page = request.getContextPath() + "/staff/requests/" + matcher.group(1);
			FlashMap flash = new FlashMap();
			flash.put(RequestAttachmentController.ERROR, "attachments.error.tooLarge");
			flash.setTargetRequestPath(page);
			this.flashMaps.saveOutputFlashMap(flash, request, response);
			response.sendRedirect(page + "#attachments");
			return;
		}
		chain.doFilter(request, response);
	}

}
