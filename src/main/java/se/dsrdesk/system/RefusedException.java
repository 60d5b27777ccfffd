package se.dsrdesk.system;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.validation.Errors;

/**
 * An action the rules refuse: a step the status does not allow, a change by someone else
 * meanwhile, a record that does not exist, input beyond what Bean Validation checks.
 * Every refusal of the domain extends this class, so that each channel answers all of
 * them in one place: the pages by {@code system.web.PageExceptionHandler} (the form again
 * with the message, or back with a flash message, or the error page), the API by
 * {@code system.api.ApiExceptionHandler} (problem details).
 *
 * <p>
 * A refusal carries what both channels need, and nothing in a language: the HTTP status,
 * the message key the pages show (with its arguments), the kind of API problem (its title
 * and detail are {@code api.problem.<kind>.title} and {@code .detail}) and, for refused
 * input, the fields and what is wrong with each.
 */
public class RefusedException extends RuntimeException {

	private final HttpStatus status;

	private final String problemType;

	private final String messageCode;

	private final transient Object[] arguments;

	private final List<Invalid> fields;

	/**
	 * A refusal of the whole action.
	 * @param status the HTTP status the API answers with
	 * @param problemType the kind of API problem, or {@code null} for a refusal that the
	 * API tells with the page's message under a general title
	 * @param messageCode the message key, for the pages and the API's detail
	 * @param arguments the message's arguments; a
	 * {@link org.springframework.context.MessageSourceResolvable} among them is
	 * translated too
	 */
	public RefusedException(HttpStatus status, String problemType, String messageCode, Object... arguments) {
		super(messageCode);
		this.status = status;
		this.problemType = problemType;
		this.messageCode = messageCode;
		this.arguments = arguments.clone();
		this.fields = List.of();
	}

	/**
	 * Refused input: 400 with the fields and what is wrong with each.
	 * @param fields the fields, at least one
	 */
	public RefusedException(List<Invalid> fields) {
		super("Invalid " + fields);
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("A refusal of input names at least one field");
		}
		this.status = HttpStatus.BAD_REQUEST;
		this.problemType = ApiProblems.INVALID;
		this.messageCode = fields.get(0).code();
		this.arguments = new Object[0];
		this.fields = List.copyOf(fields);
	}

	/**
	 * The status the API answers with, and the page when the refusal ends on the error
	 * page.
	 * @return the status
	 */
	public HttpStatus httpStatus() {
		return this.status;
	}

	/**
	 * The kind of API problem: the end of the problem's type URI and of its message keys.
	 * @return the kind, or {@code null} when the API tells the page's message
	 */
	public String problemType() {
		return this.problemType;
	}

	/**
	 * The message key that says why, in the reader's language.
	 * @return the key
	 */
	public String messageCode() {
		return this.messageCode;
	}

	/**
	 * The message's arguments.
	 * @return a copy of them
	 */
	public Object[] arguments() {
		return this.arguments.clone();
	}

	/**
	 * The refused fields, empty when the refusal is about the whole action.
	 * @return the fields
	 */
	public List<Invalid> fields() {
		return this.fields;
	}

	/**
	 * The arguments of the API problem's detail message; the page's by default.
	 * @return the arguments
	 */
	public Object[] problemArguments() {
		return arguments();
	}

	/**
	 * Whether the API's problem detail is the page's message rather than the problem
	 * type's general one (a connected system's refusal says what to do).
	 * @return {@code false} unless a refusal says otherwise
	 */
	public boolean detailIsPageMessage() {
		return false;
	}

	/**
	 * Extra members of the API's problem details, such as the status a request is in.
	 * @return the members, empty unless a refusal adds some
	 */
	public Map<String, Object> problemProperties() {
		return Map.of();
	}

	/**
	 * Puts the refusal on a form: as field errors when it names fields, else as an error
	 * of the whole form.
	 * @param errors the form's errors
	 */
	public void rejectOn(Errors errors) {
		if (this.fields.isEmpty()) {
			errors.reject(this.messageCode, this.arguments, null);
		}
		else {
			this.fields.forEach((invalid) -> errors.rejectValue(invalid.field(), invalid.code()));
		}
	}

	/**
	 * One refused field.
	 *
	 * @param field the form field, JSON field, query parameter or header
	 * @param code the message key of what is wrong
	 */
	public record Invalid(String field, String code) {
	}

}
