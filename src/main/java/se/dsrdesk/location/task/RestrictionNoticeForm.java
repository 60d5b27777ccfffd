package se.dsrdesk.location.task;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The letter telling the person that a restriction will be lifted (Art. 18(3)): why, and,
 * for a letter sent by post, the day it was posted. The rules are the restriction's.
 */
public class RestrictionNoticeForm {

	private String reason;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate postedOn;

	private Long version;

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public LocalDate getPostedOn() {
		return this.postedOn;
	}

	public void setPostedOn(LocalDate postedOn) {
		this.postedOn = postedOn;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
