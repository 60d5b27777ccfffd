package se.dsrdesk.request.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.request.auditing.RequestAuditor;
import se.dsrdesk.request.RequestRetention;
import se.dsrdesk.request.RequestsPurged;
import se.dsrdesk.request.retention.RetentionProperties;
import se.dsrdesk.system.ExclusiveJobs;

/**
 * Purges the personal data of closed requests whose retention has ended, daily, on one
 * instance at a time: the person's details (once none of their requests is kept), the
 * description, closing, extension and identity notes, pause reasons, internal notes,
 * attachments, the bodies and addresses of the letters, the status links, and, through
 * {@link RequestsPurged}, what other modules keep (the texts of retention holds, what the
 * tasks found, the approved answer texts and any answer files still stored). Kept: the
 * request's type, channel, dates, status, rejection ground and deadlines, so that the
 * dashboard's figures do not change, and the audit trail, which holds no personal data. A
 * request under a legal-claims hold is skipped. Each batch is one transaction; a batch
 * marks its requests purged, so the next one reads the next due requests from the
 * (purged_at, closed_at, id) index and memory stays bounded however many are due.
 */
@Component
public class ClosedRequestPurge {

	private static final Logger logger = LoggerFactory.getLogger(ClosedRequestPurge.class);

	static final String LOCK_NAME = "closed-request-purge";

	static final String ACTION = "REQUEST_PURGED";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ExclusiveJobs jobs;

	private final Outbox outbox;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final RequestRetention rule;

	private final RetentionProperties properties;

	private final Clock clock;

	ClosedRequestPurge(JdbcTemplate jdbc, TransactionTemplate transactions, ExclusiveJobs jobs, Outbox outbox,
			AuditLog audit, ApplicationEventPublisher events, RequestRetention rule, RetentionProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.jobs = jobs;
		this.outbox = outbox;
		this.audit = audit;
		this.events = events;
		this.rule = rule;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${dsr.retention.cron:0 40 2 * * *}", zone = "${dsr.controller.time-zone:Europe/Stockholm}")
	void scheduled() {
		run();
	}

	/**
	 * Purges what is due now, unless another instance is doing it.
	 * @return what it did, or {@code null} when another run held the lock or it failed
	 */
	public Report run() {
		return this.jobs.run(LOCK_NAME, this.properties.lockAtMostFor(), this::purgeDue).result();
	}

	Report purgeDue() {
		Instant now = this.clock.instant();
		Timestamp closedBefore = Timestamp.from(this.rule.closedBefore(now));
		int requests = 0;
		int subjects = 0;
		while (true) {
			Report batch = this.transactions.execute((status) -> purgeBatch(closedBefore, now));
			if (batch == null || batch.requests() == 0) {
				break;
			}
			requests += batch.requests();
			subjects += batch.subjects();
		}
		Report report = new Report(requests, subjects);
		logger.info("Retention: personal data of {} closed requests purged, {} people erased", report.requests(),
				report.subjects());
		return report;
	}

	private Report purgeBatch(Timestamp closedBefore, Instant now) {
		List<Object> args = new ArrayList<>();
		args.add(closedBefore);
		args.addAll(this.rule.closedStatuses());
		args.add(this.properties.batchSize());
		List<Long> ids = this.jdbc.queryForList(
				"SELECT id FROM dsr_request"
						+ " WHERE purged_at IS NULL AND closed_at < ? AND legal_hold_ground IS NULL AND status IN ("
						+ RequestRetention.placeholders(this.rule.closedStatuses().size()) + ")"
						+ " ORDER BY closed_at, id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED",
				Long.class, args.toArray());
		if (ids.isEmpty()) {
			return new Report(0, 0);
		}
		String in = RequestRetention.placeholders(ids.size());
		Object[] idArgs = ids.toArray();
		Timestamp stamp = Timestamp.from(now);
		this.jdbc.update("UPDATE dsr_request SET description = NULL, closing_reason = NULL, extension_reason = NULL,"
				+ " delay_reason = NULL,"
				+ " identity_note = NULL, late_reason = NULL, purged_at = ?, updated_at = ?, version = version + 1 WHERE id IN ("
				+ in + ")", prepend(idArgs, stamp, stamp));
		this.jdbc.update("UPDATE request_pause SET reason = '-' WHERE request_id IN (" + in + ")", idArgs);
		this.jdbc.update("DELETE FROM request_note WHERE request_id IN (" + in + ")", idArgs);
		this.jdbc.update("DELETE FROM request_message WHERE request_id IN (" + in + ")", idArgs);
		this.jdbc.update("DELETE FROM request_person_activity WHERE request_id IN (" + in + ")", idArgs);
		this.jdbc.update("DELETE FROM request_attachment WHERE request_id IN (" + in + ")", idArgs);
		this.jdbc.update("DELETE FROM request_token WHERE request_id IN (" + in + ")", idArgs);
		this.outbox.eraseForRequests(ids);
		// A person is erased once none of their requests is kept any more.
		int subjects = this.jdbc.update(
				"UPDATE data_subject SET name = NULL, email = NULL, email_key = NULL,"
						+ " phone = NULL, erased_at = COALESCE(erased_at, ?), updated_at = ?, version = version + 1"
						+ " WHERE id IN (SELECT data_subject_id FROM dsr_request WHERE id IN (" + in + "))"
						+ " AND erased_at IS NULL AND NOT EXISTS (SELECT 1 FROM dsr_request r"
						+ " WHERE r.data_subject_id = data_subject.id AND r.purged_at IS NULL)",
				prepend(idArgs, stamp, stamp));
		this.events.publishEvent(new RequestsPurged(ids));
		for (Long id : ids) {
			this.audit.recordAboutRequest(id, Actor.SYSTEM, ACTION, RequestAuditor.TARGET, id, null);
		}
		return new Report(ids.size(), subjects);
	}

	private static Object[] prepend(Object[] ids, Object... first) {
		Object[] all = new Object[first.length + ids.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(ids, 0, all, first.length, ids.length);
		return all;
	}

	/**
	 * What one run of the purge did.
	 *
	 * @param requests how many requests had their personal data purged
	 * @param subjects how many people were erased because none of their requests is kept
	 */
	public record Report(int requests, int subjects) {

	}

}
