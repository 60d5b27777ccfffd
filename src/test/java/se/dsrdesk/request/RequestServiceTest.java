package se.dsrdesk.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.location.TestTasks;
import se.dsrdesk.deadline.ExtensionNotAllowedException;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.request.refusal.IllegalTransitionException;

/**
 * The workflow against PostgreSQL: references, stored deadlines and pauses, optimistic
 * locking, and an audit line for every step.
 */
@IntegrationTest
class RequestServiceTest {

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	DsrRequest registerLetter(Instant receivedAt) {
		return this.requests.register(new NewRequest("Åsa Öberg-Ångström", "asa@exempel.se", null, "sv",
				RequestType.ERASURE, Channel.LETTER, "Radera mig", receivedAt), new Actor(null, "staff"));
	}

	@Test
	void aRegisteredRequestGetsAReferenceAndAStoredDeadline() {
		this.clock.set(Instant.parse("2026-11-24T10:00:00Z"));
		// arrived at 23:30 UTC on 31 October: 1 November in Stockholm.
		DsrRequest request = registerLetter(Instant.parse("2026-10-31T23:30:00Z"));
		assertThat(request.getReference()).matches("DSR-2026-\\d{6}");
		assertThat(request.getStatus()).isEqualTo(RequestStatus.NEW);
		Object[] row = this.jdbc.queryForObject(
				"select receipt_date, effective_deadline, status from dsr_request where id = ?",
				(rs, i) -> new Object[] { rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
						rs.getString(3) },
				request.getId());
		assertThat(row[0]).isEqualTo(LocalDate.of(2026, 11, 1));
		// 1 December 2026 is a Tuesday.
		assertThat(row[1]).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(row[2]).isEqualTo("NEW");
	}

	@Test
	void referencesAreUnique() {
		DsrRequest first = registerLetter(Instant.parse("2026-11-02T10:00:00Z"));
		DsrRequest second = registerLetter(Instant.parse("2026-11-02T10:00:00Z"));
		assertThat(first.getReference()).isNotEqualTo(second.getReference());
	}

	@Test
	void aRequestIsFoundByItsReferenceAsAPersonOrAClientWritesIt() {
		DsrRequest request = registerLetter(Instant.parse("2026-11-02T10:00:00Z"));
		String reference = request.getReference();
		assertThat(this.requests.byReference(" " + reference.toLowerCase(java.util.Locale.ROOT) + "\n").getId())
			.isEqualTo(request.getId());
		assertThatThrownBy(() -> this.requests.byReference(reference + "X".repeat(32)))
			.isInstanceOf(se.dsrdesk.system.NotFoundException.class);
		assertThatThrownBy(() -> this.requests.byReference(null))
			.isInstanceOf(se.dsrdesk.system.NotFoundException.class);
		assertThatThrownBy(() -> this.requests.byReference("  "))
			.isInstanceOf(se.dsrdesk.system.NotFoundException.class);
	}

