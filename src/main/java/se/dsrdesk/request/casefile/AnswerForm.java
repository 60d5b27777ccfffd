package se.dsrdesk.request.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The answer letter as staff reviewed and edited it, sent when the request is completed.
 */
class AnswerForm extends VersionForm {

	/** The longest letter, in characters. */
	static final int MAX_LETTER = 20000;

	@NotBlank(message = "{answer.text.required}")
	@Size(max = AnswerForm.MAX_LETTER, message = "{validation.tooLong}")
	private String answerText;

	public String getAnswerText() {
		return this.answerText;
	}

	public void setAnswerText(String answerText) {
		this.answerText = answerText;
	}

}
