package se.dsrdesk.request.letters;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.notification.Correspondence;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.PostalLetters;
import se.dsrdesk.system.NotFoundException;

/**
 * Letters to post, for the page and the API alike: printing one (audited, as it shows the
 * person's data) and recording it as posted (audited; a posted extension notice puts the
 * extension in force through {@code RequestService.letterPosted}).
 */
@Component
class LetterPosting {

	static final String TARGET = "CORRESPONDENCE";

	private final Outbox outbox;

	private final PostalLetters letters;

	private final AuditLog audit;

	LetterPosting(Outbox outbox, PostalLetters letters, AuditLog audit) {
		this.outbox = outbox;
		this.letters = letters;
		this.audit = audit;
	}

	/**
	 * The letter as a PDF to print.
	 * @param id the letter
	 * @param requestId the request it must belong to, or {@code null} for any
	 * @param actor who prints it
	 * @return the PDF
	 */
	@Transactional
	public byte[] print(long id, Long requestId, Actor actor) {
		Correspondence letter = letter(id, requestId);
		byte[] pdf = this.letters.pdf(id);
		if (letter.getRequestId() != null) {
			this.audit.recordAboutRequest(letter.getRequestId(), actor, "LETTER_PRINTED", TARGET, id,
					letter.getTemplate());
		}
		return pdf;
	}

	/**
	 * Records the letter as posted.
	 * @param id the letter
	 * @param requestId the request it must belong to, or {@code null} for any
	 * @param postedOn the day it was posted
	 * @param actor who records it
	 * @return the letter
	 */
	@Transactional
	public Correspondence posted(long id, Long requestId, LocalDate postedOn, Actor actor) {
		Correspondence letter = letter(id, requestId);
		Correspondence posted = this.outbox.markPosted(letter.getId(), postedOn, actor.staffUserId(), actor.label());
		if (letter.getRequestId() != null) {
			this.audit.recordAboutRequest(letter.getRequestId(), actor, "LETTER_POSTED", TARGET, id,
					letter.getTemplate() + "; posted " + postedOn);
		}
		return posted;
	}

	/**
	 * A letter by post.
	 * @param id the letter
	 * @param requestId the request it must belong to, or {@code null} for any
	 * @return the letter
	 * @throws NotFoundException when there is none
	 */
	Correspondence letter(long id, Long requestId) {
		Correspondence letter = this.letters.letter(id);
		if (requestId != null && !requestId.equals(letter.getRequestId())) {
			throw new NotFoundException("Letter");
		}
		return letter;
	}

}
