package se.dsrdesk.location;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The step "recipients informed" for one recipient as someone records it (Art. 19 GDPR,
 * first sentence), with the rules that make it complete: the day they were told, not in
 * the future and not before the request was received; or, when telling them proved
 * impossible or would involve disproportionate effort, the reason.
 *
 * @param recipient the recipient's name, as the register names it
 * @param result told, impossible or disproportionate
 * @param informedOn the day they were told
 * @param reason why telling them was impossible or disproportionate
 */
public record RecipientNoticeRecord(String recipient, RecipientNotice.Result result, LocalDate informedOn,
		String reason) {

	/** The longest reason. */
	static final int MAX_REASON = 2000;

	/**
	 * Checks the step.
	 * @param today the controller's date
	 * @param receiptDate the day the request was received
	 * @return what is wrong, empty when it may be recorded
	 */
	public List<OutcomeRecord.Violation> violations(LocalDate today, LocalDate receiptDate) {
		List<OutcomeRecord.Violation> violations = new ArrayList<>();
		if (this.recipient == null || this.recipient.isBlank()) {
			violations.add(new OutcomeRecord.Violation("recipient", "recipients.recipient.required"));
		}
		if (this.result == null) {
			violations.add(new OutcomeRecord.Violation("result", "recipients.result.required"));
			return violations;
		}
		if (this.result == RecipientNotice.Result.INFORMED) {
			if (this.informedOn == null) {
				violations.add(new OutcomeRecord.Violation("informedOn", "recipients.informedOn.required"));
			}
			else if (this.informedOn.isAfter(today)) {
				violations.add(new OutcomeRecord.Violation("informedOn", "recipients.informedOn.future"));
			}
			else if (receiptDate != null && this.informedOn.isBefore(receiptDate)) {
				violations.add(new OutcomeRecord.Violation("informedOn", "recipients.informedOn.beforeReceipt"));
			}
		}
		else if (this.reason == null || this.reason.isBlank()) {
			violations.add(new OutcomeRecord.Violation("reason", "recipients.reason.required"));
		}
		else if (this.reason.length() > MAX_REASON) {
			violations.add(new OutcomeRecord.Violation("reason", "recipients.reason.tooLong"));
		}
		return violations;
	}

}
