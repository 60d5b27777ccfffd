package se.dsrdesk.answer;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.request.DsrRequest;

/**
 * The approved answer package as an enclosure, for other modules (a letter sent by post
 * encloses it): the same PDF the download link gives, rendered from the letter as
 * approved and the package's sections as reviewed.
 */
@Service
@Transactional(readOnly = true)
public class AnswerEnclosures {

	private final AnswerDownloads downloads;

	AnswerEnclosures(AnswerDownloads downloads) {
		this.downloads = downloads;
	}

	/**
	 * The package as a PDF, exactly as it is (or would be) sent: the letter as approved
	 * and, for access and portability, the data sections as reviewed.
	 * @param request the request
	 * @param locale the letter's language
	 * @param approvedText the letter as approved (passages still between {@code [[} and
	 * {@code ]]} are replaced by the marker here)
	 * @return the PDF's bytes
	 * @throws se.dsrdesk.system.RefusedException when an included file that cannot be
	 * masked is not yet marked checked
	 */
	public byte[] pdf(DsrRequest request, Locale locale, String approvedText) {
		return this.downloads.packagePdf(request, locale, approvedText);
	}

	/**
	 * The PDF of the package last sent for a request through its link.
	 * @param requestId the request
	 * @return the extract as stored, empty when none is (or it was deleted at expiry)
	 */
	public Optional<byte[]> sentPdf(long requestId) {
		return this.downloads.storedFile(requestId, AnswerDownloads.PDF);
	}

}
