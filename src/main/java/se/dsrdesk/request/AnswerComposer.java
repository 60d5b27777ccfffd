package se.dsrdesk.request;

import se.dsrdesk.request.refusal.RefusalWording;

import java.util.Locale;

/**
 * Writes the draft of the letter that answers a request, from what was found and done.
 * The location package implements it from the tasks' outcomes and the register, so that
 * this package does not depend on it (as with {@link CompletionGuard}). Staff review and
 * edit the draft before it is sent.
 */
public interface AnswerComposer {

	/**
	 * The draft answer letter.
	 * @param requestId the request
	 * @param locale the language to write in (the request's)
	 * @return the letter's text
	 */
	String compose(long requestId, Locale locale);

	/**
	 * Whether the answer discloses personal data: an access or a portability answer, or
	 * an erasure answer that lists what was kept. Such an answer is sent only once the
	 * person's identity check is recorded.
	 * @param requestId the request
	 * @return whether the answer discloses data
	 */
	boolean disclosesData(long requestId);

	/**
	 * Whether the answer refuses the request in part: data kept, an objection overridden,
	 * a step not possible. Such a letter must tell the person of the complaint to the
	 * supervisory authority and of the court ({@link RefusalWording}).
	 * @param requestId the request
	 * @return whether the answer refuses in part
	 */
	default boolean refusesInPart(long requestId) {
		return false;
	}

}
