package se.dsrdesk.request.refusal;

import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;

/**
 * An answer that discloses personal data goes to a representative only once their
 * authority to act for the person is checked (GDPR Art. 12(2); EDPB Guidelines 01/2022):
 * sending it to someone without that authority would itself be a breach.
 */
public class AuthorityNotVerifiedException extends RefusedException {

	public AuthorityNotVerifiedException() {
		super(HttpStatus.CONFLICT, "authority-not-verified", "answer.authorityRequired");
	}

}
