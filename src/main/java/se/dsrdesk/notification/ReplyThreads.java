package se.dsrdesk.notification;

import java.util.List;
import java.util.Optional;

/**
 * Where a person's answer to a mail about their request should go, so that it lands on
 * the request: the request's own reply address (a sub-address of the privacy inbox) for
 * the mail's {@code Reply-To}, and the Message-IDs of the mails it answers for
 * {@code In-Reply-To} and {@code References}. Implemented by the module that reads the
 * privacy inbox; without one, every mail's {@code Reply-To} is the controller's privacy
 * address.
 */
public interface ReplyThreads {

	/**
	 * The thread of a request's mails to the person.
	 * @param requestId the request
	 * @return the reply address and the Message-IDs answered, or empty for the defaults
	 */
	Optional<Thread> of(long requestId);

	/**
	 * A request's thread.
	 *
	 * @param replyTo the request's reply address
	 * @param references the Message-IDs of the person's mails it answers, oldest first;
	 * may be empty
	 */
	record Thread(String replyTo, List<String> references) {

		public Thread {
			references = (references != null) ? List.copyOf(references) : List.of();
		}

	}

}
