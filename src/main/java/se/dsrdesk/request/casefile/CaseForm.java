package se.dsrdesk.request.casefile;

import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.RejectionGround;

/**
 * What the staff forms on a request's page send. Each action reads its own fields; all
 * carry the version of the request the person saw, so that a change someone else made
 * meanwhile is noticed instead of overwritten. On a refusal the page is shown again with
 * everything typed.
 */
public class CaseForm {

	private Long version;

	private Long assigneeId;

	private IdentityMethod identityMethod;

	private String identityNote;

	private String information;

	private Integer extensionMonths;

	private String extensionReason;

	private RejectionGround rejectionGround;

	private String rejectionReasons;

	private String noteText;

	private String answerText;

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public Long getAssigneeId() {
		return this.assigneeId;
	}

	public void setAssigneeId(Long assigneeId) {
		this.assigneeId = assigneeId;
	}

	public IdentityMethod getIdentityMethod() {
		return this.identityMethod;
	}

	public void setIdentityMethod(IdentityMethod identityMethod) {
		this.identityMethod = identityMethod;
	}

	public String getIdentityNote() {
		return this.identityNote;
	}

	public void setIdentityNote(String identityNote) {
		this.identityNote = identityNote;
	}

	public String getInformation() {
		return this.information;
	}

	public void setInformation(String information) {
		this.information = information;
	}

	public Integer getExtensionMonths() {
		return this.extensionMonths;
	}

	public void setExtensionMonths(Integer extensionMonths) {
		this.extensionMonths = extensionMonths;
	}

	public String getExtensionReason() {
		return this.extensionReason;
	}

	public void setExtensionReason(String extensionReason) {
		this.extensionReason = extensionReason;
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

	public String getNoteText() {
		return this.noteText;
	}

	public void setNoteText(String noteText) {
		this.noteText = noteText;
	}

	public String getAnswerText() {
		return this.answerText;
	}

	public void setAnswerText(String answerText) {
		this.answerText = answerText;
	}

}
