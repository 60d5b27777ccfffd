package se.dsrdesk.location.task;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.dsrdesk.system.ApiController;
import se.dsrdesk.system.ApiProblems;
import se.dsrdesk.location.InvalidOutcomeException;
import se.dsrdesk.location.TaskClosedException;

/**
 * Task outcomes refused by their rules (400, with the fields) and tasks no longer open
 * (409), as the API's problem details.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskApiProblems {

	private final ApiProblems problems;

	TaskApiProblems(ApiProblems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(InvalidOutcomeException.class)
	ProblemDetail invalidOutcome(InvalidOutcomeException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.problems.invalid(ex.violations()
			.stream()
			.map((v) -> new ApiProblems.FieldMessage(v.field(), this.problems.message(v.code(), null, locale)))
			.toList(), locale);
	}

	@ExceptionHandler(TaskClosedException.class)
	ProblemDetail closed(TaskClosedException ex) {
		return this.problems.problem(HttpStatus.CONFLICT, "task-closed", LocaleContextHolder.getLocale());
	}

}
