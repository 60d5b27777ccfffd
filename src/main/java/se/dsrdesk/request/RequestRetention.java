package se.dsrdesk.request;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.request.retention.RetentionProperties;
import se.dsrdesk.request.auditing.RequestAuditor;

/**
 * How long closed requests are kept, and each request's retention: its personal data is
 * purged on the day after its retention period ({@code dsr.retention.closed-requests})
 * counted from the day it was closed, in the controller's time zone, ends. Closed means
 * every closed status ({@link RequestStatus#CLOSED}); SQL gets the statuses as bind
 * parameters. Also when its personal data will be purged, and the legal-claims hold (Art.
 * 17(3)(e) GDPR) that postpones the purge while it may be needed to establish, exercise
 * or defend legal claims. The ground is kept on the request; the audit trail records that
 * a hold was placed or lifted, without the ground, which may name people.
 */
@Service
public class RequestRetention {

	/** The longest ground of a legal-claims hold. */
	public static final int MAX_GROUND = 1000;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final RetentionProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	RequestRetention(JdbcTemplate jdbc, AuditLog audit, RetentionProperties properties, RequestService requests,
			Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.zone = requests.zone();
	}

	/**
	 * How long a closed request's personal data is kept.
	 * @return the period
	 */
	public Period period() {
		return this.properties.closedRequests();
	}

	/**
	 * The statuses of closed requests, by name.
	 * @return the names
	 */
	public List<String> closedStatuses() {
		return RequestStatus.names(RequestStatus.CLOSED);
	}

	/**
	 * Requests closed before this instant are due for purging at {@code now}.
	 * @param now the time of the purge
	 * @return the start of the day that is the retention period before today
	 */
	public Instant closedBefore(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		return today.minus(period()).atStartOfDay(this.zone).toInstant();
	}

	/**
	 * The day a request closed at an instant is purged, unless held.
	 * @param closedAt when it was closed
	 * @return the day after its retention ends
	 */
	public LocalDate purgeDay(Instant closedAt) {
		return LocalDate.ofInstant(closedAt, this.zone).plus(period()).plusDays(1);
	}

	/**
	 * Question marks for an SQL {@code IN} list.
	 * @param count how many
	 * @return {@code ?,?,...}
	 */
	public static String placeholders(int count) {
		return String.join(",", Collections.nCopies(count, "?"));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	/**
	 * Where a request stands on retention.
	 * @param requestId the request
	 * @return its retention
	 * @throws NotFoundException when there is no such request
	 */
	@Transactional(readOnly = true)
	public Retention of(long requestId) {
		List<Retention> found = this.jdbc.query(
				"SELECT reference, closed_at, purged_at, legal_hold_ground, legal_hold_on FROM dsr_request WHERE id = ?",
				(rs, row) -> {
					Timestamp closed = rs.getTimestamp("closed_at");
					Timestamp purged = rs.getTimestamp("purged_at");
					Date holdOn = rs.getDate("legal_hold_on");
					Instant closedAt = (closed != null) ? closed.toInstant() : null;
					return new Retention(requestId, rs.getString("reference"), closedAt,
							(closedAt != null) ? purgeDay(closedAt) : null,
							(purged != null) ? purged.toInstant() : null, rs.getString("legal_hold_ground"),
							(holdOn != null) ? holdOn.toLocalDate() : null);
				}, requestId);
		if (found.isEmpty()) {
			throw new NotFoundException("Request");
		}
		return found.get(0);
	}

	/**
	 * Places a legal-claims hold, or replaces its ground.
	 * @param requestId the request
	 * @param ground why the request may be needed for legal claims
	 * @param actor who places it
	 * @throws IllegalStateException when the request was already purged
	 */
	@Transactional
	public void place(long requestId, String ground, Actor actor) {
		Retention retention = of(requestId);
		if (retention.purgedAt() != null) {
			throw new IllegalStateException("Request " + requestId + " is already purged");
		}
		this.jdbc.update(
				"UPDATE dsr_request SET legal_hold_ground = ?, legal_hold_on = ?, version = version + 1 WHERE id = ?",
				ground.strip(), Date.valueOf(today()), requestId);
		this.audit.recordAboutRequest(requestId, actor, "REQUEST_LEGAL_HOLD_PLACED", RequestAuditor.TARGET, requestId,
				null);
	}

	/**
	 * Lifts the legal-claims hold; the request is purged at the next run if its retention
	 * has ended.
	 * @param requestId the request
	 * @param actor who lifts it
	 */
	@Transactional
	public void lift(long requestId, Actor actor) {
		of(requestId);
		int lifted = this.jdbc.update("UPDATE dsr_request SET legal_hold_ground = NULL, legal_hold_on = NULL,"
				+ " version = version + 1 WHERE id = ? AND legal_hold_ground IS NOT NULL", requestId);
		if (lifted > 0) {
			this.audit.recordAboutRequest(requestId, actor, "REQUEST_LEGAL_HOLD_LIFTED", RequestAuditor.TARGET,
					requestId, null);
		}
	}

	/**
	 * How many closed requests will be purged within some days, holds considered.
	 * @param days how many days ahead, today included
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long dueWithin(int days) {
		Instant closedBefore = closedBefore(today().plusDays(days).atStartOfDay(this.zone).toInstant());
		List<Object> args = new ArrayList<>();
		args.add(Timestamp.from(closedBefore));
		args.addAll(closedStatuses());
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM dsr_request WHERE purged_at IS NULL AND closed_at < ?"
				+ " AND legal_hold_ground IS NULL AND status IN (" + placeholders(closedStatuses().size()) + ")",
				Long.class, args.toArray());
	}

	/**
	 * A request's retention.
	 *
	 * @param requestId the request
	 * @param reference its reference
	 * @param closedAt when it was closed, {@code null} while open
	 * @param purgeDay the day its personal data is purged unless held, {@code null} while
	 * open
	 * @param purgedAt when it was purged, {@code null} until then
	 * @param holdGround the ground of the legal-claims hold, {@code null} without one
	 * @param holdOn the day the hold was placed
	 */
	public record Retention(long requestId, String reference, Instant closedAt, LocalDate purgeDay, Instant purgedAt,
			String holdGround, LocalDate holdOn) {

		public boolean isHeld() {
			return this.holdGround != null;
		}

	}

}
