package se.dsrdesk.request;

import java.util.Locale;
import java.util.Map;

/**
 * What goes with an answer letter besides its text, such as the access extract's download
 * link. The answer package implements it (as with {@link AnswerComposer}); it runs in the
 * transaction that completes the request and queues the letter. Whatever it produces is
 * built from the letter as the case handler approved it, never from another source, so
 * that an edit or a removal in the review reaches every file.
 */
public interface AnswerAttachments {

	/**
	 * Prepares what goes with the answer and says what the mail needs to point to it.
	 * @param request the request being answered
	 * @param locale the letter's language
	 * @param approvedText the letter exactly as the case handler approved it
	 * @return entries for the answer mail's model, empty when nothing goes with it
	 */
	Map<String, Object> attach(DsrRequest request, Locale locale, String approvedText);

}
