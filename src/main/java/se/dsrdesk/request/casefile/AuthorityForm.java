package se.dsrdesk.request.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Recording that a representative's authority to act for the person was checked, and what
 * was checked (Art. 12(2); EDPB Guidelines 01/2022).
 */
class AuthorityForm extends VersionForm {

	@NotBlank(message = "{requestPage.authority.note.required}")
	@Size(max = 500, message = "{validation.tooLong}")
	private String authorityNote;

	public String getAuthorityNote() {
		return this.authorityNote;
	}

	public void setAuthorityNote(String authorityNote) {
		this.authorityNote = authorityNote;
	}

}
