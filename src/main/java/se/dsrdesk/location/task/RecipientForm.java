package se.dsrdesk.location.task;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import se.dsrdesk.location.RecipientNotice;
import se.dsrdesk.location.RecipientNoticeRecord;

/**
 * The step "recipients informed" for one recipient, as typed on the task page (Art. 19).
 * The rules are {@link RecipientNoticeRecord#violations}'s; the form only carries what
 * was typed.
 */
public class RecipientForm {

	private String recipient;

	private RecipientNotice.Result result;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate informedOn;

	private String reason;

	RecipientNoticeRecord toRecord() {
		return new RecipientNoticeRecord(this.recipient, this.result, this.informedOn, this.reason);
	}

	public String getRecipient() {
		return this.recipient;
	}

	public void setRecipient(String recipient) {
		this.recipient = recipient;
	}

	public RecipientNotice.Result getResult() {
		return this.result;
	}

	public void setResult(RecipientNotice.Result result) {
		this.result = result;
	}

	public LocalDate getInformedOn() {
		return this.informedOn;
	}

	public void setInformedOn(LocalDate informedOn) {
		this.informedOn = informedOn;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
