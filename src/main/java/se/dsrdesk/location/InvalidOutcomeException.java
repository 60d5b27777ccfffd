package se.dsrdesk.location;

import java.util.List;

import se.dsrdesk.system.RefusedException;

/**
 * An outcome that breaks the rules for its request type: nothing was recorded. Refused
 * input, with the fields and what is wrong with each.
 */
public class InvalidOutcomeException extends RefusedException {

	private final List<OutcomeRecord.Violation> violations;

	InvalidOutcomeException(List<OutcomeRecord.Violation> violations) {
		super(violations.stream().map((v) -> new Invalid(v.field(), v.code())).toList());
		this.violations = List.copyOf(violations);
	}

	public List<OutcomeRecord.Violation> violations() {
		return this.violations;
	}

}
