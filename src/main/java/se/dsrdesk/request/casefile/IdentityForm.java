package se.dsrdesk.request.casefile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import se.dsrdesk.request.IdentityMethod;

/**
 * Recording how the person's identity was verified; a note is required for another way
 * than those listed.
 */
@IdentityForm.NoteForOther
class IdentityForm extends VersionForm {

	@NotNull(message = "{requestPage.identity.method.required}")
	private IdentityMethod identityMethod;

	@Size(max = VersionForm.MAX_TEXT, message = "{validation.tooLong}")
	private String identityNote;

	public IdentityMethod getIdentityMethod() {
		return this.identityMethod;
	}

	public void setIdentityMethod(IdentityMethod identityMethod) {
		this.identityMethod = identityMethod;
	}

	public String getIdentityNote() {
		return this.identityNote;
	}

	public void setIdentityNote(String identityNote) {
		this.identityNote = identityNote;
	}

	/**
	 * An identity verified in another way needs a note that says how.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Constraint(validatedBy = NoteForOtherValidator.class)
	@interface NoteForOther {

		String message() default "{requestPage.identity.note.required}";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/**
	 * Checks {@link NoteForOther}, and reports it on the note.
	 */
	static class NoteForOtherValidator implements ConstraintValidator<NoteForOther, IdentityForm> {

		@Override
		public boolean isValid(IdentityForm form, ConstraintValidatorContext context) {
			if (form.getIdentityMethod() != IdentityMethod.OTHER
					|| (form.getIdentityNote() != null && !form.getIdentityNote().isBlank())) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("identityNote")
				.addConstraintViolation();
			return false;
		}

	}

}
