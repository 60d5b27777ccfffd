package se.dsrdesk.notification;

import java.util.List;

import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;

/**
 * Recording a letter as posted is refused: it was recorded already (409), or the day is
 * missing, in the future or before the letter was written (refused input).
 */
public class LetterRefusedException extends RefusedException {

	LetterRefusedException(String messageCode) {
		super(HttpStatus.CONFLICT, null, messageCode);
	}

	LetterRefusedException(String messageCode, String field) {
		super(List.of(new Invalid(field, messageCode)));
	}

}
