package se.dsrdesk.answer;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.notification.Correspondence;
import se.dsrdesk.notification.LetterEnclosures;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestService;

/**
 * A posted answer to an access or portability request encloses the approved answer
 * package as printed pages: the same PDF the download link gives by mail (the letter as
 * approved and the data sections as reviewed, masks applied), so that a person without an
 * email address receives the copy of the data too (GDPR Art. 15(3)).
 */
@Component
@Transactional(readOnly = true)
class PostedAnswerEnclosures implements LetterEnclosures {

	private static final String ANSWER = "request-answer";

	private final AnswerEnclosures answers;

	private final RequestService requests;

	private final MessageSource messages;

	PostedAnswerEnclosures(AnswerEnclosures answers, RequestService requests, MessageSource messages) {
		this.answers = answers;
		this.requests = requests;
		this.messages = messages;
	}

	@Override
	public List<Enclosure> enclosures(Correspondence letter) {
		if (!ANSWER.equals(letter.getTemplate()) || letter.getRequestId() == null) {
			return List.of();
		}
		DsrRequest request = this.requests.get(letter.getRequestId());
		if (!AnswerPackages.carriesData(request.getType())) {
			return List.of();
		}
		Locale locale = Locale.forLanguageTag(letter.getLanguage());
		String text = (letter.getBodyText() != null) ? letter.getBodyText() : "";
		return List.of(new Enclosure(this.messages.getMessage("package.enclosure", null, locale),
				this.answers.pdf(request, locale, text)));
	}

}
