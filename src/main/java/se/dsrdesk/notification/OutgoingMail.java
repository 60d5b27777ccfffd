package se.dsrdesk.notification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A mail to queue: who gets it, in which language, and the template with its model. The
 * templates are {@code templates/mail/<template>.html} and {@code .txt}; the subject is
 * the message {@code mail.<template>.subject}, which gets the controller's name as
 * argument {@code {0}} and the model's {@value #SUBJECT_ARGUMENTS} (a list), if any, as
 * {@code {1}}, {@code {2}} and so on.
 *
 * @param recipient the recipient's email address
 * @param recipientKind whether the recipient is a data subject or staff
 * @param language the recipient's language; Swedish, or English for anything else
 * @param template the template name, such as {@code staff-account-created}
 * @param model the template's variables
 * @param requestId the request the mail belongs to, or {@code null}
 */
public record OutgoingMail(String recipient, RecipientKind recipientKind, Locale language, String template,
		Map<String, Object> model, Long requestId) {

	/**
	 * The model entry whose list of values fills the subject's {@code {1}}, {@code {2}},
	 * ...
	 */
	public static final String SUBJECT_ARGUMENTS = "subjectArguments";

	public OutgoingMail {
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(recipientKind, "recipientKind");
		Objects.requireNonNull(language, "language");
		Objects.requireNonNull(template, "template");
		model = (model != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(model)) : Map.of();
	}

}
