package se.dsrdesk.system;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds the API's problem details (RFC 9457): a type URI per kind of problem, and a
 * title and detail in the reader's language from the message bundles
 * ({@code api.problem.<kind>.title} and {@code .detail}). Bad input adds an
 * {@code errors} array of {@code {field, message}}.
 */
@Component
public class ApiProblems {

	/**
	 * Problem types are tag URIs (RFC 4151): stable names that are not meant to be
	 * fetched, as RFC 9457 section 3.1.1 recommends for types without a documentation
	 * page. docs/api.md lists them.
	 */
	public static final String TYPE_PREFIX = "tag:dsrdesk.se,2026:problem:";

	/** The kind of problem of bad input, with field errors. */
	public static final String INVALID = "invalid-request";

	/** The kind of problem of a refusal that has no kind of its own. */
	public static final String REFUSED = "refused";

	private final MessageSource messages;

	public ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A problem of a kind.
	 * @param status the HTTP status
	 * @param kind the kind, such as {@code conflict}: the end of the type URI and the key
	 * of the messages
	 * @param locale the reader's language
	 * @param detailArguments arguments of the detail message
	 * @return the problem
	 */
	public ProblemDetail problem(HttpStatus status, String kind, Locale locale, Object... detailArguments) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_PREFIX + kind));
		problem.setTitle(this.messages.getMessage("api.problem." + kind + ".title", null, locale));
		problem.setDetail(this.messages.getMessage("api.problem." + kind + ".detail", detailArguments, locale));
		return problem;
	}

	/**
	 * A refused action as a problem: bad input with its fields, or a problem of the
	 * refusal's kind with its detail arguments and extra members. A refusal without a
	 * kind of its own is told with the page's message under a general title.
	 * @param refusal the refusal
	 * @param locale the reader's language
	 * @return the problem
	 */
	public ProblemDetail refused(RefusedException refusal, Locale locale) {
		if (!refusal.fields().isEmpty()) {
			return invalid(refusal.fields()
				.stream()
				.map((f) -> new FieldMessage(f.field(), message(f.code(), null, locale)))
				.toList(), locale);
		}
		ProblemDetail problem;
		if (refusal.problemType() != null) {
			problem = problem(refusal.httpStatus(), refusal.problemType(), locale, refusal.problemArguments());
			if (refusal.detailIsPageMessage()) {
				problem.setDetail(message(refusal.messageCode(), refusal.arguments(), locale));
			}
		}
		else {
			problem = problem(refusal.httpStatus(), REFUSED, locale);
			problem.setDetail(message(refusal.messageCode(), refusal.arguments(), locale));
		}
		refusal.problemProperties().forEach(problem::setProperty);
		return problem;
	}

	/**
	 * Bad input: 400 with the fields and what is wrong with each.
	 * @param errors the field errors, may be empty
	 * @param locale the reader's language
	 * @return the problem
	 */
	public ProblemDetail invalid(List<FieldMessage> errors, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID, locale);
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * Bad input in one field.
	 * @param field the field, as the JSON names it
	 * @param code the message key of what is wrong
	 * @param locale the reader's language
	 * @return the problem
	 */
	public ProblemDetail invalid(String field, String code, Locale locale) {
		return invalid(List.of(new FieldMessage(field, message(code, null, locale))), locale);
	}

	/**
	 * A message in the reader's language.
	 * @param code the key
	 * @param arguments its arguments, may be {@code null}
	 * @param locale the language
	 * @return the message
	 */
	public String message(String code, Object[] arguments, Locale locale) {
		return this.messages.getMessage(code, arguments, locale);
	}

	/**
	 * A validation error's message in the reader's language.
	 * @param error the error
	 * @param locale the language
	 * @return the message
	 */
	public String message(MessageSourceResolvable error, Locale locale) {
		return this.messages.getMessage(error, locale);
	}

	/**
	 * One field's error.
	 *
	 * @param field the field, as the JSON (or the query string) names it
	 * @param message what is wrong, in the reader's language
	 */
	public record FieldMessage(String field, String message) {
	}

}
