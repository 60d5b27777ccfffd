package se.dsrdesk.request.casefile;

import se.dsrdesk.request.RejectionGround;

/**
 * Rejecting the request: the ground the law gives and the reasons in words.
 */
class RejectForm extends VersionForm {

	@StepRules.Ground
	private RejectionGround rejectionGround;

	@StepRules.RejectionReasons
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
