package se.dsrdesk.location;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDPR Art. 19: which outcomes are communicated to the recipients, and what the step
 * "recipients informed" must hold; and the recipient's country in a Swedish letter.
 */
class RecipientsInformedRulesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	static final LocalDate RECEIVED = LocalDate.of(2026, 3, 3);

	@Nested
	class WhichOutcomes {

		@Test
		@DisplayName("Art. 19: an erasure carried out, in full or in part, is communicated to the recipients")
		void erasureCarriedOut() {
			assertThat(TaskOutcome.ERASED.carriesOutForRecipients(RequestType.ERASURE)).isTrue();
			assertThat(TaskOutcome.PARTLY_ERASED.carriesOutForRecipients(RequestType.ERASURE)).isTrue();
		}

		@Test
		@DisplayName("Art. 19: a rectification or restriction carried out is communicated to the recipients")
		void rectificationAndRestrictionCarriedOut() {
			assertThat(TaskOutcome.DONE.carriesOutForRecipients(RequestType.RECTIFICATION)).isTrue();
			assertThat(TaskOutcome.DONE.carriesOutForRecipients(RequestType.RESTRICTION)).isTrue();
		}

		@Test
		@DisplayName("Art. 19: nothing found, data kept, a step not possible, and other rights carry nothing out")
		void nothingCarriedOut() {
			assertThat(TaskOutcome.NOT_FOUND.carriesOutForRecipients(RequestType.ERASURE)).isFalse();
			assertThat(TaskOutcome.RETAINED.carriesOutForRecipients(RequestType.ERASURE)).isFalse();
			assertThat(TaskOutcome.NOT_POSSIBLE.carriesOutForRecipients(RequestType.RECTIFICATION)).isFalse();
			assertThat(TaskOutcome.NOT_POSSIBLE.carriesOutForRecipients(RequestType.RESTRICTION)).isFalse();
			// Portability and access are not in Art. 19.
			assertThat(TaskOutcome.DONE.carriesOutForRecipients(RequestType.PORTABILITY)).isFalse();
			assertThat(TaskOutcome.FOUND.carriesOutForRecipients(RequestType.ACCESS)).isFalse();
			assertThat(TaskOutcome.PROCESSING_STOPPED.carriesOutForRecipients(RequestType.OBJECTION)).isFalse();
		}

	}

	@Nested
	class TheStep {

		@Test
		@DisplayName("Art. 19: a recipient told has the day they were told, not in the future nor before receipt")
		void informedNeedsADay() {
			assertThat(new RecipientNoticeRecord("Mailchimp", RecipientNotice.Result.INFORMED, TODAY, null)
				.violations(TODAY, RECEIVED)).isEmpty();
			assertThat(new RecipientNoticeRecord("Mailchimp", RecipientNotice.Result.INFORMED, null, null)
				.violations(TODAY, RECEIVED))
				.containsExactly(new OutcomeRecord.Violation("informedOn", "recipients.informedOn.required"));
			assertThat(new RecipientNoticeRecord("Mailchimp", RecipientNotice.Result.INFORMED, TODAY.plusDays(1), null)
				.violations(TODAY, RECEIVED))
				.containsExactly(new OutcomeRecord.Violation("informedOn", "recipients.informedOn.future"));
			assertThat(
					new RecipientNoticeRecord("Mailchimp", RecipientNotice.Result.INFORMED, RECEIVED.minusDays(1), null)
						.violations(TODAY, RECEIVED))
				.containsExactly(new OutcomeRecord.Violation("informedOn", "recipients.informedOn.beforeReceipt"));
		}

		@Test
		@DisplayName("Art. 19: not telling a recipient needs the reason it proved impossible or disproportionate")
		void impossibleOrDisproportionateNeedsAReason() {
			for (RecipientNotice.Result result : new RecipientNotice.Result[] { RecipientNotice.Result.IMPOSSIBLE,
					RecipientNotice.Result.DISPROPORTIONATE }) {
				assertThat(new RecipientNoticeRecord("Mailchimp", result, null, " ").violations(TODAY, RECEIVED))
					.containsExactly(new OutcomeRecord.Violation("reason", "recipients.reason.required"));
				assertThat(new RecipientNoticeRecord("Mailchimp", result, null, "The company no longer exists.")
					.violations(TODAY, RECEIVED)).isEmpty();
				assertThat(new RecipientNoticeRecord("Mailchimp", result, null, "x".repeat(2001)).violations(TODAY,
						RECEIVED))
					.containsExactly(new OutcomeRecord.Violation("reason", "recipients.reason.tooLong"));
			}
		}

		@Test
		@DisplayName("Art. 19: the step names the recipient and what became of telling them")
		void recipientAndResultAreRequired() {
			assertThat(new RecipientNoticeRecord(null, null, null, null).violations(TODAY, RECEIVED)).containsExactly(
					new OutcomeRecord.Violation("recipient", "recipients.recipient.required"),
					new OutcomeRecord.Violation("result", "recipients.result.required"));
		}

	}

	@Nested
	class Countries {

		static final Locale SV = Locale.forLanguageTag("sv");

		@Test
		@DisplayName("Art. 12(1): a recipient's country is written in Swedish in a Swedish letter")
		void swedishNames() {
			assertThat(recipientIn("Sweden").country(SV)).isEqualTo("Sverige");
			assertThat(recipientIn("USA").country(SV)).isEqualTo("USA");
			assertThat(recipientIn("United States").country(SV)).isEqualTo("USA");
			assertThat(recipientIn("Ireland").country(SV)).isEqualTo("Irland");
			assertThat(recipientIn("IE").country(SV)).isEqualTo("Irland");
			assertThat(recipientIn("Germany").country(SV)).isEqualTo("Tyskland");
			assertThat(recipientIn("Sverige").country(SV)).isEqualTo("Sverige");
		}

		@Test
		@DisplayName("Art. 12(1): English letters keep the country as the register has it; unknown text is kept")
		void englishAndUnknown() {
			assertThat(recipientIn("USA").country(Locale.ENGLISH)).isEqualTo("USA");
			assertThat(recipientIn("Sverige").country(Locale.ENGLISH)).isEqualTo("Sverige");
			assertThat(recipientIn("[land / country]").country(SV)).isEqualTo("[land / country]");
		}

		private static Recipient recipientIn(String country) {
			return new Recipient("Someone", Recipient.Role.PROCESSOR, country, null);
		}

	}

}
