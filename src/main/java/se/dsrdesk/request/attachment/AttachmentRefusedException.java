package se.dsrdesk.request.attachment;

import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;

/**
 * An upload that is not accepted; the message key says why, in the reader's language.
 */
public class AttachmentRefusedException extends RefusedException {

	AttachmentRefusedException(String messageCode) {
		super(HttpStatus.BAD_REQUEST, null, messageCode);
	}

}
