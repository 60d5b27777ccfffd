package se.dsrdesk.location.task;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import se.dsrdesk.location.LegalGround;
import se.dsrdesk.location.OutcomeRecord;
import se.dsrdesk.location.TaskOutcome;

/**
 * What someone records as a task's outcome. The rules are the task's
 * ({@link OutcomeRecord#violations}); the form only carries what was typed.
 */
public class OutcomeForm {

	private TaskOutcome outcome;

	private String note;

	private String summary;

	private LegalGround ground;

	private String groundText;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate retainedUntil;

	private String interest;

	private String situation;

	private String liftCondition;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate liftOn;

	OutcomeRecord toRecord() {
		return new OutcomeRecord(this.outcome, this.note, this.summary, this.ground, this.groundText,
				this.retainedUntil, this.interest, this.situation, this.liftCondition, this.liftOn);
	}

	public String getLiftCondition() {
		return this.liftCondition;
	}

	public void setLiftCondition(String liftCondition) {
		this.liftCondition = liftCondition;
	}

	public LocalDate getLiftOn() {
		return this.liftOn;
	}

	public void setLiftOn(LocalDate liftOn) {
		this.liftOn = liftOn;
	}

	public String getInterest() {
		return this.interest;
	}

	public void setInterest(String interest) {
		this.interest = interest;
	}

	public String getSituation() {
		return this.situation;
	}

	public void setSituation(String situation) {
		this.situation = situation;
	}

	public TaskOutcome getOutcome() {
		return this.outcome;
	}

	public void setOutcome(TaskOutcome outcome) {
		this.outcome = outcome;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public LegalGround getGround() {
		return this.ground;
	}

	public void setGround(LegalGround ground) {
		this.ground = ground;
	}

	public String getGroundText() {
		return this.groundText;
	}

	public void setGroundText(String groundText) {
		this.groundText = groundText;
	}

	public LocalDate getRetainedUntil() {
		return this.retainedUntil;
	}

	public void setRetainedUntil(LocalDate retainedUntil) {
		this.retainedUntil = retainedUntil;
	}

}
