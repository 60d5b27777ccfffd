package se.dsrdesk.location;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import se.dsrdesk.request.RequestType;

/**
 * An outcome as someone records it for a task, with the rules that make it complete.
 *
 * @param outcome what was found and done
 * @param note what was looked at and how (always required)
 * @param summary what was found, what was kept, the reasons: required where the outcome
 * says so
 * @param ground the legal ground for keeping data
 * @param groundText the ground in words, required for {@link LegalGround#OTHER}
 * @param retainedUntil until when data is kept
 * @param interest for an objection overridden on compelling legitimate grounds: our
 * interest
 * @param situation for such an objection: the person's particular situation, as they gave
 * it
 * @param liftCondition for a restriction carried out: the condition on which it will be
 * lifted (Art. 18(3)), required
 * @param liftOn for a restriction carried out: the day it is expected to be lifted, if
 * known
 */
public record OutcomeRecord(TaskOutcome outcome, String note, String summary, LegalGround ground, String groundText,
		LocalDate retainedUntil, String interest, String situation, String liftCondition, LocalDate liftOn) {

	/** An outcome that restricts nothing. */
	public OutcomeRecord(TaskOutcome outcome, String note, String summary, LegalGround ground, String groundText,
			LocalDate retainedUntil, String interest, String situation) {
		this(outcome, note, summary, ground, groundText, retainedUntil, interest, situation, null, null);
	}

	/**
	 * A restriction carried out, with the condition for lifting it (Art. 18(3)).
	 * @param note what was done
	 * @param liftCondition the condition on which it will be lifted
	 * @param liftOn the day it is expected to be lifted, or {@code null}
	 * @return the outcome
	 */
	public static OutcomeRecord restricted(String note, String liftCondition, LocalDate liftOn) {
		return new OutcomeRecord(TaskOutcome.DONE, note, null, null, null, null, null, null, liftCondition, liftOn);
	}

	/** An outcome that weighs nothing against the person's situation. */
	public OutcomeRecord(TaskOutcome outcome, String note, String summary, LegalGround ground, String groundText,
			LocalDate retainedUntil) {
		this(outcome, note, summary, ground, groundText, retainedUntil, null, null, null, null);
	}

	/** The longest note or summary. */
	static final int MAX_TEXT = 4000;

	/** The longest description of an "other" ground. */
	static final int MAX_GROUND_TEXT = 500;

	/**
	 * A rule that the outcome breaks.
	 *
	 * @param field the form field it concerns
	 * @param code the message key that explains it
	 */
	public record Violation(String field, String code) {
	}

	/**
	 * Checks the outcome against the rules for a request type, at a location that is not
	 * for direct marketing and not based on consent.
	 * @param type the request's type
	 * @param today the controller's date
	 * @return what is wrong, empty when it may be recorded
	 */
	public List<Violation> violations(RequestType type, LocalDate today) {
		return violations(type, today, false, LegalBasis.LEGITIMATE_INTEREST);
	}

	/**
	 * Checks the outcome against the rules for a request type at a location. An objection
	 * to direct marketing is absolute (Art. 21(3)), and processing based on consent stops
	 * when it is withdrawn (Art. 7(3)): there, the processing cannot continue.
	 * @param type the request's type
	 * @param today the controller's date
	 * @param directMarketing whether the location's purpose is direct marketing
	 * @param basis the location's legal basis
	 * @return what is wrong, empty when it may be recorded
	 */
	public List<Violation> violations(RequestType type, LocalDate today, boolean directMarketing, LegalBasis basis) {
		List<Violation> violations = new ArrayList<>();
		if (this.outcome == null || !this.outcome.fits(type)) {
			violations.add(new Violation("outcome", "task.outcome.required"));
		}
		if (isBlank(this.note)) {
			violations.add(new Violation("note", "validation.required"));
		}
		else if (this.note.length() > MAX_TEXT) {
			violations.add(new Violation("note", "task.text.tooLong"));
		}
		if (this.outcome == null) {
			return violations;
		}
		if (this.outcome.continuesProcessing() && directMarketing) {
			violations.add(new Violation("outcome", "task.objection.absolute.directMarketing"));
		}
		else if (this.outcome.continuesProcessing() && basis == LegalBasis.CONSENT) {
			violations.add(new Violation("outcome", "task.objection.absolute.consent"));
		}
		if (this.outcome.needsBalancing()) {
			if (isBlank(this.interest)) {
				violations.add(new Violation("interest", "task.interest.required"));
			}
			else if (this.interest.length() > MAX_TEXT) {
				violations.add(new Violation("interest", "task.text.tooLong"));
			}
			if (isBlank(this.situation)) {
				violations.add(new Violation("situation", "task.situation.required"));
			}
			else if (this.situation.length() > MAX_TEXT) {
				violations.add(new Violation("situation", "task.text.tooLong"));
			}
		}
		if (this.outcome.needsSummary() && isBlank(this.summary)) {
			violations.add(new Violation("summary", "task.summary.required." + this.outcome));
		}
		else if (this.summary != null && this.summary.length() > MAX_TEXT) {
			violations.add(new Violation("summary", "task.text.tooLong"));
		}
		if (this.outcome.restricts(type)) {
			if (isBlank(this.liftCondition)) {
				violations.add(new Violation("liftCondition", "restriction.liftCondition.required"));
			}
			else if (this.liftCondition.length() > RestrictionHold.MAX_TEXT) {
				violations.add(new Violation("liftCondition", "restriction.text.tooLong"));
			}
			if (this.liftOn != null && !this.liftOn.isAfter(today)) {
				violations.add(new Violation("liftOn", "restriction.liftOn.future"));
			}
		}
		if (this.outcome.retains()) {
			if (this.ground == null) {
				violations.add(new Violation("ground", "task.ground.required"));
			}
			else if (this.ground == LegalGround.OTHER && isBlank(this.groundText)) {
				violations.add(new Violation("groundText", "task.groundText.required"));
			}
			if (this.groundText != null && this.groundText.length() > MAX_GROUND_TEXT) {
				violations.add(new Violation("groundText", "task.groundText.tooLong"));
			}
			if (this.retainedUntil == null) {
				violations.add(new Violation("retainedUntil", "task.retainedUntil.required"));
			}
			else if (!this.retainedUntil.isAfter(today)) {
				violations.add(new Violation("retainedUntil", "task.retainedUntil.future"));
			}
		}
		return violations;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
