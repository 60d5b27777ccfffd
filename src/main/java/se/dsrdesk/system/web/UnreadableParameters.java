package se.dsrdesk.system.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parameters Tomcat cannot read: invalid percent-encoding ({@code ?q=%ff}), or a form
 * larger than the connector's limit (2 MB). Tomcat 11 throws on every read of such a
 * request's parameters, also while the error page is rendered, so a person got Tomcat's
 * bare "HTTP Status 413" page or a 500. This filter reads the parameters first and
 * answers 400 or 413 with the application's translated error page, which it renders with
 * a request that has no parameters at all. The API answers such calls itself, as problem
 * details.
 */
class UnreadableParameters extends OncePerRequestFilter {

	/**
	 * Not the API (it answers as problem details), and not uploads: reading a too-large
	 * multipart request's parameters here would answer 413 before the upload's own filter
	 * can send the person back to the page with the translated message.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/"));
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			if (request.getDispatcherType() == DispatcherType.ERROR) {
				chain.doFilter(new WithoutParameters(request), response);
			}
			else {
				response.sendError((ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value())
						? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
			}
			return;
		}
		chain.doFilter(request, response);
	}

	/** The request as if it had no parameters, to render the error page. */
	static final class WithoutParameters extends HttpServletRequestWrapper {

		WithoutParameters(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Collections.emptyMap();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

	}

}
