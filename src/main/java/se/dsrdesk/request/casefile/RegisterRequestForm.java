package se.dsrdesk.request.casefile;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import se.dsrdesk.request.Channel;
import se.dsrdesk.request.rules.NewRequestRules;
import se.dsrdesk.request.representative.Representative;
import se.dsrdesk.request.representative.RepresentativeAuthority;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.PlainText;

/**
 * What a case handler types to register a request that arrived by email, letter, phone or
 * in person. The arrival time is a local date and time in the controller's time zone, as
 * a {@code datetime-local} input sends it; the controller parses it and refuses the
 * future.
 */
public class RegisterRequestForm {

	@NotNull(message = "{register.channel.required}")
	private Channel channel;

	@NotBlank(message = "{validation.required}")
	private String receivedAt;

	@NotNull(message = "{register.type.required}")
	private RequestType type;

	@NewRequestRules.Name
	private String name;

	@NewRequestRules.EmailAddress
	private String email;

	@NewRequestRules.Phone
	private String phone;

	@NewRequestRules.Language
	private String language = "sv";

	@NewRequestRules.Description
	private String description;

	/** Further rights asked for in the same request: one linked request each. */
	private Set<RequestType> otherTypes = new LinkedHashSet<>();

	/** The representative's name, when someone made the request for the person. */
	@Size(max = 200, message = "{validation.tooLong}")
	private String representativeName;

	@NewRequestRules.EmailAddress
	private String representativeEmail;

	private RepresentativeAuthority representativeAuthority;

	/**
	 * Where letters go by post: the person's postal address, or the representative's when
	 * one acts.
	 */
	@NewRequestRules.PostalAddress
	private String postalAddress;

	/**
	 * Whether to send the acknowledgement (reference, deadline, status link); ticked by
	 * default, like the public form's.
	 */
	private boolean acknowledge = true;

	/** Why no acknowledgement is sent, required when it is unticked. */
	@Size(max = 500, message = "{validation.tooLong}")
	private String skipReason;

	public boolean isAcknowledge() {
		return this.acknowledge;
	}

	public void setAcknowledge(boolean acknowledge) {
		this.acknowledge = acknowledge;
	}

	public String getSkipReason() {
		return this.skipReason;
	}

	public void setSkipReason(String skipReason) {
		this.skipReason = skipReason;
	}

	/**
	 * Why no acknowledgement is sent.
	 * @return the reason, or {@code null} when it is sent
	 */
	String skipReasonOrNull() {
		return NewRequestRules.skipReason(this.acknowledge, this.skipReason);
	}

	/**
	 * Not acknowledging needs a reason, for the file.
	 * @return whether the reason is missing although needed
	 */
	boolean skipReasonMissing() {
		return NewRequestRules.skipReasonMissing(this.acknowledge, this.skipReason);
	}

	/**
	 * Without an email address to write to (the representative's when one acts, else the
	 * person's), the letters go by post: a postal address is needed.
	 * @return whether the postal address is missing although needed
	 */
	boolean postalAddressMissing() {
		String email = (PlainText.blankToNull(this.representativeName) != null) ? this.representativeEmail : this.email;
		return PlainText.blankToNull(email) == null && PlainText.blankToNull(this.postalAddress) == null;
	}

	public String getPostalAddress() {
		return this.postalAddress;
	}

	public void setPostalAddress(String postalAddress) {
		this.postalAddress = PlainText.nfcLines(postalAddress);
	}

	/**
	 * The representative, when a name was given.
	 * @return them, or {@code null}
	 */
	Representative representative() {
		String name = PlainText.blankToNull(this.representativeName);
		return (name != null && this.representativeAuthority != null) ? new Representative(name,
				PlainText.blankToNull(this.representativeEmail), this.representativeAuthority) : null;
	}

	/**
	 * A representative needs both a name and an authority (Art. 12(2)).
	 * @return the field and message code of a gap, or {@code null}
	 */
	String[] representativeGap() {
		boolean named = PlainText.blankToNull(this.representativeName) != null;
		if (named && this.representativeAuthority == null) {
			return new String[] { "representativeAuthority", "intake.authority.required" };
		}
		if (!named
				&& (this.representativeAuthority != null || PlainText.blankToNull(this.representativeEmail) != null)) {
			return new String[] { "representativeName", "register.representativeName.required" };
		}
		return null;
	}

	public Set<RequestType> getOtherTypes() {
		return this.otherTypes;
	}

	public void setOtherTypes(Set<RequestType> otherTypes) {
		this.otherTypes = (otherTypes != null) ? new LinkedHashSet<>(otherTypes) : new LinkedHashSet<>();
	}

	public String getRepresentativeName() {
		return this.representativeName;
	}

	public void setRepresentativeName(String representativeName) {
		this.representativeName = PlainText.nfc(representativeName);
	}

	public String getRepresentativeEmail() {
		return this.representativeEmail;
	}

	public void setRepresentativeEmail(String representativeEmail) {
		this.representativeEmail = PlainText.nfc(representativeEmail);
	}

	public RepresentativeAuthority getRepresentativeAuthority() {
		return this.representativeAuthority;
	}

	public void setRepresentativeAuthority(RepresentativeAuthority representativeAuthority) {
		this.representativeAuthority = representativeAuthority;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public void setChannel(Channel channel) {
		this.channel = channel;
	}

	public String getReceivedAt() {
		return this.receivedAt;
	}

	public void setReceivedAt(String receivedAt) {
		this.receivedAt = receivedAt;
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

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = PlainText.nfc(description);
	}

}
