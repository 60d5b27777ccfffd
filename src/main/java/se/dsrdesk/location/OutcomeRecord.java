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
 */
public record OutcomeRecord(TaskOutcome outcome, String note, String summary, LegalGround ground, String groundText,
		LocalDate retainedUntil) {

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
	 * Checks the outcome against the rules for a request type.
	 * @param type the request's type
	 * @param today the controller's date
	 * @return what is wrong, empty when it may be recorded
	 */
	public List<Violation> violations(RequestType type, LocalDate today) {
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
		if (this.outcome.needsSummary() && isBlank(this.summary)) {
			violations.add(new Violation("summary", "task.summary.required." + this.outcome));
		}
		else if (this.summary != null && this.summary.length() > MAX_TEXT) {
			violations.add(new Violation("summary", "task.text.tooLong"));
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
