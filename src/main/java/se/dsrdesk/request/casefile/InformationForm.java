package se.dsrdesk.request.casefile;

import se.dsrdesk.request.PauseGround;

/**
 * Asking the person for information: why (identity or scope), what they should send, and
 * for a clarification of scope why it is needed.
 */
class InformationForm extends VersionForm {

	@StepRules.PauseGroundRequired
	private PauseGround pauseGround;

	@StepRules.InformationNeeded
	private String information;

	@StepRules.CaseText
	private String justification;

	public PauseGround getPauseGround() {
		return this.pauseGround;
	}

	public void setPauseGround(PauseGround pauseGround) {
		this.pauseGround = pauseGround;
	}

	public String getInformation() {
		return this.information;
	}

	public void setInformation(String information) {
		this.information = information;
	}

	public String getJustification() {
		return this.justification;
	}

	public void setJustification(String justification) {
		this.justification = justification;
	}

}
