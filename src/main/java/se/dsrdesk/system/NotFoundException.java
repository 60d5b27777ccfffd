package se.dsrdesk.system;

import org.springframework.http.HttpStatus;

/**
 * A record that was asked for does not exist: answered with 404 and the friendly
 * not-found page, or the API's not-found problem.
 */
public class NotFoundException extends RefusedException {

	public NotFoundException(String what) {
		super(HttpStatus.NOT_FOUND, "not-found", "error.404.text");
	}

}
