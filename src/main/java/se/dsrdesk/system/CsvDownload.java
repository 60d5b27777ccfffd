package se.dsrdesk.system;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A CSV file written straight to the response, row by row, so that a million rows never
 * sit in memory. Made for Excel as Swedish offices use it:
 * <ul>
 * <li>UTF-8 with a byte order mark, without which Excel reads å, ä and ö as Windows-1252
 * mojibake;</li>
 * <li>{@code ;} between cells, because Excel with Swedish settings uses the comma as the
 * decimal separator and expects the semicolon between fields (a {@code sep=} line would
 * fix the separator for every locale, but Excel then ignores the byte order mark);</li>
 * <li>CRLF line ends and RFC 4180 quoting (Apache Commons CSV);</li>
 * <li>no formulas: a cell that starts with {@code = + - @}, a tab or a carriage return
 * gets a leading apostrophe, so that a value typed by anyone cannot run as a formula when
 * the file is opened (CSV injection).</li>
 * </ul>
 */
public final class CsvDownload implements Flushable {

	/** The format: RFC 4180 with a semicolon, CRLF, quotes only where needed. */
	public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setDelimiter(';')
		.setRecordSeparator("\r\n")
		.setQuoteMode(QuoteMode.MINIMAL)
		.get();

	/** The UTF-8 byte order mark, which tells Excel the encoding. */
	public static final String BOM = "\uFEFF";

	private final CSVPrinter printer;

	private CsvDownload(Writer writer) throws IOException {
		writer.write(BOM);
		this.printer = new CSVPrinter(writer, FORMAT);
	}

	/**
	 * Starts a download: the headers of an attachment that no cache keeps, then the byte
	 * order mark.
	 * @param response the response to write to
	 * @param fileName the file's name in ASCII, such as
	 * {@code requests_2026-01-01_2026-12-31.csv}
	 * @return the file to write rows to
	 * @throws IOException when the client has gone
	 */
	public static CsvDownload start(HttpServletResponse response, String fileName) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return to(response.getOutputStream());
	}

	/**
	 * A CSV file written to a stream, byte order mark first.
	 * @param out the stream; flushed, not closed, by {@link #flush()}
	 * @return the file to write rows to
	 * @throws IOException when the stream fails
	 */
	public static CsvDownload to(OutputStream out) throws IOException {
		return new CsvDownload(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024));
	}

	/**
	 * Writes one row; {@code null} is an empty cell, everything else its text made safe.
	 * @param cells the cells
	 * @throws IOException when the client has gone
	 */
	public void row(Object... cells) throws IOException {
		for (Object cell : cells) {
			this.printer.print((cell != null) ? safe(cell.toString()) : "");
		}
		this.printer.println();
	}

	@Override
	public void flush() throws IOException {
		this.printer.flush();
	}

	/**
	 * A cell's text that a spreadsheet shows as text, never runs as a formula.
	 * @param text the text
	 * @return the text, with an apostrophe before a leading {@code = + - @}, tab or
	 * carriage return
	 */
	public static String safe(String text) {
		if (text.isEmpty()) {
			return text;
		}
		return switch (text.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
			default -> text;
		};
	}

}
