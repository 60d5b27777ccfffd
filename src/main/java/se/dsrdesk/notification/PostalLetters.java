package se.dsrdesk.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.DisplayFormats;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.system.PdfDocuments;

/**
 * The printable letter of a letter to post: A4, the controller's address block at the
 * top, the recipient's name and address where a C5 or DL window envelope shows it (20 mm
 * from the left edge, 45 mm from the top), the date and the subject, the letter as it was
 * written to the correspondence log, and its enclosures ({@link LetterEnclosures}) after
 * it. Rendered when staff download it, from what the log holds, so that the print is the
 * letter that was stored.
 */
@Service
public class PostalLetters {

	/** The mail's signature delimiter: the controller's block replaces the footer. */
	private static final String SIGNATURE = "-- ";

	private final Outbox outbox;

	private final PdfDocuments pdfs;

	private final ControllerIdentity controller;

	private final ObjectProvider<LetterEnclosures> enclosures;

	PostalLetters(Outbox outbox, PdfDocuments pdfs, ControllerIdentity controller,
			ObjectProvider<LetterEnclosures> enclosures) {
		this.outbox = outbox;
		this.pdfs = pdfs;
		this.controller = controller;
		this.enclosures = enclosures;
	}

	/**
	 * A letter by post (to post or posted).
	 * @param id the letter's id
	 * @return the letter
	 * @throws NotFoundException when there is no such letter by post
	 */
	@Transactional(readOnly = true)
	public Correspondence letter(long id) {
		return this.outbox.find(id)
			.filter(Correspondence::isByPost)
			.filter((letter) -> !"erased".equals(letter.getPostalAddress()))
			.orElseThrow(() -> new NotFoundException("Letter"));
	}

	/**
	 * The letter as a PDF to print, with its enclosures.
	 * @param id the letter's id
	 * @return the PDF's bytes
	 * @throws NotFoundException when there is no such letter by post
	 */
	@Transactional(readOnly = true)
	public byte[] pdf(long id) {
		return pdf(letter(id));
	}

	/**
	 * A letter as a PDF to print, with its enclosures.
	 * @param letter the letter by post
	 * @return the PDF's bytes
	 */
	byte[] pdf(Correspondence letter) {
		List<LetterEnclosures.Enclosure> enclosed = new ArrayList<>();
		this.enclosures.orderedStream().forEach((source) -> enclosed.addAll(source.enclosures(letter)));
		byte[] pdf = this.pdfs.render("letters/postal-letter", locale(letter), model(letter, enclosed));
		return enclosed.isEmpty() ? pdf : merge(pdf, enclosed);
	}

	/**
	 * What the letter's template shows: the address lines, the date, the subject and the
	 * paragraphs of the letter.
	 * @param letter the letter
	 * @param enclosed its enclosures
	 * @return the template's variables
	 */
	Map<String, Object> model(Correspondence letter, List<LetterEnclosures.Enclosure> enclosed) {
		Locale locale = locale(letter);
		ZoneId zone = this.controller.timeZone();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("controller", this.controller);
		model.put("country", this.controller.country(locale));
		model.put("addressLines", letter.getPostalAddress().lines().toList());
		model.put("date", DisplayFormats.longDate(LocalDate.ofInstant(letter.getCreatedAt(), zone), locale));
		model.put("subject", letter.getSubject());
		model.put("paragraphs", paragraphs(letter.getBodyText()));
		model.put("enclosures", enclosed.stream().map(LetterEnclosures.Enclosure::title).toList());
		model.put("language", letter.getLanguage());
		return model;
	}

	/**
	 * The letter's text in paragraphs of lines, without the mail's footer (the letter
	 * head names the controller).
	 * @param text the text body as stored
	 * @return the paragraphs
	 */
	static List<List<String>> paragraphs(String text) {
		List<List<String>> paragraphs = new ArrayList<>();
		List<String> current = new ArrayList<>();
		for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
			if (line.equals(SIGNATURE)) {
				break;
			}
			if (line.isBlank()) {
				if (!current.isEmpty()) {
					paragraphs.add(current);
					current = new ArrayList<>();
				}
			}
			else {
				current.add(line.stripTrailing());
			}
		}
		if (!current.isEmpty()) {
			paragraphs.add(current);
		}
		return paragraphs;
	}

	private static Locale locale(Correspondence letter) {
		return Locale.forLanguageTag(letter.getLanguage());
	}

	private static byte[] merge(byte[] letter, List<LetterEnclosures.Enclosure> enclosed) {
		PDFMergerUtility merger = new PDFMergerUtility();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			merger.addSource(new RandomAccessReadBuffer(letter));
			for (LetterEnclosures.Enclosure enclosure : enclosed) {
				merger.addSource(new RandomAccessReadBuffer(enclosure.pdf()));
			}
			merger.setDestinationStream(out);
			merger.mergeDocuments(IOUtils.createMemoryOnlyStreamCache());
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
