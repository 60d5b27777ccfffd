package se.dsrdesk.request.casefile;

import se.dsrdesk.request.RejectionGround;

/**
 * Rejecting the request: the ground the law gives and the reasons in words; after the
 * one-month limit, why it is late.
 */
class RejectForm extends VersionForm {

	@StepRules.Ground
	private RejectionGround rejectionGround;

	@StepRules.RejectionReasons
	private String rejectionReasons;

	@StepRules.CaseText
	private String lateReason;

	public String getLateReason() {
		return this.lateReason;
	}

	public void setLateReason(String lateReason) {
		this.lateReason = lateReason;
	}

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
