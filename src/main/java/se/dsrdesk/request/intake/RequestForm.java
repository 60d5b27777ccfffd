package se.dsrdesk.request.intake;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import se.dsrdesk.request.rules.NewRequestRules;
import se.dsrdesk.request.Relationship;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.PlainText;

/**
 * What a person types on the public request form. Every text is NFC-normalised as it is
 * bound and refused when it holds control characters.
 */
public class RequestForm {

	@NotNull(message = "{intake.type.required}")
	private RequestType type;

	@NewRequestRules.Name
	private String name;

	@NotBlank(message = "{validation.required}")
	@NewRequestRules.EmailAddress
	private String email;

	@NewRequestRules.Phone
	private String phone;

	@NotNull(message = "{intake.relationship.required}")
	private Relationship relationship;

	@NewRequestRules.Description
	private String description;

	@NewRequestRules.Language
	private String language = "sv";

	@AssertTrue(message = "{intake.truthful.required}")
	private boolean truthful;

	/** The honeypot: hidden from people, filled in by some robots. */
	private String website;

	IntakeService.Submission toSubmission() {
		return new IntakeService.Submission(this.type, this.name.strip(), this.email.strip(), blankToNull(this.phone),
				this.relationship, blankToNull(this.description), this.language);
	}

	boolean isHoneypotFilled() {
		return this.website != null && !this.website.isEmpty();
	}

	/**
	 * Whether the type needs details: what processing an objection is about, what is
	 * wrong for rectification.
	 */
	boolean needsDescription() {
		return this.type == RequestType.OBJECTION || this.type == RequestType.RECTIFICATION;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public RequestType getType() {
		return this.type;
	}

	public void setType(RequestType type) {
		this.type = type;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = PlainText.nfc(name);
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = PlainText.nfc(email);
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = PlainText.nfc(phone);
	}

	public Relationship getRelationship() {
		return this.relationship;
	}

	public void setRelationship(Relationship relationship) {
		this.relationship = relationship;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = PlainText.nfc(description);
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public boolean isTruthful() {
		return this.truthful;
	}

	public void setTruthful(boolean truthful) {
		this.truthful = truthful;
	}

	public String getWebsite() {
		return this.website;
	}

	public void setWebsite(String website) {
		this.website = website;
	}

}
