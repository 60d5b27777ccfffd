package se.dsrdesk.request;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import se.dsrdesk.deadline.PausePeriod;

/**
 * A time staff waited for the person, open until the request is resumed: for information
 * needed to confirm their identity (GDPR Art. 12(6)), when the clock stands still, or to
 * clarify the scope of the request (Recital 63), when it runs on unless a setting says
 * otherwise.
 */
@Embeddable
public class Pause {

	@Column(name = "paused_on", nullable = false)
	private LocalDate pausedOn;

	@Column(name = "resumed_on")
	private LocalDate resumedOn;

	@Column(nullable = false)
	private String reason;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private PauseGround ground;

	@Column
	private String justification;

	@Column(name = "stops_clock", nullable = false)
	private boolean stopsClock;

	protected Pause() {
	}

	Pause(LocalDate pausedOn, String reason, PauseGround ground, String justification, boolean stopsClock) {
		this.pausedOn = pausedOn;
		this.reason = reason;
		this.ground = ground;
		this.justification = justification;
		this.stopsClock = stopsClock;
	}

	void resume(LocalDate resumedOn) {
		this.resumedOn = resumedOn;
	}

	boolean isOpen() {
		return this.resumedOn == null;
	}

	PausePeriod toPeriod() {
		return new PausePeriod(this.pausedOn, this.resumedOn, this.ground.verifiesRequester());
	}

	/**
	 * Whether the days of this pause are added to the deadline.
	 * @return {@code true} for an identity pause, and for a scope pause when the setting
	 * allowed it
	 */
	public boolean stopsClock() {
		return this.stopsClock;
	}

	public PauseGround getGround() {
		return this.ground;
	}

	public String getJustification() {
		return this.justification;
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
