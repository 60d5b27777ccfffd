package se.dsrdesk.mailbox;

import org.springframework.stereotype.Component;

/**
 * The menu entry "Incoming mail" with the number of mails waiting, for the layout
 * ({@code @incomingMailMenu} in templates): shown to case handlers when a privacy inbox
 * is configured or mail from one is still waiting. Counted only when a page is drawn.
 */
@Component("incomingMailMenu")
public class IncomingMailMenu {

	private final MailboxProperties mailboxes;

	private final IncomingMails incoming;

	IncomingMailMenu(MailboxProperties mailboxes, IncomingMails incoming) {
		this.mailboxes = mailboxes;
		this.incoming = incoming;
	}

	/**
	 * Whether the menu has the entry.
	 * @return {@code true} when a privacy inbox is configured
	 */
	public boolean shown() {
		return this.mailboxes.privacyInbox().isPresent();
	}

	/**
	 * How many mails wait.
	 * @return the count
	 */
	public long count() {
		return this.incoming.waitingCount();
	}

}
