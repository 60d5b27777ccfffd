package se.dsrdesk.answer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.RefusedException;

/**
 * The queue of answer packages built in the background (table {@code answer_build}): a
 * package of hundreds of mails takes longer to render than a page may wait, so the case
 * handler queues a build from the answer page, watches its progress and sends once its
 * files are ready. A runner ({@link AnswerBuildRunner}) claims the oldest waiting build
 * with {@code FOR UPDATE SKIP LOCKED} and holds it by a lease that it renews while it
 * works; a build whose lease ran out (its application stopped) is claimed again and built
 * from the start, up to {@code dsr.answer.build.attempts} times.
 */
@Service
@Transactional
class AnswerBuilds {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditLog audit;

	private final AnswerBuildProperties properties;

	AnswerBuilds(JdbcClient jdbc, Clock clock, AuditLog audit, AnswerBuildProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.properties = properties;
	}

	/**
	 * Queues a build of a request's package for the letter as typed.
	 * @param requestId the request
	 * @param letterText the letter as typed on the answer page (masks between {@code [[}
	 * and {@code ]]})
	 * @param lateReason why the answer is late, carried to the send form
	 * @param confirmRefusalWording whether the handler confirmed a refusal without the
	 * complaint wording, carried to the send form
	 * @param actor who asked
	 * @return the build's id
	 * @throws BuildRunningException while another build of the request is waiting or
	 * running (a second click, a second tab)
	 */
	long queue(long requestId, String letterText, String lateReason, boolean confirmRefusalWording, Actor actor) {
		Optional<Long> running = this.jdbc
			.sql("SELECT id FROM answer_build WHERE request_id = ? AND status IN ('QUEUED', 'RUNNING')")
			.param(requestId)
			.query(Long.class)
			.optional();
		if (running.isPresent()) {
			throw new BuildRunningException(running.get());
		}
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO answer_build (request_id, status, letter_text, late_reason, confirm_refusal_wording,
					created_at) VALUES (?, 'QUEUED', ?, ?, ?, ?) RETURNING id""")
				.params(requestId, letterText, lateReason, confirmRefusalWording, Timestamp.from(this.clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			// Two clicks at once: PostgreSQL's unique index on a request's working build
			// (V159) lets one through.
			throw new BuildRunningException(0);
		}
		this.audit.recordAboutRequest(requestId, actor, "ANSWER_PACKAGE_BUILD_QUEUED", "REQUEST", requestId,
				"build " + id);
		return id;
	}

	/**
	 * A build of a request, for its progress page.
	 * @param requestId the request
	 * @param buildId the build
	 * @return the build, empty when the request has no such build
	 */
	@Transactional(readOnly = true)
	Optional<Build> get(long requestId, long buildId) {
		return this.jdbc.sql("SELECT * FROM answer_build WHERE id = ? AND request_id = ?")
			.params(buildId, requestId)
			.query(AnswerBuilds::build)
			.optional();
	}

	/**
	 * A request's newest build, for the API's progress call without a build's id.
	 * @param requestId the request
	 * @return the build, empty when the request has none
	 */
	@Transactional(readOnly = true)
	Optional<Build> latest(long requestId) {
		return this.jdbc.sql("SELECT * FROM answer_build WHERE request_id = ? ORDER BY id DESC")
			.param(requestId)
			.query(AnswerBuilds::build)
			.list()
			.stream()
			.findFirst();
	}

	/**
	 * Claims the oldest build that waits, or whose runner's lease ran out, for this
	 * runner: marks it running under a new lease and counts the attempt. Commits at once,
	 * so that the claim holds no lock while the package is built.
	 * @return the claimed build, empty when none waits
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Optional<Build> claim() {
		Instant now = this.clock.instant();
		Optional<Long> id = this.jdbc.sql("""
				SELECT id FROM answer_build
				WHERE status = 'QUEUED' OR (status = 'RUNNING' AND lease_until < ?)
				ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""").param(Timestamp.from(now)).query(Long.class).optional();
		if (id.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("""
				UPDATE answer_build SET status = 'RUNNING', attempts = attempts + 1, lease_until = ?,
				step = NULL, step_done = 0, step_total = 0, percent = 0 WHERE id = ?""")
			.params(Timestamp.from(now.plus(this.properties.lease())), id.get())
			.update();
		return this.jdbc.sql("SELECT * FROM answer_build WHERE id = ?")
			.param(id.get())
			.query(AnswerBuilds::build)
			.optional();
	}

	/**
	 * Records how far a build has got and renews its lease.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void progress(long buildId, String step, int done, int total, int percent) {
		this.jdbc.sql("""
				UPDATE answer_build SET step = ?, step_done = ?, step_total = ?, percent = ?, lease_until = ?
				WHERE id = ? AND status = 'RUNNING'""")
			.params(step, done, total, percent, Timestamp.from(this.clock.instant().plus(this.properties.lease())),
					buildId)
			.update();
	}

	/**
	 * Renews the leases of the builds this runner is working on (between two progress
	 * reports the PDF can take longer than a lease).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void renew(Collection<Long> buildIds) {
		if (buildIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("UPDATE answer_build SET lease_until = :until WHERE id IN (:ids) AND status = 'RUNNING'")
			.param("until", Timestamp.from(this.clock.instant().plus(this.properties.lease())))
			.param("ids", buildIds)
			.update();
	}

	/**
	 * Records a build as ready, with the link its files are behind, in the transaction
	 * that stored them.
	 */
	void ready(long buildId, long downloadId, String fingerprint) {
		this.jdbc.sql("""
				UPDATE answer_build SET status = 'READY', download_id = ?, fingerprint = ?, percent = 100,
				step = 'ready', lease_until = NULL, finished_at = ? WHERE id = ?""")
			.params(downloadId, fingerprint, Timestamp.from(this.clock.instant()), buildId)
			.update();
	}

	/**
	 * Gives a build up, or puts it back in the queue while it has attempts left.
	 * @param failure the message code that says why, for its page
	 * @param retry whether another attempt could succeed (not for a refusal such as an
	 * unchecked file)
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void failed(long buildId, String failure, boolean retry) {
		Integer attempts = this.jdbc.sql("SELECT attempts FROM answer_build WHERE id = ?")
			.param(buildId)
			.query(Integer.class)
			.single();
		if (retry && attempts < this.properties.attempts()) {
			this.jdbc.sql("UPDATE answer_build SET status = 'QUEUED', lease_until = NULL WHERE id = ?")
				.param(buildId)
				.update();
			return;
		}
		this.jdbc
			.sql("UPDATE answer_build SET status = 'FAILED', failure = ?, lease_until = NULL, finished_at = ?"
					+ " WHERE id = ?")
			.params(failure, Timestamp.from(this.clock.instant()), buildId)
			.update();
	}

	/**
	 * The link of a ready build made from exactly this state of the package.
	 * @param requestId the request
	 * @param fingerprint what the package would be built from now
	 * @return the link's id, empty when no ready build matches
	 */
	@Transactional(readOnly = true)
	Optional<Long> readyDownload(long requestId, String fingerprint) {
		return this.jdbc.sql("""
				SELECT download_id FROM answer_build WHERE request_id = ? AND status = 'READY' AND fingerprint = ?
				AND download_id IS NOT NULL ORDER BY id DESC""")
			.params(requestId, fingerprint)
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
	}

	/**
	 * Marks the build whose files were just sent behind a link, so that they are not sent
	 * twice.
	 */
	void markSent(long downloadId) {
		this.jdbc.sql("UPDATE answer_build SET status = 'SENT' WHERE download_id = ?").param(downloadId).update();
	}

	private static Build build(ResultSet rs, int row) throws SQLException {
		return new Build(rs.getLong("id"), rs.getLong("request_id"), Build.Status.valueOf(rs.getString("status")),
				rs.getString("letter_text"), rs.getString("late_reason"), rs.getBoolean("confirm_refusal_wording"),
				rs.getString("step"), rs.getInt("step_done"), rs.getInt("step_total"), rs.getInt("percent"),
				rs.getInt("attempts"), rs.getString("failure"),
				(rs.getObject("download_id") != null) ? rs.getLong("download_id") : null,
				rs.getTimestamp("created_at").toInstant(),
				(rs.getTimestamp("finished_at") != null) ? rs.getTimestamp("finished_at").toInstant() : null);
	}

	/**
	 * A build of a package.
	 *
	 * @param id its id
	 * @param requestId the request
	 * @param status where it stands
	 * @param letterText the letter as typed
	 * @param lateReason why the answer is late, if given
	 * @param confirmRefusalWording whether the handler confirmed a refusal's wording
	 * @param step the step it is at ({@code pdf}, {@code data}, {@code files},
	 * {@code zip}, {@code store}, {@code ready}), {@code null} while it waits
	 * @param stepDone how many items of the step are done
	 * @param stepTotal how many the step has
	 * @param percent how far overall
	 * @param attempts how many times it was started
	 * @param failure the message code of why it failed
	 * @param downloadId the link its files are behind, once ready
	 * @param createdAt when it was queued
	 * @param finishedAt when it became ready or failed, {@code null} before
	 */
	record Build(long id, long requestId, Status status, String letterText, String lateReason,
			boolean confirmRefusalWording, String step, int stepDone, int stepTotal, int percent, int attempts,
			String failure, Long downloadId, Instant createdAt, Instant finishedAt) {

		/** Whether the page should keep polling. */
		public boolean working() {
			return this.status == Status.QUEUED || this.status == Status.RUNNING;
		}

		/** Where a build stands. */
		enum Status {

			QUEUED, RUNNING, READY, FAILED, SENT

		}

	}

	/**
	 * Another build of the request is waiting or running: a second is refused.
	 */
	static class BuildRunningException extends RefusedException {

		private final long running;

		BuildRunningException(long running) {
			super(HttpStatus.CONFLICT, "package-build-running", "package.build.running");
			this.running = running;
		}

		long running() {
			return this.running;
		}

		/** The API names the running build, so that a client can follow it. */
		@Override
		public Map<String, Object> problemProperties() {
			return (this.running > 0) ? Map.of("buildId", this.running) : Map.of();
		}

	}

	/** The ids of builds, for a test's cleanup. */
	@Transactional(readOnly = true)
	List<Long> ofRequest(long requestId) {
		return this.jdbc.sql("SELECT id FROM answer_build WHERE request_id = ? ORDER BY id")
			.param(requestId)
			.query(Long.class)
			.list();
	}

}
