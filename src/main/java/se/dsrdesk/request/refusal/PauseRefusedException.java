package se.dsrdesk.request.refusal;

import java.util.Map;

import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;

/**
 * A pause the law does not allow: after the deadline, for identity once it is verified,
 * or for scope without a justification. The API tells the page's message, and names the
 * reason in {@code pauseRefused}.
 */
public class PauseRefusedException extends RefusedException {

	private final String reason;

	public PauseRefusedException(String messageCode, String reason) {
		super(HttpStatus.CONFLICT, null, messageCode);
		this.reason = reason;
	}

	/**
	 * Why the pause was refused: {@code deadline-passed}, {@code identity-verified},
	 * {@code justification-required}, {@code no-representative} or
	 * {@code authority-verified}.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

	@Override
	public Map<String, Object> problemProperties() {
		return Map.of("pauseRefused", this.reason);
	}

}
