package se.dsrdesk.request.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import se.dsrdesk.request.note.RequestNote;

/**
 * An internal note. A note adds to the request without changing it, so it carries no
 * version.
 */
class NoteForm {

	@NotBlank(message = "{requestPage.note.required}")
	@Size(max = RequestNote.MAX_LENGTH, message = "{validation.tooLong}")
	private String noteText;

	public String getNoteText() {
		return this.noteText;
	}

	public void setNoteText(String noteText) {
		this.noteText = noteText;
	}

}
