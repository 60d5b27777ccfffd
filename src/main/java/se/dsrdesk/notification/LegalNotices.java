package se.dsrdesk.notification;

import java.util.Map;

/**
 * The mails to a data subject that the GDPR requires the controller to send, so that a
 * failure to send one is an operational problem (health reports {@code DEGRADED}) and not
 * only a nuisance:
 * <ul>
 * <li>{@code request-extended}: an extension of the deadline, with its reasons, within
 * one month of receipt (Article 12(3), second and third sentences);</li>
 * <li>{@code request-answer}: the answer to the request (Article 12(3), first sentence,
 * with Articles 15 to 22);</li>
 * <li>{@code request-rejected}: the reasons for not taking action and the right to
 * complain (Article 12(4));</li>
 * <li>{@code request-information-needed}: the request for the information needed to
 * confirm the person's identity (Article 12(6)), without which the request cannot be
 * answered.</li>
 * </ul>
 * Confirmations, reminders and staff notices are useful but not required by law.
 */
final class LegalNotices {

	/** The templates of legally required notices, with the rule that requires each. */
	static final Map<String, String> TEMPLATES = Map.of("request-extended", "GDPR Article 12(3)", "request-answer",
			"GDPR Article 12(3)", "request-rejected", "GDPR Article 12(4)", "request-information-needed",
			"GDPR Article 12(6)");

	private LegalNotices() {
	}

	/**
	 * Whether a mail is a legally required notice.
	 * @param recipientKind who the mail is for
	 * @param template its template
	 * @return {@code true} for a notice to a data subject that the law requires
	 */
	static boolean isLegalNotice(RecipientKind recipientKind, String template) {
		return recipientKind == RecipientKind.SUBJECT && TEMPLATES.containsKey(template);
	}

}
