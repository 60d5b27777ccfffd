package se.dsrdesk.request.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.notification.Outbox;
import se.dsrdesk.system.ExclusiveJobs;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.persistence.DsrRequestRepository;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestService;

/**
 * Looks after unconfirmed requests from the public form: one reminder to confirm after
 * {@code dsr.intake.reminder-after}, and expiry after {@code dsr.intake.expire-after},
 * which erases the person's details and keeps a minimal record (type, channel, dates) for
 * statistics. It reads the due requests set-based, in batches over the (status,
 * received_at, id) index; each batch commits in one transaction. ShedLock keeps runs from
 * overlapping across instances, and a conditional update makes a reminder go out once
 * even if they did.
 */
@Component
public class IntakeSweep {

	private static final Logger logger = LoggerFactory.getLogger(IntakeSweep.class);

	static final String LOCK_NAME = "intake-sweep";

	private static final String DUE = "SELECT id, received_at FROM dsr_request WHERE status = ?"
			+ " AND received_at <= ? AND (received_at, id) > (?, ?)";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ExclusiveJobs jobs;

	private final DsrRequestRepository requests;

	private final IntakeService intake;

	private final RequestService requestService;

	private final Outbox outbox;

	private final IntakeProperties properties;

	private final Clock clock;

	IntakeSweep(JdbcTemplate jdbc, TransactionTemplate transactions, ExclusiveJobs jobs, DsrRequestRepository requests,
			IntakeService intake, RequestService requestService, Outbox outbox, IntakeProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.jobs = jobs;
		this.requests = requests;
		this.intake = intake;
		this.requestService = requestService;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${dsr.intake.sweep.cron:0 */15 * * * *}", zone = "${dsr.controller.time-zone:Europe/Stockholm}")
	void scheduled() {
		run();
	}

	/**
	 * One run, unless another holds the lock.
	 * @return what it did, or {@code null} when another run held the lock or it failed
	 */
	public Report run() {
		return this.jobs.run(LOCK_NAME, this.properties.sweep().lockAtMostFor(), this::sweep).result();
	}

	Report sweep() {
		Instant now = this.clock.instant();
		int reminded = remind(now);
		int expired = expire(now);
		if (reminded + expired > 0) {
			logger.info("Intake sweep: {} reminders to confirm, {} unconfirmed requests expired", reminded, expired);
		}
		return new Report(reminded, expired);
	}

	private int remind(Instant now) {
		Timestamp dueBefore = Timestamp.from(now.minus(this.properties.reminderAfter()));
		Timestamp expiringBefore = Timestamp.from(now.minus(this.properties.expireAfter()));
		String sql = DUE + " AND received_at > ? AND confirmation_reminded_at IS NULL ORDER BY received_at, id LIMIT ?";
		return inBatches(sql, dueBefore, expiringBefore, (ids) -> {
			Timestamp stamp = Timestamp.from(now);
			int[] updated = this.jdbc.batchUpdate("UPDATE dsr_request SET confirmation_reminded_at = ? WHERE id = ?"
					+ " AND status = ? AND confirmation_reminded_at IS NULL", ids, ids.size(), (ps, id) -> {
						ps.setTimestamp(1, stamp);
						ps.setLong(2, id);
						ps.setString(3, RequestStatus.UNVERIFIED.name());
					})[0];
			List<Long> claimed = new ArrayList<>();
			for (int i = 0; i < ids.size(); i++) {
				if (updated[i] != 0) {
					claimed.add(ids.get(i));
				}
			}
			if (!claimed.isEmpty()) {
				// Requests made together get one reminder, which confirms them all.
				this.requests.findWithSubjects(claimed)
					.stream()
					.filter(DsrRequest::leadsThoseMadeTogether)
					.forEach((request) -> this.intake.sendConfirmationLink(request, true));
			}
			return claimed.size();
		});
	}

	private int expire(Instant now) {
		Timestamp dueBefore = Timestamp.from(now.minus(this.properties.expireAfter()));
		return inBatches(DUE + " ORDER BY received_at, id LIMIT ?", dueBefore, null, (ids) -> {
			List<DsrRequest> batch = this.requests.findWithSubjects(ids)
				.stream()
				.filter((request) -> request.getStatus() == RequestStatus.UNVERIFIED)
				.toList();
			for (DsrRequest request : batch) {
				this.requestService.expire(request, now);
				request.getSubject().erasePersonalDetails(now);
			}
			List<Long> expired = batch.stream().map(DsrRequest::getId).toList();
			this.requests.saveAll(batch);
			this.outbox.eraseForRequests(expired);
			String in = String.join(",", expired.stream().map((id) -> "?").toList());
			if (!expired.isEmpty()) {
				List<Object> args = new ArrayList<>(Arrays.asList((Object) Timestamp.from(now)));
				args.addAll(expired);
				this.jdbc.update(
						"UPDATE request_token SET used_at = ? WHERE used_at IS NULL AND request_id IN (" + in + ")",
						args.toArray());
			}
			return batch.size();
		});
	}

	/**
	 * Reads due requests in keyset order and handles each batch in its own transaction.
	 */
	private int inBatches(String sql, Timestamp dueBefore, Timestamp after, Batch handler) {
		Timestamp keyTime = new Timestamp(0);
		long keyId = 0;
		int done = 0;
		while (true) {
			List<Object> args = new ArrayList<>(List.of(RequestStatus.UNVERIFIED.name(), dueBefore, keyTime, keyId));
			if (after != null) {
				args.add(after);
			}
			args.add(this.properties.sweep().batchSize());
			List<Object[]> rows = this.jdbc.query(sql, (rs, i) -> new Object[] { rs.getLong(1), rs.getTimestamp(2) },
					args.toArray());
			if (rows.isEmpty()) {
				return done;
			}
			List<Long> ids = rows.stream().map((row) -> (Long) row[0]).toList();
			try {
				Integer handled = this.transactions.execute((status) -> handler.handle(ids));
				done += (handled != null) ? handled : 0;
			}
			catch (OptimisticLockingFailureException ex) {
				// Someone confirmed or changed one of them meanwhile: the next run looks
				// again.
				logger.warn("Skipped a batch of {} unconfirmed requests changed meanwhile", ids.size());
			}
			Object[] last = rows.get(rows.size() - 1);
			keyTime = (Timestamp) last[1];
			keyId = (Long) last[0];
			if (rows.size() < this.properties.sweep().batchSize()) {
				return done;
			}
		}
	}

	@FunctionalInterface
	private interface Batch {

		int handle(List<Long> ids);

	}

	/**
	 * What a run did.
	 *
	 * @param reminded reminders to confirm queued
	 * @param expired unconfirmed requests expired and erased
	 */
	public record Report(int reminded, int expired) {

	}

}
