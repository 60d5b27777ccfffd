package se.dsrdesk.request.casefile;

/**
 * Asking the person for information: what they should send, which pauses the clock.
 */
class InformationForm extends VersionForm {

	@StepRules.InformationNeeded
	private String information;

	public String getInformation() {
		return this.information;
	}

	public void setInformation(String information) {
		this.information = information;
	}

}
