package se.dsrdesk.request.intake;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import se.dsrdesk.request.rules.NewRequestRules;
import se.dsrdesk.request.Relationship;
import se.dsrdesk.request.representative.Representative;
import se.dsrdesk.request.representative.RepresentativeAuthority;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.PlainText;

/**
 * What a person types on the public request form. Every text is NFC-normalised as it is
 * bound and refused when it holds control characters.
 */
public class RequestForm {

	/** The rights asked for: one or several, each becomes a request of its own. */
	@NotEmpty(message = "{intake.type.required}")
	private Set<RequestType> type = new LinkedHashSet<>();

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

	/** Whether the one filling in the form makes the request for someone else. */
	private boolean forSomeoneElse;

	/** The name of the person the request concerns, when made for someone else. */
	@Size(max = 200, message = "{validation.tooLong}")
	private String subjectName;

	/** The address of the person the request concerns, if known. */
	@NewRequestRules.EmailAddress
	private String subjectEmail;

	/**
	 * Where letters may go by post: the postal address of whom the letters are written to
	 * (the person, or the representative). Optional; the answers go by email.
	 */
	@NewRequestRules.PostalAddress
	private String postalAddress;

	/** What gives the representative the right to act for the person. */
	private RepresentativeAuthority authority;

	@AssertTrue(message = "{intake.truthful.required}")
	private boolean truthful;

	/** The honeypot: hidden from people, filled in by some robots. */
	private String website;

	IntakeService.Submission toSubmission() {
		if (this.forSomeoneElse) {
			// The one who fills in the form is the representative; the mails go to them.
			return new IntakeService.Submission(this.type, this.subjectName.strip(),
					PlainText.blankToNull(this.subjectEmail), PlainText.blankToNull(this.phone), this.relationship,
					PlainText.blankToNull(this.description), this.language,
					new Representative(this.name.strip(), this.email.strip(), this.authority),
					PlainText.blankToNull(this.postalAddress));
		}
		return new IntakeService.Submission(this.type, this.name.strip(), this.email.strip(),
				PlainText.blankToNull(this.phone), this.relationship, PlainText.blankToNull(this.description),
				this.language, null, PlainText.blankToNull(this.postalAddress));
	}

	/**
	 * What a request for someone else lacks: the person's name and the representative's
	 * authority (Art. 12(2)).
	 * @return field and message code of each gap
	 */
	Map<String, String> representativeGaps() {
		Map<String, String> gaps = new LinkedHashMap<>();
		if (!this.forSomeoneElse) {
			return gaps;
		}
		if (this.subjectName == null || this.subjectName.isBlank()) {
			gaps.put("subjectName", "intake.subjectName.required");
		}
		if (this.authority == null) {
			gaps.put("authority", "intake.authority.required");
		}
		return gaps;
	}

	boolean isHoneypotFilled() {
		return this.website != null && !this.website.isEmpty();
	}

	/**
	 * Whether the type needs details: what processing an objection is about, what is
	 * wrong for rectification.
	 */
	boolean needsDescription() {
		return this.type.contains(RequestType.OBJECTION) || this.type.contains(RequestType.RECTIFICATION);
	}

	public Set<RequestType> getType() {
		return this.type;
	}

	public void setType(Set<RequestType> type) {
		// In the form's order, whatever order they were sent in.
		Set<RequestType> ordered = new LinkedHashSet<>();
		for (RequestType each : RequestType.values()) {
			if (type != null && type.contains(each)) {
				ordered.add(each);
			}
		}
		this.type = ordered;
	}

	public boolean isForSomeoneElse() {
		return this.forSomeoneElse;
	}

	public void setForSomeoneElse(boolean forSomeoneElse) {
		this.forSomeoneElse = forSomeoneElse;
	}

	public String getSubjectName() {
		return this.subjectName;
	}

	public void setSubjectName(String subjectName) {
		this.subjectName = PlainText.nfc(subjectName);
	}

	public String getSubjectEmail() {
		return this.subjectEmail;
	}

	public void setSubjectEmail(String subjectEmail) {
		this.subjectEmail = PlainText.nfc(subjectEmail);
	}

	public RepresentativeAuthority getAuthority() {
		return this.authority;
	}

	public void setAuthority(RepresentativeAuthority authority) {
		this.authority = authority;
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

	public String getPostalAddress() {
		return this.postalAddress;
	}

	public void setPostalAddress(String postalAddress) {
		// One line break per line, as the register form stores it.
		this.postalAddress = PlainText.nfcLines(postalAddress);
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
