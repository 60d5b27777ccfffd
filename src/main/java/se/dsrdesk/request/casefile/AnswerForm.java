package se.dsrdesk.request.casefile;

/**
 * The answer letter as staff reviewed and edited it, sent when the request is completed;
 * after the deadline, why it is late.
 */
class AnswerForm extends VersionForm {

	/** The longest letter, in characters. */
	static final int MAX_LETTER = StepRules.MAX_LETTER;

	@StepRules.AnswerText
	private String answerText;

	/** The handler confirms sending a refusal without the complaint or court wording. */
	private boolean confirmRefusalWording;

	public boolean isConfirmRefusalWording() {
		return this.confirmRefusalWording;
	}

	public void setConfirmRefusalWording(boolean confirmRefusalWording) {
		this.confirmRefusalWording = confirmRefusalWording;
	}

	@StepRules.CaseText
	private String lateReason;

	public String getLateReason() {
		return this.lateReason;
	}

	public void setLateReason(String lateReason) {
		this.lateReason = lateReason;
	}

	public String getAnswerText() {
		return this.answerText;
	}

	public void setAnswerText(String answerText) {
		this.answerText = answerText;
	}

}
