package se.dsrdesk.request;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import se.dsrdesk.deadline.PausePeriod;

/**
 * A time the clock stood still while staff waited for the person (GDPR Art. 12(6)): open
 * until the request is resumed.
 */
@Embeddable
public class Pause {

	@Column(name = "paused_on", nullable = false)
	private LocalDate pausedOn;

	@Column(name = "resumed_on")
	private LocalDate resumedOn;

	@Column(nullable = false)
	private String reason;

	protected Pause() {
	}

	Pause(LocalDate pausedOn, String reason) {
		this.pausedOn = pausedOn;
		this.reason = reason;
	}

	void resume(LocalDate resumedOn) {
		this.resumedOn = resumedOn;
	}

	boolean isOpen() {
		return this.resumedOn == null;
	}

	PausePeriod toPeriod() {
		return new PausePeriod(this.pausedOn, this.resumedOn);
	}

	public LocalDate getPausedOn() {
		return this.pausedOn;
	}

	public LocalDate getResumedOn() {
		return this.resumedOn;
	}

	public String getReason() {
		return this.reason;
	}

}
