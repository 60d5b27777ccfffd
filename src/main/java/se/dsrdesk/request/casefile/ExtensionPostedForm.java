package se.dsrdesk.request.casefile;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Recording that the extension notice was posted, and when.
 */
class ExtensionPostedForm extends VersionForm {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate postedOn;

	public LocalDate getPostedOn() {
		return this.postedOn;
	}

	public void setPostedOn(LocalDate postedOn) {
		this.postedOn = postedOn;
	}

}
