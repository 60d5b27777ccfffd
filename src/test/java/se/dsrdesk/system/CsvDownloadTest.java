package se.dsrdesk.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV files that Excel opens with a double-click: byte order mark, semicolons, CRLF,
 * RFC 4180 quoting, and no cell that runs as a formula.
 */
class CsvDownloadTest {

	@ParameterizedTest
	@ValueSource(strings = { "=1+1", "+46 70", "-1", "@SUM(A1)", "\tx", "\rx" })
	void aCellThatCouldRunAsAFormulaGetsAnApostrophe(String cell) {
		assertThat(CsvDownload.safe(cell)).isEqualTo("'" + cell);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Åsa", "2026-03-31", "DSR-2026-000123", "a=b", " =1", "'quoted" })
	void otherCellsAreLeftAlone(String cell) {
		assertThat(CsvDownload.safe(cell)).isEqualTo(cell);
	}

	@Test
	void writesUtf8WithABomSemicolonsCrlfAndQuotesWhereNeeded() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		CsvDownload csv = CsvDownload.to(out);
		csv.row("Ärende", "Vem", "Text");
		csv.row("DSR-2026-000001", "Åsa Öberg", "a;b \"c\"\nd");
		csv.row(LocalDate.of(2026, 3, 31), null, "=cmd");
		csv.flush();
		byte[] bytes = out.toByteArray();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).isEqualTo("\uFEFFÄrende;Vem;Text\r\nDSR-2026-000001;Åsa Öberg;\"a;b \"\"c\"\"\nd\"\r\n"
				+ "2026-03-31;;'=cmd\r\n");
		List<CSVRecord> records = CSVFormat.RFC4180.builder()
			.setDelimiter(';')
			.get()
			.parse(new StringReader(text.substring(1)))
			.getRecords();
		assertThat(records).hasSize(3);
		assertThat(records.get(1).toList()).containsExactly("DSR-2026-000001", "Åsa Öberg", "a;b \"c\"\nd");
		assertThat(records.get(2).toList()).containsExactly("2026-03-31", "", "'=cmd");
	}

}
