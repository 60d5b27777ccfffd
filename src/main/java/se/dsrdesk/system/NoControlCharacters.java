package se.dsrdesk.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import se.dsrdesk.system.PlainText;

/**
 * The text holds no control characters (see {@link PlainText}).
 */
@Documented
@Constraint(validatedBy = NoControlCharacters.Validator.class)
@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

	String message() default "{validation.controlCharacters}";

	/** Whether line breaks and tabs are allowed, as in a text area. */
	boolean lineBreaks() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<NoControlCharacters, String> {

		private boolean lineBreaks;

		@Override
		public void initialize(NoControlCharacters annotation) {
			this.lineBreaks = annotation.lineBreaks();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return !PlainText.hasControlCharacters(value, this.lineBreaks);
		}

	}

}
