package se.dsrdesk.request.refusal;

import se.dsrdesk.request.AnswerComposer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.dsrdesk.request.refusal.RefusalWordingMissingException;
import se.dsrdesk.system.ControllerIdentity;

/**
 * The text check of an answer that refuses the request in part (something kept, an
 * objection overridden, a step not possible): before it is sent, the letter as the case
 * handler edited it must still name the supervisory authority the person may complain to
 * and say that they may go to court (Art. 12(4); Art. 77 and 79). The page warns and the
 * API answers 422; the handler can confirm and send anyway.
 * <p>
 * The check looks for the authority's name (the part of
 * {@code dsr.controller.supervisory-authority} before any parenthesis, "Integritets-
 * skyddsmyndigheten") and for the word for court in the letter's language
 * ({@code answer.refusalWording.courtWord}: "domstol", "court"), case-insensitively.
 */
@Component
public class RefusalWording {

	/** The complaint to the supervisory authority is missing. */
	public static final String COMPLAINT = "complaint";

	/** The judicial remedy is missing. */
	public static final String COURT = "court";

	private final ObjectProvider<AnswerComposer> composers;

	private final ControllerIdentity controller;

	private final MessageSource messages;

	RefusalWording(ObjectProvider<AnswerComposer> composers, ControllerIdentity controller, MessageSource messages) {
		this.composers = composers;
		this.controller = controller;
		this.messages = messages;
	}

	/**
	 * What a letter that refuses the request in part lacks.
	 * @param requestId the request
	 * @param language the letter's language
	 * @param text the letter as edited
	 * @return {@link #COMPLAINT}, {@link #COURT}, both, or nothing (also when the answer
	 * refuses nothing)
	 */
	public List<String> missing(long requestId, Locale language, String text) {
		AnswerComposer composer = this.composers.getIfAvailable();
		if (composer == null || !composer.refusesInPart(requestId)) {
			return List.of();
		}
		return missingFrom(text, authorityName(), this.messages.getMessage("answer.refusalWording.courtWord", null,
				Locale.forLanguageTag("sv".equals(language.getLanguage()) ? "sv" : "en")));
	}

	/**
	 * Refuses a letter that refuses the request in part but lacks the complaint or the
	 * court wording, unless the handler confirmed sending it anyway.
	 * @param requestId the request
	 * @param language the letter's language
	 * @param text the letter as edited
	 * @param confirmed whether the handler confirmed sending it anyway
	 * @throws RefusalWordingMissingException when something is missing and it was not
	 * confirmed
	 */
	public void check(long requestId, Locale language, String text, boolean confirmed) {
		if (confirmed) {
			return;
		}
		List<String> missing = missing(requestId, language, text);
		if (!missing.isEmpty()) {
			throw new RefusalWordingMissingException(missing);
		}
	}

	static List<String> missingFrom(String text, String authority, String courtWord) {
		String letter = (text != null) ? text.toLowerCase(Locale.ROOT) : "";
		List<String> missing = new ArrayList<>();
		if (!letter.contains(authority.toLowerCase(Locale.ROOT))) {
			missing.add(COMPLAINT);
		}
		if (!letter.contains(courtWord.toLowerCase(Locale.ROOT))) {
			missing.add(COURT);
		}
		return missing;
	}

	private String authorityName() {
		String name = this.controller.supervisoryAuthority();
		int parenthesis = name.indexOf('(');
		return ((parenthesis > 0) ? name.substring(0, parenthesis) : name).strip();
	}

}
