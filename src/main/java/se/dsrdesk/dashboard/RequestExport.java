package se.dsrdesk.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.request.RequestStatistics;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.CsvDownload;

/**
 * The requests received in a period as CSV, for record keeping: one row per request with
 * its dates and outcome, never the person's name or address. The rows are written as the
 * request module streams them ({@link RequestStatistics#eachReceivedBetween}, through a
 * cursor inside this transaction), so a million rows need no more memory than a thousand.
 */
@Component
class RequestExport {

	static final String[] COLUMNS = { "reference", "type", "channel", "received", "deadline", "extended", "completed",
			"outcome", "onTime" };

	private final RequestStatistics requests;

	private final MessageSource messages;

	private final ControllerIdentity controller;

	RequestExport(RequestStatistics requests, MessageSource messages, ControllerIdentity controller) {
		this.requests = requests;
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
		try {
			this.requests.eachReceivedBetween(first, last, (request) -> {
				RequestStatus status = request.status();
				LocalDate deadline = request.effectiveDeadline();
				int extension = request.extensionMonths();
				LocalDate closed = (request.closedAt() != null) ? request.closedAt().atZone(zone).toLocalDate() : null;
				boolean isClosed = RequestStatus.CLOSED.contains(status);
				String onTime = null;
				// Only an answer can be on time or late.
				if (RequestStatus.ANSWERED.contains(status) && closed != null) {
					onTime = message(closed.isAfter(deadline) ? "exports.no" : "exports.yes", locale, words);
				}
				try {
					csv.row(request.reference(), message("request.type." + request.type().name(), locale, words),
							message("requestPage.channel." + request.channel().name(), locale, words),
							request.receiptDate(), deadline, (extension > 0) ? extension : null,
							isClosed ? closed : null,
							message(isClosed ? "inbox.status." + status.name() : "exports.open", locale, words),
							onTime);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				count[0]++;
			});
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
