package se.dsrdesk.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * PDF documents drawn from Thymeleaf templates (XHTML with print CSS) by openhtmltopdf:
 * the access extract and the yearly report.
 */
@Component
public class PdfDocuments {

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

}
