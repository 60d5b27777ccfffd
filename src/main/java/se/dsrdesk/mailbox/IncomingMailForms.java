package se.dsrdesk.mailbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.rules.NewRequestRules;

/**
 * The forms of the incoming mail page, one per action (dismissing needs none).
 */
final class IncomingMailForms {

	private IncomingMailForms() {
	}

	/**
	 * Register a request from a mail: prefilled with the sender and the text; the type
	 * chosen by the case handler (with a suggestion). Channel and receipt time come from
	 * the mail, not the form.
	 */
	static class Register {

		@NotNull(message = "{register.type.required}")
		private RequestType type;

		@NewRequestRules.Name
		private String name;

		@NewRequestRules.EmailAddress
		private String email;

		@NewRequestRules.Language
		private String language = "sv";

		@NewRequestRules.Description
		private String description;

		private boolean acknowledge = true;

		@Size(max = 500, message = "{validation.tooLong}")
		private String skipReason;

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
			this.name = name;
		}

		public String getEmail() {
			return this.email;
		}

		public void setEmail(String email) {
			this.email = email;
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
			this.description = description;
		}

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

		String skipReasonOrNull() {
			return NewRequestRules.skipReason(this.acknowledge, this.skipReason);
		}

		boolean skipReasonMissing() {
			return NewRequestRules.skipReasonMissing(this.acknowledge, this.skipReason);
		}

	}

	/** Attach a mail to an existing request, named by its reference. */
	static class Attach {

		@NotBlank(message = "{validation.required}")
		@Size(max = 20, message = "{validation.tooLong}")
		private String reference;

		public String getReference() {
			return this.reference;
		}

		public void setReference(String reference) {
			this.reference = reference;
		}

	}

}
