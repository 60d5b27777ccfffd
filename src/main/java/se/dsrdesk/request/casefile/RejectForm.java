package se.dsrdesk.request.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import se.dsrdesk.request.RejectionGround;

/**
 * Rejecting the request: the ground the law gives and the reasons in words.
 */
class RejectForm extends VersionForm {

	@NotNull(message = "{requestPage.reject.ground.required}")
	private RejectionGround rejectionGround;

	@NotBlank(message = "{requestPage.reject.reasons.required}")
	@Size(max = VersionForm.MAX_TEXT, message = "{validation.tooLong}")
	private String rejectionReasons;

	public RejectionGround getRejectionGround() {
		return this.rejectionGround;
	}

	public void setRejectionGround(RejectionGround rejectionGround) {
		this.rejectionGround = rejectionGround;
	}

	public String getRejectionReasons() {
		return this.rejectionReasons;
	}

	public void setRejectionReasons(String rejectionReasons) {
		this.rejectionReasons = rejectionReasons;
	}

}
