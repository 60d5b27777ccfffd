package se.dsrdesk.request.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import se.dsrdesk.request.Channel;
import se.dsrdesk.request.rules.NewRequestRules;
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

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
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
