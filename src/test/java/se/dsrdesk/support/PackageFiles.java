package se.dsrdesk.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads the files of an answer package as the tests check them: the entries of its ZIP,
 * the text of its PDF.
 */
public final class PackageFiles {

	private PackageFiles() {
	}

	/**
	 * The entries of a ZIP, in its order.
	 * @param zip the archive
	 * @return each entry's bytes by its name
	 */
	public static Map<String, byte[]> unzip(byte[] zip) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return entries;
	}

	/**
	 * The text of a PDF as one line: a line the PDF broke after a hyphen ("DSR-" at the
	 * end of a line, "2026-000133" on the next) is joined again, other line breaks are
	 * spaces.
	 * @param pdf the document
	 * @return its text
	 */
	public static String pdfText(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return oneLine(new PDFTextStripper().getText(document));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A PDF's text as one line, as {@link #pdfText(byte[])} gives it.
	 * @param text the text as the PDF holds it
	 * @return the text on one line
	 */
	public static String oneLine(String text) {
		return text.replaceAll("-\\R", "-").replaceAll("\\s+", " ").strip();
	}

}
