package se.dsrdesk.location;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Withdrawal of consent as a request type: GDPR Art. 7(3) ("The data subject shall have
 * the right to withdraw his or her consent at any time ... It shall be as easy to
 * withdraw as to give consent").
 */
class WithdrawConsentTest {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	static DataLocation location(LegalBasis basis, EnumSet<RequestType> types) {
		LocalizedText none = new LocalizedText(null, null);
		return DataLocation.create(
				new LocationDetails(new LocalizedText("Plats", "Place"), none, LocationKind.OTHER, null, none, none,
						basis, List.of(), none, none, null, none, none, 12, types),
				TODAY, Instant.parse("2026-03-10T09:00:00Z"));
	}

	@Test
	@DisplayName("Art. 7(3): a withdrawal of consent reaches every consent-based location, whatever types it lists")
	void reachesConsentBasedLocationsOnly() {
		assertThat(location(LegalBasis.CONSENT, EnumSet.of(RequestType.ACCESS)).appliesTo(RequestType.WITHDRAW_CONSENT))
			.isTrue();
		assertThat(
				location(LegalBasis.CONTRACT, EnumSet.allOf(RequestType.class)).appliesTo(RequestType.WITHDRAW_CONSENT))
			.isFalse();
		assertThat(location(LegalBasis.LEGITIMATE_INTEREST, EnumSet.allOf(RequestType.class))
			.appliesTo(RequestType.WITHDRAW_CONSENT)).isFalse();
	}

	@Test
	@DisplayName("Art. 7(3): the register's list of types never holds the withdrawal; the legal basis decides")
	void theListNeverHoldsTheWithdrawal() {
		assertThat(location(LegalBasis.CONSENT, EnumSet.allOf(RequestType.class)).getRequestTypes())
			.doesNotContain(RequestType.WITHDRAW_CONSENT)
			.contains(RequestType.ACCESS, RequestType.PORTABILITY);
		assertThat(RequestType.WITHDRAW_CONSENT.followsConsent()).isTrue();
		assertThat(EnumSet.complementOf(EnumSet.of(RequestType.WITHDRAW_CONSENT)))
			.noneMatch(RequestType::followsConsent);
	}

	@Test
	@DisplayName("Art. 7(3): the outcomes are 'consent withdrawn, processing stopped' or nothing held; no refusal")
	void outcomesCannotRefuse() {
		assertThat(TaskOutcome.forType(RequestType.WITHDRAW_CONSENT)).containsExactly(TaskOutcome.NOT_FOUND,
				TaskOutcome.CONSENT_WITHDRAWN);
		assertThat(TaskOutcome.CONSENT_WITHDRAWN.continuesProcessing()).isFalse();
		assertThat(TaskOutcome.CONSENT_WITHDRAWN.retains()).isFalse();
		assertThat(TaskOutcome.CONSENT_WITHDRAWN.needsSummary()).isFalse();
		OutcomeRecord withdrawn = new OutcomeRecord(TaskOutcome.CONSENT_WITHDRAWN, "Unsubscribed in Mailchimp.", null,
				null, null, null);
		assertThat(withdrawn.violations(RequestType.WITHDRAW_CONSENT, TODAY, true, LegalBasis.CONSENT)).isEmpty();
		assertThat(withdrawn.violations(RequestType.OBJECTION, TODAY, false, LegalBasis.CONSENT))
			.containsExactly(new OutcomeRecord.Violation("outcome", "task.outcome.required"));
	}

}
