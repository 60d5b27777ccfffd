package se.dsrdesk.location;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import se.dsrdesk.audit.Actor;

/**
 * The step "recipients informed" for one recipient of a location (Art. 19 GDPR, first
 * sentence): the day the recipient was told of the erasure, rectification or restriction
 * carried out there, or why telling them proved impossible or would involve
 * disproportionate effort. The recipient is named as the register named it when the step
 * was recorded.
 */
@Entity
@Table(name = "recipient_notice")
public class RecipientNotice {

	/** What became of telling one recipient. */
	public enum Result {

		/** The recipient was told, on a date. */
		INFORMED,

		/** Telling them proved impossible; the reason says why. */
		IMPOSSIBLE,

		/** Telling them would involve disproportionate effort; the reason says why. */
		DISPROPORTIONATE

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "task_id", nullable = false, updatable = false)
	private Long taskId;

	@Column(name = "request_id", nullable = false, updatable = false)
	private Long requestId;

	@Column(name = "location_id", nullable = false, updatable = false)
	private Long locationId;

	@Column(name = "recipient_name", nullable = false, updatable = false)
	private String recipientName;

	@Column(name = "recipient_country", updatable = false)
	private String recipientCountry;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Result result;

	@Column(name = "informed_on", updatable = false)
	private LocalDate informedOn;

	private String reason;

	@Column(name = "recorded_by_id", updatable = false)
	private Long recordedById;

	@Column(name = "recorded_by_label", nullable = false, updatable = false)
	private String recordedByLabel;

	@Column(name = "recorded_at", nullable = false, updatable = false)
	private Instant recordedAt;

	protected RecipientNotice() {
	}

	RecipientNotice(LocationTask task, Recipient recipient, RecipientNoticeRecord record, Actor actor, Instant now) {
		this.taskId = task.getId();
		this.requestId = task.getRequestId();
		this.locationId = task.getLocation().getId();
		this.recipientName = recipient.getName();
		this.recipientCountry = recipient.getCountry();
		this.result = record.result();
		this.informedOn = (record.result() == Result.INFORMED) ? record.informedOn() : null;
		this.reason = (record.result() == Result.INFORMED) ? null : record.reason().strip();
		this.recordedById = actor.staffUserId();
		this.recordedByLabel = actor.label();
		this.recordedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public Long getTaskId() {
		return this.taskId;
	}

	public Long getRequestId() {
		return this.requestId;
	}

	public Long getLocationId() {
		return this.locationId;
	}

	public String getRecipientName() {
		return this.recipientName;
	}

	public String getRecipientCountry() {
		return this.recipientCountry;
	}

	/**
	 * The recipient's country in a letter's language (see {@link Recipient#country}).
	 * @param locale the letter's language
	 * @return the country, or {@code null} where none was recorded
	 */
	public String recipientCountry(Locale locale) {
		return Countries.in(this.recipientCountry, locale);
	}

	public Result getResult() {
		return this.result;
	}

	public boolean isInformed() {
		return this.result == Result.INFORMED;
	}

	public LocalDate getInformedOn() {
		return this.informedOn;
	}

	public String getReason() {
		return this.reason;
	}

	public String getRecordedByLabel() {
		return this.recordedByLabel;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

}
