package se.dsrdesk.request.casefile;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Telling the person that the answer is delayed: why, and when to expect it.
 */
class DelayForm extends VersionForm {

	@StepRules.CaseText
	private String delayReason;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate expectedOn;

	public String getDelayReason() {
		return this.delayReason;
	}

	public void setDelayReason(String delayReason) {
		this.delayReason = delayReason;
	}

	public LocalDate getExpectedOn() {
		return this.expectedOn;
	}

	public void setExpectedOn(LocalDate expectedOn) {
		this.expectedOn = expectedOn;
	}

}
