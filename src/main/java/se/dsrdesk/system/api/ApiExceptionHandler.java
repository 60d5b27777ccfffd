package se.dsrdesk.system.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import se.dsrdesk.system.ApiController;
import se.dsrdesk.system.ApiProblems;
import se.dsrdesk.system.InvalidInputException;
import se.dsrdesk.system.NotFoundException;

/**
 * The API's errors that belong to no capability, as problem details: bad input (400 with
 * field errors, translated), an unknown record (404), a refused role (403) and anything
 * unexpected (500, without details). Spring MVC's own exceptions (405, 406, 415 ...) get
 * its standard problem details. The packages translate their own domain exceptions in
 * advices that come before this one. Only {@link ApiController}s are advised: the web
 * pages keep their error pages.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final ApiProblems problems;

	ApiExceptionHandler(ApiProblems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return this.problems.problem(HttpStatus.NOT_FOUND, "not-found", locale());
	}

	/** A method security check refused the caller: the same answer as the URL rules'. */
	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return this.problems.problem(HttpStatus.FORBIDDEN, "forbidden", locale());
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException ex) {
		Locale locale = locale();
		return this.problems.invalid(ex.fields()
			.stream()
			.map((f) -> new ApiProblems.FieldMessage(f.field(), this.problems.message(f.code(), null, locale)))
			.toList(), locale);
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
