package se.dsrdesk.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.CsvDownload;

/**
 * The requests received in a period as CSV, for record keeping: one row per request with
 * its dates and outcome, never the person's name or address. The rows are written as the
 * database sends them, {@value #FETCH_SIZE} at a time through a cursor (PostgreSQL gives
 * one only inside a transaction), so a million rows need no more memory than a thousand.
 */
@Component
class RequestExport {

	static final int FETCH_SIZE = 1000;

	static final String[] COLUMNS = { "reference", "type", "channel", "received", "deadline", "extended", "completed",
			"outcome", "onTime" };

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	private final ControllerIdentity controller;

	RequestExport(DataSource dataSource, MessageSource messages, ControllerIdentity controller) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH_SIZE);
		this.messages = messages;
		this.controller = controller;
	}

	/**
	 * Writes the header and one row per request received from the first to the last day,
	 * in receipt order.
	 * @param first the first receipt date
	 * @param last the last receipt date, inclusive
	 * @param locale the language of the header and the values
	 * @param csv where to write
	 * @return the number of requests written
	 * @throws IOException when the client has gone
	 */
	@Transactional(readOnly = true)
	public long write(LocalDate first, LocalDate last, Locale locale, CsvDownload csv) throws IOException {
		Map<String, String> words = new HashMap<>();
		Object[] header = new Object[COLUMNS.length];
		for (int i = 0; i < COLUMNS.length; i++) {
			header[i] = message("exports.requests.col." + COLUMNS[i], locale, words);
		}
		csv.row(header);
		ZoneId zone = this.controller.timeZone();
		long[] count = { 0 };
		RowCallbackHandler row = (rs) -> {
			RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
			LocalDate deadline = rs.getObject("effective_deadline", LocalDate.class);
			int extension = rs.getInt("extension_months");
			Timestamp closedAt = rs.getTimestamp("closed_at");
			LocalDate closed = (closedAt != null) ? closedAt.toInstant().atZone(zone).toLocalDate() : null;
			boolean isClosed = RequestStatus.CLOSED.contains(status);
			String onTime = null;
			// Only an answer can be on time or late.
			if (RequestStatus.ANSWERED.contains(status) && closed != null) {
				onTime = message(closed.isAfter(deadline) ? "exports.no" : "exports.yes", locale, words);
			}
			try {
				csv.row(rs.getString("reference"), message("request.type." + rs.getString("type"), locale, words),
						message("requestPage.channel." + rs.getString("channel"), locale, words),
						rs.getObject("receipt_date", LocalDate.class), deadline, (extension > 0) ? extension : null,
						isClosed ? closed : null,
						message(isClosed ? "inbox.status." + status.name() : "exports.open", locale, words), onTime);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			count[0]++;
		};
		try {
			this.jdbc.query(
					"""
							select reference, type, channel, receipt_date, effective_deadline, extension_months, status, closed_at
							from dsr_request
							where receipt_date between ? and ?
							order by receipt_date, id""",
					row, Date.valueOf(first), Date.valueOf(last));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		csv.flush();
		return count[0];
	}

	/** A word in the export's language, looked up once per export. */
	private String message(String key, Locale locale, Map<String, String> words) {
		return words.computeIfAbsent(key, (k) -> this.messages.getMessage(k, null, k, locale));
	}

}
