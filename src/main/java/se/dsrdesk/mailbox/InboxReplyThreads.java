package se.dsrdesk.mailbox;

import java.util.Optional;

import org.springframework.stereotype.Component;

import se.dsrdesk.notification.ReplyThreads;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.NotFoundException;

/**
 * The reply address of a request's mails to the person, when a privacy inbox is
 * configured: the inbox's address with the request's reply key as a sub-address
 * ({@code privacy+<key>@example.se}, "plus addressing"), which the mail server delivers
 * to the privacy inbox and intake matches to the request. The person's own mails on the
 * request are named in {@code In-Reply-To} and {@code References}, so that mail programs
 * show one conversation.
 */
@Component
class InboxReplyThreads implements ReplyThreads {

	private final MailboxProperties mailboxes;

	private final RequestService requests;

	private final IncomingMails incoming;

	private final ControllerIdentity controller;

	InboxReplyThreads(MailboxProperties mailboxes, RequestService requests, IncomingMails incoming,
			ControllerIdentity controller) {
		this.mailboxes = mailboxes;
		this.requests = requests;
		this.incoming = incoming;
		this.controller = controller;
	}

	@Override
	public Optional<Thread> of(long requestId) {
		if (this.mailboxes.privacyInbox().isEmpty()) {
			return Optional.empty();
		}
		DsrRequest request;
		try {
			request = this.requests.get(requestId);
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
		if (request.getReplyKey() == null) {
			return Optional.empty();
		}
		String address = replyAddress(request.getReplyKey());
		return (address != null) ? Optional.of(new Thread(address, this.incoming.messageIdsOf(requestId)))
				: Optional.empty();
	}

	/**
	 * A reply address.
	 * @param key the request's reply key
	 * @return {@code local+key@domain} of the privacy inbox's address, or {@code null}
	 * when it has none
	 */
	String replyAddress(String key) {
		String base = this.mailboxes.privacyInbox().map(MailboxProperties.Mailbox::address).orElse(null);
		if (base == null || base.isBlank()) {
			base = this.controller.privacyEmail();
		}
		int at = (base != null) ? base.lastIndexOf('@') : -1;
		if (at <= 0) {
			return null;
		}
		String local = base.substring(0, at);
		int plus = local.indexOf('+');
		if (plus >= 0) {
			local = local.substring(0, plus);
		}
		return local + "+" + key + base.substring(at);
	}

}
