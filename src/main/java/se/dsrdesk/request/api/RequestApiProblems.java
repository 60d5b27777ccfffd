package se.dsrdesk.request.api;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.dsrdesk.deadline.ExtensionNotAllowedException;
import se.dsrdesk.system.ApiController;
import se.dsrdesk.system.ApiProblems;
import se.dsrdesk.request.ConcurrentChangeException;
import se.dsrdesk.request.IllegalTransitionException;
import se.dsrdesk.request.InvalidAssigneeException;
import se.dsrdesk.request.RequestAction;
import se.dsrdesk.request.RequestHasOpenTasksException;
import se.dsrdesk.request.RequestStatus;

/**
 * The request workflow's refusals as the API's problem details: a step the status does
 * not allow, an extension after the one-month deadline, a change by someone else
 * meanwhile and a request with open tasks are state conflicts (409); an assignee who is
 * not an active case handler, or input the controller refused, is bad input (400).
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestApiProblems {

	private final ApiProblems problems;

	RequestApiProblems(ApiProblems problems) {
		this.problems = problems;
	}

	/**
	 * A step the status does not allow. A second extension is told as an extension that
	 * is not allowed, which is what it is.
	 */
	@ExceptionHandler(IllegalTransitionException.class)
	ProblemDetail notAllowed(IllegalTransitionException ex) {
		Locale locale = locale();
		if (ex.action() == RequestAction.EXTENDED && RequestStatus.EXTENDABLE.contains(ex.status())) {
			return this.problems.problem(HttpStatus.CONFLICT, "extension-not-allowed", locale);
		}
		ProblemDetail problem = this.problems.problem(HttpStatus.CONFLICT, "transition-not-allowed", locale,
				this.problems.message("inbox.status." + ex.status().name(), null, locale));
		problem.setProperty("requestStatus", ex.status().name());
		return problem;
	}

	@ExceptionHandler(ExtensionNotAllowedException.class)
	ProblemDetail extensionNotAllowed(ExtensionNotAllowedException ex) {
		return this.problems.problem(HttpStatus.CONFLICT, "extension-not-allowed", locale());
	}

	@ExceptionHandler({ ConcurrentChangeException.class, ObjectOptimisticLockingFailureException.class })
	ProblemDetail changedMeanwhile(RuntimeException ex) {
		return this.problems.problem(HttpStatus.CONFLICT, "changed-meanwhile", locale());
	}

	@ExceptionHandler(RequestHasOpenTasksException.class)
	ProblemDetail openTasks(RequestHasOpenTasksException ex) {
		return this.problems.problem(HttpStatus.CONFLICT, "open-tasks", locale(), ex.openItems());
	}

	@ExceptionHandler(InvalidAssigneeException.class)
	ProblemDetail invalidAssignee(InvalidAssigneeException ex) {
		return this.problems.invalid("assigneeId", "requestPage.assign.invalid", locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
