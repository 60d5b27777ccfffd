package se.dsrdesk.request;

import java.util.Locale;
import java.util.Map;

/**
 * What goes with an answer letter besides its text, such as the access extract's download
 * link. The location package implements it (as with {@link AnswerComposer}); it runs in
 * the transaction that completes the request and queues the letter.
 */
public interface AnswerAttachments {

	/**
	 * Prepares what goes with the answer and says what the mail needs to point to it.
	 * @param request the request being answered
	 * @param locale the letter's language
	 * @return entries for the answer mail's model, empty when nothing goes with it
	 */
	Map<String, Object> attach(DsrRequest request, Locale locale);

}
