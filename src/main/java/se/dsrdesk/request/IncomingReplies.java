package se.dsrdesk.request;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The mails a person sent about a request (their replies, threaded into the case by the
 * privacy inbox), for the request's timeline. Implemented by the module that reads the
 * privacy inbox; without one, a request has none.
 */
public interface IncomingReplies {

	/**
	 * A request's replies, newest first.
	 * @param requestId the request
	 * @return up to {@link RequestService#LIST_LIMIT} replies
	 */
	List<Reply> forRequest(long requestId);

	/**
	 * One reply of a request.
	 * @param requestId the request
	 * @param replyId the reply
	 * @return it, or empty when it is not one of the request's
	 */
	Optional<Reply> find(long requestId, long replyId);

	/**
	 * A mail the person sent.
	 *
	 * @param id its id
	 * @param receivedAt when the mail server received it (IMAP INTERNALDATE)
	 * @param sender who sent it, as the mail names them
	 * @param subject its subject
	 * @param text its readable text
	 * @param attached the names of its files that became request attachments
	 * @param refused the names of its files that were refused, with the message key of
	 * why
	 */
	record Reply(long id, Instant receivedAt, String sender, String subject, String text, List<String> attached,
			List<RefusedFile> refused) {

		public Reply {
			attached = (attached != null) ? List.copyOf(attached) : List.of();
			refused = (refused != null) ? List.copyOf(refused) : List.of();
		}

	}

	/**
	 * A file that was not attached.
	 *
	 * @param name its name
	 * @param reason the message key of why
	 */
	record RefusedFile(String name, String reason) {
	}

}
