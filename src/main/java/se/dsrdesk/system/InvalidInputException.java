package se.dsrdesk.system;

import java.util.List;

/**
 * Input a controller refused itself, beyond Bean Validation (a time in the future, a
 * filter value it does not know): 400 with the fields and their translated messages.
 */
public class InvalidInputException extends RefusedException {

	public InvalidInputException(List<Invalid> fields) {
		super(fields);
	}

	public InvalidInputException(String field, String code) {
		this(List.of(new Invalid(field, code)));
	}

}
