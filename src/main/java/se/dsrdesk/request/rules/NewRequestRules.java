package se.dsrdesk.request.rules;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import se.dsrdesk.system.NoControlCharacters;

/**
 * The rules for what a new request says, written once and used by every way a request
 * comes in: the public form, the staff's register form and the API. Each is a Bean
 * Validation constraint made of the standard ones, which report with their own messages
 * from the bundles; what only one channel asks (the public form's relationship, an email
 * address the public form requires) stays on that channel's form.
 */
public final class NewRequestRules {

	private NewRequestRules() {
	}

	/**
	 * Why staff do not acknowledge a request they register: it is acknowledged unless
	 * they untick that, and then they say why, for the file. One rule for the register
	 * form, the incoming mail's form and the API.
	 * @param acknowledge whether the acknowledgement is sent
	 * @param reason what staff wrote, may be {@code null} or blank
	 * @return the reason, stripped, or {@code null} when the acknowledgement is sent or
	 * no reason was given
	 */
	public static String skipReason(boolean acknowledge, String reason) {
		return (acknowledge || reason == null || reason.isBlank()) ? null : reason.strip();
	}

	/**
	 * Whether the reason for not acknowledging is missing although needed.
	 * @param acknowledge whether the acknowledgement is sent
	 * @param reason what staff wrote, may be {@code null} or blank
	 * @return {@code true} when not acknowledging and no reason was given
	 */
	public static boolean skipReasonMissing(boolean acknowledge, String reason) {
		return !acknowledge && skipReason(false, reason) == null;
	}

	/** The person's name: required, at most 200 characters on one line. */
	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.tooLong}")
	@NoControlCharacters
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface Name {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** The person's email address, where given: an address of at most 254 characters. */
	@Email(message = "{validation.email}")
	@Size(max = 254, message = "{validation.tooLong}")
	@NoControlCharacters
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface EmailAddress {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** The person's phone number, where given: digits and {@code +()-. }, at most 50. */
	@Size(max = 50, message = "{validation.tooLong}")
	@Pattern(regexp = "[0-9+()\\-. ]*", message = "{intake.phone.invalid}")
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface Phone {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** The language the person is answered in: {@code sv} or {@code en}. */
	@Pattern(regexp = "sv|en", message = "{validation.invalid}")
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface Language {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** What the person wrote: at most 4000 characters, line breaks allowed. */
	@Size(max = 4000, message = "{validation.tooLong}")
	@NoControlCharacters(lineBreaks = true)
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface Description {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/**
	 * The postal address letters go to when there is no email address: at most 500
	 * characters on at most 6 lines (what fits an envelope's window).
	 */
	@Size(max = 500, message = "{validation.tooLong}")
	@Pattern(regexp = "[^\\n]*(\\n[^\\n]*){0,5}", message = "{postal.address.lines}")
	@NoControlCharacters(lineBreaks = true)
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface PostalAddress {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

}
