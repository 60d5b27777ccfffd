package se.dsrdesk.location.connector;

import java.util.List;

/**
 * The person a connector looks for, as the request knows them.
 *
 * @param reference the request's reference (for evidence and audit, never sent to the
 * system)
 * @param name the person's name, may be {@code null}
 * @param emails every email address the request knows for the person (the first is the
 * request's own)
 * @param phone the phone number the request gives, may be {@code null}
 */
public record ConnectorSubject(String reference, String name, List<String> emails, String phone) {

	public ConnectorSubject {
		emails = List.copyOf(emails);
	}

}
