package se.dsrdesk.location;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules an outcome must meet before it is recorded, where the law sets them.
 */
class OutcomeRecordTest {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	static OutcomeRecord continues(String interest, String situation, String whyOursPrevails) {
		return new OutcomeRecord(TaskOutcome.CONTINUES, "Checked the ledger.", whyOursPrevails, null, null, null,
				interest, situation);
	}

	static OutcomeRecord forLegalClaims(String claims) {
		return new OutcomeRecord(TaskOutcome.CONTINUES_FOR_LEGAL_CLAIMS, "Checked the ledger.", claims, null, null,
				null);
	}

	static OutcomeRecord stopped() {
		return new OutcomeRecord(TaskOutcome.PROCESSING_STOPPED, "Unsubscribed.", null, null, null, null);
	}

	/** Objections by limb: GDPR Art. 21(1), 21(3) and 7(3). */
	@Nested
	class Objections {

		@Test
		@DisplayName("Art. 21(3): at a direct-marketing location the processing cannot continue on either limb")
		void anObjectionToDirectMarketingIsAbsolute() {
			OutcomeRecord balanced = continues("Fraud prevention", "Moved abroad", "Open invoices");
			assertThat(balanced.violations(RequestType.OBJECTION, TODAY, true, LegalBasis.LEGITIMATE_INTEREST))
				.containsExactly(new OutcomeRecord.Violation("outcome", "task.objection.absolute.directMarketing"));
			assertThat(forLegalClaims("A dispute").violations(RequestType.OBJECTION, TODAY, true,
					LegalBasis.LEGITIMATE_INTEREST))
				.containsExactly(new OutcomeRecord.Violation("outcome", "task.objection.absolute.directMarketing"));
			assertThat(stopped().violations(RequestType.OBJECTION, TODAY, true, LegalBasis.LEGITIMATE_INTEREST))
				.isEmpty();
		}

		@Test
		@DisplayName("Art. 7(3): at a consent-based location the processing cannot continue")
		void atAConsentBasedLocationTheProcessingStops() {
			OutcomeRecord balanced = continues("Fraud prevention", "Moved abroad", "Open invoices");
			assertThat(balanced.violations(RequestType.OBJECTION, TODAY, false, LegalBasis.CONSENT))
				.containsExactly(new OutcomeRecord.Violation("outcome", "task.objection.absolute.consent"));
			assertThat(stopped().violations(RequestType.OBJECTION, TODAY, false, LegalBasis.CONSENT)).isEmpty();
		}

		@Test
		@DisplayName("Art. 21(1), first limb: compelling legitimate grounds need our interest, the person's "
				+ "particular situation and why ours prevails")
		void compellingGroundsNeedAllThree() {
			assertThat(continues("Fraud prevention", "Moved abroad", "Open invoices").violations(RequestType.OBJECTION,
					TODAY, false, LegalBasis.LEGITIMATE_INTEREST))
				.isEmpty();
			assertThat(continues(" ", null, "").violations(RequestType.OBJECTION, TODAY, false,
					LegalBasis.LEGITIMATE_INTEREST))
				.containsExactlyInAnyOrder(new OutcomeRecord.Violation("interest", "task.interest.required"),
						new OutcomeRecord.Violation("situation", "task.situation.required"),
						new OutcomeRecord.Violation("summary", "task.summary.required.CONTINUES"));
		}

		@Test
		@DisplayName("Art. 21(1), second limb: continuing only for legal claims says which claims")
		void legalClaimsNeedTheClaims() {
			assertThat(forLegalClaims("The dispute over invoice 1234").violations(RequestType.OBJECTION, TODAY, false,
					LegalBasis.LEGITIMATE_INTEREST))
				.isEmpty();
			assertThat(forLegalClaims(null).violations(RequestType.OBJECTION, TODAY, false,
					LegalBasis.LEGITIMATE_INTEREST))
				.containsExactly(
						new OutcomeRecord.Violation("summary", "task.summary.required.CONTINUES_FOR_LEGAL_CLAIMS"));
			assertThat(TaskOutcome.forType(RequestType.OBJECTION)).containsExactly(TaskOutcome.PROCESSING_STOPPED,
					TaskOutcome.CONTINUES, TaskOutcome.CONTINUES_FOR_LEGAL_CLAIMS);
		}

	}

}
