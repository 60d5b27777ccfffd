package se.dsrdesk.request.casefile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Extending the deadline: by one or two months, and why.
 */
class ExtendForm extends VersionForm {

	@NotNull(message = "{requestPage.extend.months.required}")
	@Min(value = 1, message = "{requestPage.extend.months.required}")
	@Max(value = 2, message = "{requestPage.extend.months.required}")
	private Integer extensionMonths;

	@NotBlank(message = "{requestPage.extend.reason.required}")
	@Size(max = VersionForm.MAX_TEXT, message = "{validation.tooLong}")
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
