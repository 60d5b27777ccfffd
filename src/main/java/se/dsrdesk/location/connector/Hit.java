package se.dsrdesk.location.connector;

import java.util.Map;

/**
 * One thing a connector found for the person: a newsletter member in one audience, a mail
 * in one folder. Shown on the task before anything is done.
 *
 * @param id how the connector finds it again (opaque to others; no personal data beyond
 * what the system itself uses as key, such as Mailchimp's subscriber hash)
 * @param title one line that names it (audience and status; a mail's date and subject)
 * @param details what else the task shows about it, in display order
 * @param preselected whether it starts selected (found by the person's own address)
 */
public record Hit(String id, String title, Map<String, String> details, boolean preselected) {

	public Hit {
		details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
	}

}
