package se.dsrdesk.location.connector;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.TaskService;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings of a task, stored as the data itself: records keep their fields in order,
 * files their bytes; the review's choices (left out, checked) stick; deleting a request's
 * findings removes their content. Real PostgreSQL.
 */
@IntegrationTest
class TaskFindingsTest {

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskFindings findings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	DsrRequest request;

	@AfterEach
	void close() {
		if (this.request != null) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at where id = ?",
					this.request.getId());
		}
	}

	@Test
	void recordsAndFilesAreStoredAsFoundAndTheReviewsChoicesStick() {
		LocationTask task = startedAccessTask();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("Status", "subscribed");
		fields.put("FNAME", "Åsa");
		fields.put("Opt-in", "2024-05-01T10:00:00Z");
		byte[] mail = "From: a@example.com\r\nSubject: Hej\r\n\r\nText".getBytes(StandardCharsets.UTF_8);
		List<Finding> stored = this.findings.add(task.getId(),
				List.of(NewFinding.record("Newsletter (audience a1)", "mailchimp:list/a1", fields),
						NewFinding.file("Hej", "imap:INBOX/42", "hej.eml", "message/rfc822", mail),
						NewFinding.file("Scan", "upload", "scan.png", "image/png", new byte[] { 1, 2, 3 })),
				Actor.SYSTEM);

		assertThat(stored).hasSize(3);
		Finding record = stored.get(0);
		assertThat(record.kind()).isEqualTo(Finding.Kind.RECORD);
		assertThat(record.fields().keySet()).containsExactly("Status", "FNAME", "Opt-in");
		assertThat(record.fields()).containsEntry("FNAME", "Åsa");
		assertThat(record.requestId()).isEqualTo(this.request.getId());
		Finding eml = stored.get(1);
		assertThat(eml.sizeBytes()).isEqualTo(mail.length);
		assertThat(this.findings.content(eml.id())).contains(mail);
		assertThat(eml.maskable()).isTrue();
		Finding image = stored.get(2);
		assertThat(image.maskable()).isFalse();
		assertThat(image.readyToSend()).as("an image needs a check first").isFalse();

		this.findings.markChecked(image.id(), Actor.SYSTEM);
		this.findings.include(record.id(), false, Actor.SYSTEM);
		List<Finding> again = this.findings.ofRequest(this.request.getId());
		assertThat(again).extracting(Finding::id).containsExactly(record.id(), eml.id(), image.id());
		assertThat(again.get(0).included()).isFalse();
		assertThat(again.get(2).readyToSend()).isTrue();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action like 'TASK_FINDING%' and target_id in (?, ?, ?)",
				Long.class, String.valueOf(task.getId()), String.valueOf(image.id()), String.valueOf(record.id())))
			.isEqualTo(3);

		assertThat(this.findings.deleteOfRequest(this.request.getId())).isEqualTo(3);
		assertThat(this.findings.ofRequest(this.request.getId())).isEmpty();
		assertThat(this.findings.content(eml.id())).isEmpty();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from task_finding where request_id = ? and (content is not null or fields is not null)",
				Long.class, this.request.getId()))
			.isZero();
	}

	private LocationTask startedAccessTask() {
		this.request = this.requests.register(new NewRequest("Åsa Öberg", "asa-" + UUID.randomUUID() + "@exempel.se",
				null, "sv", RequestType.ACCESS, Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		this.requests.startWork(this.request.getId(), null, Actor.SYSTEM);
		return this.tasks.ofRequest(this.request.getId()).get(0);
	}

}
