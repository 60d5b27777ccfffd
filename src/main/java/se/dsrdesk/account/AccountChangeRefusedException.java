package se.dsrdesk.account;

import java.util.List;

import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;

/**
 * An account change that the rules do not allow, such as removing the last administrator.
 * The message code says why, in the person's language; a refusal about one field names
 * it.
 */
public class AccountChangeRefusedException extends RefusedException {

	AccountChangeRefusedException(String messageCode) {
		super(HttpStatus.CONFLICT, null, messageCode);
	}

	AccountChangeRefusedException(String messageCode, String field) {
		super(List.of(new Invalid(field, messageCode)));
	}

}
