package se.dsrdesk.location.connector;

import java.util.List;

import se.dsrdesk.location.DataLocation;

/**
 * A system that holds personal data, reached from its data location's task: find the
 * person, copy what was found into the task's findings, erase it, or stop marketing to
 * them. One implementation per kind of system (Mailchimp, IMAP mailboxes). The task page
 * and the API call these through one controller each, so a new connector brings only this
 * class (and its settings).
 *
 * <p>
 * Every method that changes the system takes {@code dryRun}: with it, nothing is changed
 * and the receipt says what would have been. A method throws {@link ConnectorException}
 * with a translated message when the system refused or could not be reached; nothing is
 * then recorded as done.
 */
public interface LocationConnector {

	/**
	 * A short name for URLs, audit events and messages, such as {@code mailchimp}.
	 * @return the name
	 */
	String name();

	/**
	 * Whether this connector is configured and reaches the system of this location.
	 * @param location a data location
	 * @return {@code true} when its tasks can use this connector
	 */
	boolean serves(DataLocation location);

	/**
	 * Looks for the person, without changing anything.
	 * @param location the location
	 * @param subject who is looked for
	 * @param page the page of hits, from 0
	 * @return what was found
	 */
	SearchResult find(DataLocation location, ConnectorSubject subject, int page);

	/**
	 * Copies the selected hits, in full, as findings for the task (records and files).
	 * @param location the location
	 * @param subject who is looked for
	 * @param hitIds the hits to copy, as {@link Hit#id()} gave them
	 * @return the findings to store on the task
	 */
	List<NewFinding> copy(DataLocation location, ConnectorSubject subject, List<String> hitIds);

	/**
	 * Erases the selected hits in the system for good.
	 * @param location the location
	 * @param subject who is looked for
	 * @param hitIds the hits to erase
	 * @param dryRun {@code true} to change nothing and say what would be done
	 * @return what was done, with evidence that holds no personal data beyond the
	 * request's
	 */
	Receipt erase(DataLocation location, ConnectorSubject subject, List<String> hitIds, boolean dryRun);

	/**
	 * Stops marketing to the person (an objection to direct marketing, a withdrawal of
	 * consent) while keeping what the system needs not to mail them again.
	 * @param location the location
	 * @param subject who is looked for
	 * @param hitIds the hits concerned
	 * @param dryRun {@code true} to change nothing
	 * @return what was done
	 * @throws ConnectorException with {@code connector.unsupported} when the system has
	 * no such action
	 */
	default Receipt unsubscribe(DataLocation location, ConnectorSubject subject, List<String> hitIds, boolean dryRun) {
		throw new ConnectorException("connector.unsupported", name());
	}

	/**
	 * Whether {@link #unsubscribe} does something for this connector.
	 * @return {@code true} when it does
	 */
	default boolean canUnsubscribe() {
		return false;
	}

	/**
	 * Whether an erasure or unsubscription that the system confirmed for every selected
	 * hit settles the task: the location is this system and nothing else, so the task's
	 * outcome is recorded with the receipt's evidence (erased; processing stopped or
	 * consent withdrawn). A connector that reaches only part of a location (some mails of
	 * a mailbox) leaves the outcome to the case handler.
	 * @return {@code true} when a confirmed action records the task's outcome
	 */
	default boolean completesTask() {
		return false;
	}

}
