package se.dsrdesk.policy;

import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;

/**
 * A policy version cannot be published as it is; the message code says why, in the
 * admin's language. The admin page shows it next to the effective date.
 */
public class PolicyRefusedException extends RefusedException {

	PolicyRefusedException(String messageCode, Object... arguments) {
		super(HttpStatus.BAD_REQUEST, null, messageCode, arguments);
	}

}
