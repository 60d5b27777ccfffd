package se.dsrdesk.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * PDF documents drawn from Thymeleaf templates (XHTML with print CSS) by openhtmltopdf:
 * the access extract and the yearly report.
 */
@Component
public class PdfDocuments {

	private static final Log logger = LogFactory.getLog(PdfDocuments.class);

	private final ITemplateEngine templates;

	PdfDocuments(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * Renders a template to a PDF.
	 * @param template the template's name, such as {@code dashboard/report-pdf}
	 * @param locale the reader's language, for the template's messages
	 * @param variables the template's variables
	 * @return the PDF's bytes
	 */
	public byte[] render(String template, Locale locale, Map<String, Object> variables) {
		String html = this.templates.process(template, new Context(locale, variables));
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Renders a template to a PDF file, for documents too large to hold twice in memory
	 * (an answer package of hundreds of mails): the HTML is written to a file beside the
	 * PDF and read from there, the PDF written straight to its file.
	 * @param template the template's name
	 * @param locale the reader's language
	 * @param variables the template's variables
	 * @param pdf where to write the PDF
	 */
	public void render(String template, Locale locale, Map<String, Object> variables, Path pdf) {
		Path html = pdf.resolveSibling(pdf.getFileName() + ".html");
		try {
			try (Writer writer = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
				this.templates.process(template, new Context(locale, variables), writer);
			}
			try (OutputStream out = Files.newOutputStream(pdf)) {
				PdfRendererBuilder builder = new PdfRendererBuilder();
				builder.useFastMode();
				builder.withFile(html.toFile());
				builder.toStream(out);
				builder.run();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				Files.deleteIfExists(html);
			}
			catch (IOException ex) {
				logger.debug("Could not delete " + html, ex);
			}
		}
	}

	/**
	 * Renders a one-line PDF on a background thread once the application is ready. The
	 * first PDF a JVM renders pays for loading openhtmltopdf's and PDFBox's classes and
	 * for PDFBox's font mapper, which reads (or, without its cache file, scans) every
	 * system font before it can place the standard fonts: measured at several seconds on
	 * a busy machine (docs/answer-package.md). Paid here, no case handler waits for it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread warmUp = new Thread(() -> {
			long started = System.nanoTime();
			try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				PdfRendererBuilder builder = new PdfRendererBuilder();
				builder.useFastMode();
				builder.withHtmlContent("<html><body><p>DSR Desk <b>PDF</b> <i>warm-up</i></p></body></html>", null);
				builder.toStream(out);
				builder.run();
				logger.info(String.format(Locale.ROOT, "PDF renderer warmed up in %d ms",
						(System.nanoTime() - started) / 1_000_000));
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("PDF renderer warm-up failed: " + ex.getMessage());
			}
		}, "pdf-warm-up");
		warmUp.setDaemon(true);
		warmUp.start();
	}

}