	@Test
	void pausesAreStoredAndTheDeadlineMoves() {
		this.clock.set(Instant.parse("2026-11-03T09:00:00Z"));
		DsrRequest request = registerLetter(Instant.parse("2026-11-02T10:00:00Z"));
		this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		this.requests.pause(request.getId(), null, PauseGround.IDENTITY, "Which account do you mean?", null,
				Actor.SYSTEM);
		this.clock.set(Instant.parse("2026-11-10T09:00:00Z"));
		DsrRequest resumed = this.requests.resume(request.getId(), null, Actor.SYSTEM);
		// 2 December + 7 days paused = Wednesday 9 December 2026.
		assertThat(resumed.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 12, 9));
		DsrRequest reloaded = this.requests.get(request.getId());
		assertThat(reloaded.getPauses()).singleElement().satisfies((pause) -> {
			assertThat(pause.getPausedOn()).isEqualTo(LocalDate.of(2026, 11, 3));
			assertThat(pause.getResumedOn()).isEqualTo(LocalDate.of(2026, 11, 10));
			assertThat(pause.getReason()).isEqualTo("Which account do you mean?");
		});
	}

	@Test
	void aStaleVersionIsAConflictNotALostUpdate() {
		DsrRequest request = registerLetter(Instant.parse("2026-11-02T10:00:00Z"));
		long seen = request.getVersion();
		this.requests.startWork(request.getId(), seen, Actor.SYSTEM);
		assertThatThrownBy(() -> this.requests.reject(request.getId(), seen, "Unfounded", Actor.SYSTEM))
			.isInstanceOf(ConcurrentChangeException.class);
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
	}

	@Test
	void everyStepIsAudited() {
		DsrRequest request = registerLetter(Instant.parse("2026-11-02T10:00:00Z"));
		this.requests.startWork(request.getId(), null, new Actor(null, "handler"));
		// A request is completed only once every data location has been checked.
		TestTasks.finishAll(this.tasks, request.getId());
		this.requests.complete(request.getId(), null, new Actor(null, "handler"));
		assertThat(
				this.jdbc.queryForList("select action from audit_event where target_type = 'REQUEST' and target_id = ?"
						+ " and action like 'REQUEST%' order by id", String.class, request.getId().toString()))
			.containsExactly("REQUEST_RECEIVED", "REQUEST_STARTED", "REQUEST_COMPLETED");
	}

	@Test
	void anExtensionGoesOutWithItsNoticeInTheRequestsLanguage() {
		this.clock.set(Instant.parse("2026-11-10T09:00:00Z"));
		DsrRequest request = registerLetter(Instant.parse("2026-11-02T10:00:00Z"));
		this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		DsrRequest extended = this.requests.extend(request.getId(), null, 2, "Vi söker i fyra system", Actor.SYSTEM);
		// 2 December + 2 months = Tuesday 2 February 2027.
		assertThat(extended.getEffectiveDeadline()).isEqualTo(LocalDate.of(2027, 2, 2));
		assertThat(extended.getExtensionNoticeId()).isNotNull();
		Map<String, Object> notice = this.jdbc.queryForMap(
				"select recipient, language, template, subject, body_text, status, request_id from correspondence"
						+ " where id = ?",
				extended.getExtensionNoticeId());
		assertThat(notice).containsEntry("recipient", "asa@exempel.se")
			.containsEntry("language", "sv")
			.containsEntry("template", "request-extended")
			.containsEntry("status", "QUEUED")
			.containsEntry("request_id", request.getId());
		assertThat((String) notice.get("subject")).contains(request.getReference());
		assertThat((String) notice.get("body_text")).contains("Vi söker i fyra system", "senast den 2 februari 2027",
				"två månader", "Integritetsskyddsmyndigheten");
	}

	@Test
	void aRefusedExtensionSendsNoNotice() {
		this.clock.set(Instant.parse("2026-12-03T09:00:00Z"));
		DsrRequest request = registerLetter(Instant.parse("2026-11-02T10:00:00Z"));
		Integer before = this.jdbc.queryForObject("select count(*) from correspondence where request_id = ?",
				Integer.class, request.getId());
		assertThatThrownBy(() -> this.requests.extend(request.getId(), null, 1, "Too late", Actor.SYSTEM))
			.isInstanceOf(ExtensionNotAllowedException.class);
		assertThat(this.jdbc.queryForObject("select count(*) from correspondence where request_id = ?", Integer.class,
				request.getId()))
			.isEqualTo(before);
		assertThat(this.requests.get(request.getId()).getExtensionMonths()).isZero();
	}

	@Test
	void aRefusedTransitionChangesNothing() {
		DsrRequest request = registerLetter(Instant.parse("2026-11-02T10:00:00Z"));
		assertThatThrownBy(() -> this.requests.complete(request.getId(), null, Actor.SYSTEM))
			.isInstanceOf(IllegalTransitionException.class);
		assertThat(this.requests.get(request.getId()).getStatus()).isEqualTo(RequestStatus.NEW);
	}

}
