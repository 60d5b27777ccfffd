package se.dsrdesk.request.casefile;

import jakarta.validation.constraints.NotNull;

/**
 * Resume a paused request at the receipt time of the person's reply: the reply is named
 * by its id, and its time is looked up, never taken from the form.
 */
class ReplyResumeForm extends VersionForm {

	@NotNull(message = "{validation.required}")
	private Long reply;

	public Long getReply() {
		return this.reply;
	}

	public void setReply(Long reply) {
		this.reply = reply;
	}

}
