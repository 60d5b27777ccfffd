package se.dsrdesk.request.casefile;

/**
 * Extending the deadline: by one or two months, and why.
 */
class ExtendForm extends VersionForm {

	@StepRules.ExtensionMonths
	private Integer extensionMonths;

	@StepRules.ExtensionReason
	private String extensionReason;

	public Integer getExtensionMonths() {
		return this.extensionMonths;
	}

	public void setExtensionMonths(Integer extensionMonths) {
		this.extensionMonths = extensionMonths;
	}

	public String getExtensionReason() {
		return this.extensionReason;
	}

	public void setExtensionReason(String extensionReason) {
		this.extensionReason = extensionReason;
	}

}
