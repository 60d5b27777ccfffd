package se.dsrdesk.request.refusal;

import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;

/**
 * An answer that discloses personal data (access, portability, an erasure that keeps
 * some) goes only to a person whose identity check is recorded (GDPR Art. 12(6)): sending
 * it to someone else would itself be a breach.
 */
public class IdentityNotVerifiedException extends RefusedException {

	public IdentityNotVerifiedException() {
		super(HttpStatus.CONFLICT, "identity-not-verified", "answer.identityRequired");
	}

}
