package se.dsrdesk.location.persistence;

import java.util.Collections;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.dsrdesk.request.RequestsPurged;

/**
 * Erases the free texts that the tasks and retention holds of purged requests keep
 * (notes, summaries, what was kept and why, erasure notes), in the purge's transaction.
 * The outcomes, legal grounds and dates stay: the register's figures and the holds'
 * reminders still work.
 */
@Component
public class PurgedRequestTexts {

	private final JdbcTemplate jdbc;

	PurgedRequestTexts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(RequestsPurged purged) {
		if (purged.requestIds().isEmpty()) {
			return;
		}
		String in = String.join(",", Collections.nCopies(purged.requestIds().size(), "?"));
		Object[] ids = purged.requestIds().toArray();
		this.jdbc.update("UPDATE location_task SET note = NULL, summary = NULL,"
				+ " version = version + 1 WHERE request_id IN (" + in + ")", ids);
		this.jdbc.update("UPDATE retention_hold SET kept = NULL, erasure_note = NULL,"
				+ " version = version + 1 WHERE request_id IN (" + in + ")", ids);
		// Why a recipient could not be told (Art. 19): the result and the day stay.
		this.jdbc.update(
				"UPDATE recipient_notice SET reason = '-' WHERE reason IS NOT NULL AND request_id IN (" + in + ")",
				ids);
	}

}
