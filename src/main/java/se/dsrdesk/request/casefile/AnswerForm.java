package se.dsrdesk.request.casefile;

/**
 * The answer letter as staff reviewed and edited it, sent when the request is completed.
 */
class AnswerForm extends VersionForm {

	/** The longest letter, in characters. */
	static final int MAX_LETTER = StepRules.MAX_LETTER;

	@StepRules.AnswerText
	private String answerText;

	public String getAnswerText() {
		return this.answerText;
	}

	public void setAnswerText(String answerText) {
		this.answerText = answerText;
	}

}
