package se.dsrdesk.system;

import java.util.List;

/**
 * Input an API controller refused itself, beyond Bean Validation (a time in the future, a
 * filter value it does not know): answered 400 with the fields and their translated
 * messages by {@link ApiExceptionHandler}.
 */
public class InvalidInputException extends RuntimeException {

	private final List<Invalid> fields;

	public InvalidInputException(List<Invalid> fields) {
		super("Invalid " + fields);
		this.fields = List.copyOf(fields);
	}

	public InvalidInputException(String field, String code) {
		this(List.of(new Invalid(field, code)));
	}

	public List<Invalid> fields() {
		return this.fields;
	}

	/**
	 * One field the API does not accept.
	 *
	 * @param field the JSON field, query parameter or header
	 * @param code the message key of what is wrong
	 */
	public record Invalid(String field, String code) {
	}

}
