package se.dsrdesk.request.casefile;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The rules for what the workflow's steps are given, written once for the request page's
 * forms and the API's bodies of the same step. Each is a Bean Validation constraint made
 * of the standard ones, which report with their own messages from the bundles (the page
 * tells a text that is too long with its {@code Size.<field>} key, which groups the
 * digits of the limit as the page always did).
 */
public final class StepRules {

	/** The longest text of a step, in characters. */
	public static final int MAX_TEXT = 2000;

	/** The longest answer letter, in characters. */
	public static final int MAX_LETTER = 20000;

	private StepRules() {
	}

	/**
	 * What the person is asked to send, which pauses the clock: required, at most 2000
	 * characters.
	 */
	@NotBlank(message = "{requestPage.information.required}")
	@Size(max = StepRules.MAX_TEXT, message = "{validation.tooLong}")
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface InformationNeeded {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** By how many months the deadline is extended: one or two. */
	@NotNull(message = "{requestPage.extend.months.required}")
	@Min(value = 1, message = "{requestPage.extend.months.required}")
	@Max(value = 2, message = "{requestPage.extend.months.required}")
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface ExtensionMonths {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** Why the deadline is extended: required, at most 2000 characters. */
	@NotBlank(message = "{requestPage.extend.reason.required}")
	@Size(max = StepRules.MAX_TEXT, message = "{validation.tooLong}")
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface ExtensionReason {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** Why the request waits for the person: identity or scope, required. */
	@NotNull(message = "{requestPage.pause.ground.required}")
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface PauseGroundRequired {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/**
	 * A step's text that the request itself requires when its case applies: why a
	 * clarification of scope is needed, why a refusal comes after the one-month limit,
	 * why the answer is delayed. At most 2000 characters.
	 */
	@Size(max = StepRules.MAX_TEXT, message = "{validation.tooLong}")
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface CaseText {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** The ground the law gives for rejecting a request: required. */
	@NotNull(message = "{requestPage.reject.ground.required}")
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface Ground {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/**
	 * The reasons for rejecting a request, in words: required, at most 2000 characters.
	 */
	@NotBlank(message = "{requestPage.reject.reasons.required}")
	@Size(max = StepRules.MAX_TEXT, message = "{validation.tooLong}")
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface RejectionReasons {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** The answer letter as reviewed: required, at most 20,000 characters. */
	@NotBlank(message = "{answer.text.required}")
	@Size(max = StepRules.MAX_LETTER, message = "{validation.tooLong}")
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface AnswerText {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

}
