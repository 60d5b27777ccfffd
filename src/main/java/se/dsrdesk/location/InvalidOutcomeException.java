package se.dsrdesk.location;

import java.util.List;

/**
 * An outcome that breaks the rules for its request type: nothing was recorded.
 */
public class InvalidOutcomeException extends RuntimeException {

	private final List<OutcomeRecord.Violation> violations;

	InvalidOutcomeException(List<OutcomeRecord.Violation> violations) {
		super("Outcome refused: " + violations);
		this.violations = List.copyOf(violations);
	}

	public List<OutcomeRecord.Violation> violations() {
		return this.violations;
	}

}
