package se.dsrdesk.request.casefile;

import jakarta.validation.constraints.NotNull;

/**
 * Assigning the request: the case handler chosen.
 */
class AssignForm extends VersionForm {

	@NotNull(message = "{requestPage.assign.required}")
	private Long assigneeId;

	public Long getAssigneeId() {
		return this.assigneeId;
	}

	public void setAssigneeId(Long assigneeId) {
		this.assigneeId = assigneeId;
	}

}
