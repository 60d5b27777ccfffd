package se.dsrdesk.system.web;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import se.dsrdesk.system.PlainText;

/**
 * Every validated form and API body, whatever its own rules: a text field with a control
 * character (NUL and the like; line breaks and tabs are fine) is refused with the same
 * translated message as the public form's, next to the field, and the form comes back
 * with what was typed. Before, NUL reached PostgreSQL, which refuses it in text, and the
 * person got a 500 and lost the text. Fields with a rule of their own
 * ({@code @NoControlCharacters}) keep their one message.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ControlCharacterCheck {

	static final String CODE = "validation.controlCharacters";

	/**
	 * Added to every binder: a form bound through its constructor has no target yet when
	 * this runs, and a binder of a simple parameter never validates.
	 */
	@InitBinder
	void check(WebDataBinder binder) {
		binder.addValidators(new TextFields());
	}

	private static boolean isSimple(Class<?> type) {
		return org.springframework.beans.BeanUtils.isSimpleValueType(type) || type.isArray()
				|| java.util.Collection.class.isAssignableFrom(type) || java.util.Map.class.isAssignableFrom(type);
	}

	/** Refuses control characters in the String properties of a form or body. */
	static final class TextFields implements Validator {

		@Override
		public boolean supports(Class<?> type) {
			return true;
		}

		@Override
		public void validate(Object target, Errors errors) {
			if (isSimple(target.getClass())) {
				return;
			}
			if (target.getClass().isRecord()) {
				for (RecordComponent component : target.getClass().getRecordComponents()) {
					if (component.getType() == String.class) {
						try {
							// Bodies are often records nested in package-private
							// controllers.
							component.getAccessor().trySetAccessible();
							check(component.getName(), (String) component.getAccessor().invoke(target), errors);
						}
						catch (ReflectiveOperationException ex) {
							// Not readable: nothing to check.
						}
					}
				}
				return;
			}
			BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(target);
			for (PropertyDescriptor property : bean.getPropertyDescriptors()) {
				if (property.getPropertyType() == String.class && bean.isReadableProperty(property.getName())) {
					check(property.getName(), (String) bean.getPropertyValue(property.getName()), errors);
				}
			}
		}

		private static void check(String field, String value, Errors errors) {
			if (value == null || errors.hasFieldErrors(field) || !PlainText.hasControlCharacters(value, true)) {
				return;
			}
			if (errors instanceof BindingResult result) {
				result.addError(new FieldError(result.getObjectName(), field, value, false,
						result.resolveMessageCodes(CODE, field), null, "Remove the invisible control characters"));
			}
			else {
				errors.rejectValue(field, CODE);
			}
		}

	}

}
