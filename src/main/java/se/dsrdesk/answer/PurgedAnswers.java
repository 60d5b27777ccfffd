package se.dsrdesk.answer;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.dsrdesk.request.RequestsPurged;

/**
 * Deletes what the answer module keeps of purged requests, in the purge's transaction:
 * the texts the case handler approved in the package review and the files behind any
 * download link not yet expired (the link is marked deleted, as after expiry).
 */
@Component
class PurgedAnswers {

	private final JdbcClient jdbc;

	private final Clock clock;

	PurgedAnswers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void on(RequestsPurged purged) {
		if (purged.requestIds().isEmpty()) {
			return;
		}
		this.jdbc.sql("DELETE FROM answer_finding_text WHERE request_id IN (:ids)")
			.param("ids", purged.requestIds())
			.update();
		this.jdbc.sql("DELETE FROM answer_request_file WHERE request_id IN (:ids)")
			.param("ids", purged.requestIds())
			.update();
		// A build keeps the letter as typed.
		this.jdbc.sql("DELETE FROM answer_build WHERE request_id IN (:ids)").param("ids", purged.requestIds()).update();
		this.jdbc
			.sql("DELETE FROM answer_file WHERE download_id IN (SELECT id FROM answer_download"
					+ " WHERE request_id IN (:ids))")
			.param("ids", purged.requestIds())
			.update();
		this.jdbc.sql("UPDATE answer_download SET deleted_at = :now WHERE request_id IN (:ids) AND deleted_at IS NULL")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("ids", purged.requestIds())
			.update();
	}

}
