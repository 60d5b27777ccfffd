package se.dsrdesk.system.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import se.dsrdesk.system.DatabaseFailures;
import se.dsrdesk.system.ApiController;
import se.dsrdesk.system.ApiProblems;
import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.system.RefusedException;

/**
 * The API's one error handler, answering with problem details (RFC 9457): every
 * {@link RefusedException} (an unknown record 404, a step the status does not allow or a
 * change by someone else 409, refused input 400 with the fields) as the refusal says,
 * Bean Validation and binding errors (400 with field errors, translated), a refused role
 * (403) and anything unexpected (500, without details). Spring MVC's own exceptions (405,
 * 406, 415 ...) get its standard problem details. Only {@link ApiController}s are
 * advised: the pages have their own handler, {@code system.web.PageExceptionHandler}.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final ApiProblems problems;

	ApiExceptionHandler(ApiProblems problems) {
		this.problems = problems;
	}

	/**
	 * Every refusal of the domain: a record that does not exist, a step the status does
	 * not allow, a change by someone else meanwhile, input refused beyond Bean
	 * Validation.
	 */
	@ExceptionHandler(RefusedException.class)
	ProblemDetail refused(RefusedException ex) {
		return this.problems.refused(ex, locale());
	}

	/** A save that lost the race with someone else's: the same answer as a refusal's. */
	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ProblemDetail changedMeanwhile(ObjectOptimisticLockingFailureException ex) {
		return this.problems.problem(HttpStatus.CONFLICT, ConcurrentChangeException.CHANGED_MEANWHILE, locale());
	}

	/**
	 * The database did not answer (restarting, unreachable, a lock or query timeout): 503
	 * with {@code Retry-After}, not a 500. The transaction was rolled back, so the call
	 * can be made again (with the same {@code Idempotency-Key} for a POST).
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> unavailable(Exception ex) {
		log.warn("The database did not answer an API call: {}", ex.toString());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(this.problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", locale()));
	}

	/**
	 * The database went away in the middle of the transaction and the rollback failed on
	 * the closed connection (Spring reports the rollback's failure): nothing was stored,
	 * so 503 as above. Any other such failure stays an error.
	 */
	@ExceptionHandler({ UncategorizedDataAccessException.class, TransactionSystemException.class })
	ResponseEntity<ProblemDetail> rollbackFailed(Exception ex) throws Exception {
		if (!DatabaseFailures.lostConnection(ex)) {
			throw ex;
		}
		return unavailable(ex);
	}

	/**
	 * Parameters Tomcat could not read (invalid percent-encoding such as {@code %ff}, or
	 * a form body over the connector's limit): 400 or 413, not a 500.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> unreadableParameters(InvalidParameterException ex) {
		if (ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(this.problems.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", locale(),
						ApiPostTransactions.MAX_BODY / 1024));
		}
		return ResponseEntity.badRequest().body(this.problems.invalid(List.of(), locale()));
	}

	/** A method security check refused the caller: the same answer as the URL rules'. */
	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return this.problems.problem(HttpStatus.FORBIDDEN, "forbidden", locale());
	}

	/**
	 * The domain's last line against bad input that the API let through. In this advice,
	 * after all others: an advice also matches an exception's causes, and a failed
	 * conversion has one of these as its cause.
	 */
	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		return this.problems.invalid(List.of(), locale());
	}

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException ex) {
		log.error("Unexpected error in an API call", ex);
		return this.problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected", locale());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = locale();
		List<ApiProblems.FieldMessage> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new ApiProblems.FieldMessage(error.getField(), this.problems.message(error, locale)));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(new ApiProblems.FieldMessage(null, this.problems.message(error, locale))));
		return badRequest(this.problems.invalid(errors, locale));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = locale();
		List<ApiProblems.FieldMessage> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach(
					(result) -> result.getResolvableErrors()
						.forEach((error) -> errors
							.add(new ApiProblems.FieldMessage(result.getMethodParameter().getParameterName(),
									this.problems.message(error, locale)))));
		return badRequest(this.problems.invalid(errors, locale));
	}

	/**
	 * A body that is not JSON, or a value of the wrong kind in a field (an unknown type,
	 * a number as text): the field is named where Jackson knows it.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = locale();
		if (ex.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
			String field = path(json.getPath());
			if (!field.isEmpty()) {
				return badRequest(this.problems.invalid(field, "validation.invalid", locale));
			}
		}
		return badRequest(this.problems.problem(HttpStatus.BAD_REQUEST, "malformed-body", locale));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return badRequest(this.problems.invalid(field, "validation.invalid", locale()));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badRequest(this.problems.invalid(ex.getParameterName(), "validation.required", locale()));
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static ResponseEntity<Object> badRequest(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
