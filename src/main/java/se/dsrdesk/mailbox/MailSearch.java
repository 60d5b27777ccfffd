package se.dsrdesk.mailbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.RecipientStringTerm;
import jakarta.mail.search.SearchTerm;

import se.dsrdesk.location.connector.ConnectorSubject;

/**
 * The server-side IMAP {@code SEARCH} for a person: {@code FROM}, {@code TO}, {@code CC},
 * {@code BCC} and {@code BODY} for each of their addresses (IMAP matches substrings
 * without regard to case), and, when asked, {@code BODY} for their name and phone number.
 */
final class MailSearch {

	/** Shorter names match too much to be worth a search. */
	private static final int MIN_NAME_LENGTH = 5;

	private MailSearch() {
	}

	/**
	 * Whether the wide search differs from the search by address.
	 * @param subject the person
	 * @return {@code true} when the name or phone number is searched as well
	 */
	static boolean widens(ConnectorSubject subject) {
		return searchesName(subject) || searchesPhone(subject);
	}

	private static boolean searchesName(ConnectorSubject subject) {
		return subject.name() != null && subject.name().strip().length() >= MIN_NAME_LENGTH;
	}

	private static boolean searchesPhone(ConnectorSubject subject) {
		return subject.phone() != null && subject.phone().replaceAll("\\D", "").length() >= 6;
	}

	/**
	 * The search for a person.
	 * @param subject the person
	 * @param wide whether to look for their name and phone number as well
	 * @return the term, or {@code null} when there is nothing to look for
	 */
	static SearchTerm forPerson(ConnectorSubject subject, boolean wide) {
		List<SearchTerm> terms = new ArrayList<>();
		for (String email : subject.emails()) {
			if (email == null || email.isBlank()) {
				continue;
			}
			String address = email.strip();
			terms.add(new FromStringTerm(address));
			terms.add(new RecipientStringTerm(Message.RecipientType.TO, address));
			terms.add(new RecipientStringTerm(Message.RecipientType.CC, address));
			terms.add(new RecipientStringTerm(Message.RecipientType.BCC, address));
			terms.add(new BodyTerm(address));
		}
		if (wide) {
			if (searchesName(subject)) {
				terms.add(new BodyTerm(subject.name().strip()));
			}
			if (searchesPhone(subject)) {
				terms.add(new BodyTerm(subject.phone().strip()));
			}
		}
		if (terms.isEmpty()) {
			return null;
		}
		return (terms.size() == 1) ? terms.get(0) : new OrTerm(terms.toArray(SearchTerm[]::new));
	}

}
