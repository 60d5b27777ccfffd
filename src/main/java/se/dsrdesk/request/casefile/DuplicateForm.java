package se.dsrdesk.request.casefile;

import jakarta.validation.constraints.NotBlank;

/**
 * Closing a request as a duplicate of another, named by its reference, with or without a
 * letter to the person.
 */
class DuplicateForm extends VersionForm {

	@NotBlank(message = "{duplicate.original.required}")
	private String duplicateOf;

	private boolean tellPerson;

	public String getDuplicateOf() {
		return this.duplicateOf;
	}

	public void setDuplicateOf(String duplicateOf) {
		this.duplicateOf = duplicateOf;
	}

	public boolean isTellPerson() {
		return this.tellPerson;
	}

	public void setTellPerson(boolean tellPerson) {
		this.tellPerson = tellPerson;
	}

}
