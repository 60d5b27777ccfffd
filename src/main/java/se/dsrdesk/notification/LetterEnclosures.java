package se.dsrdesk.notification;

import java.util.List;

/**
 * What a letter to post encloses besides its text, as PDF documents printed after the
 * letter: the seam through which the answer package puts its files (the approved extract,
 * copies of the data) into a posted answer. A module that builds enclosures implements
 * it; {@link PostalLetters} asks every implementation (the answer module encloses the
 * approved answer package in a posted access or portability answer).
 */
public interface LetterEnclosures {

	/**
	 * The enclosures of a letter.
	 * @param letter the letter to post
	 * @return the documents, in the order they are printed; empty when there are none
	 */
	List<Enclosure> enclosures(Correspondence letter);

	/**
	 * One enclosed document.
	 *
	 * @param title what it is, as the letter lists it
	 * @param pdf the document as a PDF
	 */
	record Enclosure(String title, byte[] pdf) {

	}

}
