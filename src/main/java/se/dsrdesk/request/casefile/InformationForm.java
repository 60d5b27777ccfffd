package se.dsrdesk.request.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Asking the person for information: what they should send, which pauses the clock.
 */
class InformationForm extends VersionForm {

	@NotBlank(message = "{requestPage.information.required}")
	@Size(max = VersionForm.MAX_TEXT, message = "{validation.tooLong}")
	private String information;

	public String getInformation() {
		return this.information;
	}

	public void setInformation(String information) {
		this.information = information;
	}

}
