package se.dsrdesk.system.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import se.dsrdesk.system.DatabaseFailures;
import se.dsrdesk.system.RefusedException;

/**
 * The pages' one handler of refused actions ({@link RefusedException}) that a controller
 * did not put on its form itself. A record that does not exist gets the not-found page
 * (404). A refused form post goes back to the page it came from, with the message as a
 * flash message; anything else gets the error page with the status of the refusal and its
 * message in the reader's language. Never a stack trace.
 *
 * <p>
 * Controllers that show the form again with what was typed catch the refusal themselves
 * and put it on the form with {@link RefusedException#rejectOn}. The API's controllers
 * are answered by {@code system.api.ApiExceptionHandler}, which comes first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(PageExceptionHandler.class);

	/**
	 * The flash attribute of a refusal's message key, as the pages' flash fragment reads
	 * it.
	 */
	static final String FAILURE = "failure";

	/** The flash attribute of the message's arguments, when it has any. */
	static final String FAILURE_ARGUMENTS = "failureArgs";

	@ExceptionHandler(RefusedException.class)
	ModelAndView refused(RefusedException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String back = (ex.httpStatus() != HttpStatus.NOT_FOUND && !HttpMethod.GET.matches(request.getMethod()))
				? sameSitePath(request) : null;
		if (back != null) {
			RequestContextUtils.getOutputFlashMap(request).put(FAILURE, ex.messageCode());
			if (ex.arguments().length > 0) {
				RequestContextUtils.getOutputFlashMap(request).put(FAILURE_ARGUMENTS, ex.arguments());
			}
			return new ModelAndView("redirect:" + back);
		}
		// The error page, rendered by Boot's error controller with the refusal's message
		// (RefusalErrorAttributes).
		response.sendError(ex.httpStatus().value());
		return new ModelAndView();
	}

	/**
	 * A malformed value in the address: a path variable that cannot be a record's id
	 * (such as {@code /staff/locations/abc}) is a page that does not exist (404); a query
	 * parameter of the wrong kind is a bad request (400). Both with the translated error
	 * page.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView mismatch(MethodArgumentTypeMismatchException ex, HttpServletResponse response) throws IOException {
		boolean pathVariable = ex.getParameter().hasParameterAnnotation(PathVariable.class);
		response.sendError(pathVariable ? HttpStatus.NOT_FOUND.value() : HttpStatus.BAD_REQUEST.value());
		return new ModelAndView();
	}

	/** A request that cannot be read: the translated 400 page, never a 500. */
	@ExceptionHandler({ MissingServletRequestParameterException.class, HttpMessageNotReadableException.class,
			TypeMismatchException.class, InvalidParameterException.class })
	ModelAndView unreadable(Exception ex, HttpServletResponse response) throws IOException {
		int status = (ex instanceof InvalidParameterException invalid && invalid.getErrorCode() == 413)
				? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value();
		response.sendError(status);
		return new ModelAndView();
	}

	/** A file or form over the limits: the translated 413 page instead of Tomcat's. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(MaxUploadSizeExceededException ex, HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
		return new ModelAndView();
	}

	/**
	 * The database did not answer: 503 with the translated page, nothing changed (the
	 * transaction was rolled back), instead of "something went wrong".
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			QueryTimeoutException.class, RecoverableDataAccessException.class, CannotCreateTransactionException.class })
	ModelAndView unavailable(Exception ex, HttpServletResponse response) throws IOException {
		logger.warn("The database did not answer a page: {}", ex.toString());
		response.setHeader(HttpHeaders.RETRY_AFTER, "30");
		response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
		return new ModelAndView();
	}

	/**
	 * The database went away in the middle of the transaction, and the rollback failed on
	 * the closed connection: Spring reports the rollback's failure. Nothing was stored,
	 * so this is the same 503 as above; any other such failure stays an error.
	 */
	@ExceptionHandler({ UncategorizedDataAccessException.class, TransactionSystemException.class })
	ModelAndView rollbackFailed(Exception ex, HttpServletResponse response) throws Exception {
		if (!DatabaseFailures.lostConnection(ex)) {
			throw ex;
		}
		return unavailable(ex, response);
	}

	/**
	 * The page the form was posted from, when the browser said so and it is on this site:
	 * its path and query only, so that no refusal redirects elsewhere.
	 */
	private static String sameSitePath(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return null;
		}
		try {
			URI uri = URI.create(referer);
			if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())
					|| port(uri) != request.getServerPort() || uri.getRawPath() == null
					|| !uri.getRawPath().startsWith("/")) {
				return null;
			}
			return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	/**
	 * Boot's error attributes, plus {@code refusal}: the message of the refused action
	 * that led to the error page, in the reader's language, for the page to show.
	 */
	@Component
	static class RefusalErrorAttributes extends DefaultErrorAttributes {

		private final MessageSource messages;

		RefusalErrorAttributes(MessageSource messages) {
			this.messages = messages;
		}

		@Override
		public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
			Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
			if (getError(webRequest) instanceof RefusedException refusal) {
				attributes.put("refusal", this.messages.getMessage(refusal.messageCode(), refusal.arguments(),
						LocaleContextHolder.getLocale()));
			}
			return attributes;
		}

	}

}
