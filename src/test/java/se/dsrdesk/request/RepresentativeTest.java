package se.dsrdesk.request;

import se.dsrdesk.request.representative.RepresentativeAuthority;

import se.dsrdesk.request.representative.Representative;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.refusal.IllegalTransitionException;
import se.dsrdesk.request.refusal.PauseRefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests made by a representative: GDPR Art. 12(2) (the controller facilitates the
 * exercise of the rights) and EDPB Guidelines 01/2022 on the right of access, section 3.4
 * (rights exercised through a representative, whose authority the controller checks
 * before it discloses data).
 */
class RepresentativeTest {

	static final Instant NOW = DsrRequestTest.RECEIVED;

	static DsrRequest madeBy(Representative representative) {
		DataSubject child = new DataSubject("Elsa Öberg", null, null, "sv", NOW);
		DsrRequest request = DsrRequest.receive("DSR-2026-000009", child, RequestType.ACCESS, Channel.EMAIL, "sv", null,
				NOW, DsrRequestTest.POLICY, Actor.SYSTEM, NOW);
		request.recordRepresentative(representative);
		return request;
	}

	static Representative parent() {
		return new Representative(" Björn Öberg ", "bjorn@example.se", RepresentativeAuthority.PARENT);
	}

	@Test
	@DisplayName("Art. 12(2), EDPB 01/2022: the letters go to the representative, who made the request")
	void lettersGoToTheRepresentative() {
		DsrRequest request = madeBy(parent());
		assertThat(request.correspondentName()).isEqualTo("Björn Öberg");
		assertThat(request.correspondentEmail()).isEqualTo("bjorn@example.se");
		assertThat(request.getSubject().getName()).isEqualTo("Elsa Öberg");
		DsrRequest own = madeBy(null);
		assertThat(own.correspondentName()).isEqualTo("Elsa Öberg");
		assertThat(own.correspondentEmail()).isNull();
		assertThat(own.getRepresentative()).isNull();
	}

	@Test
	@DisplayName("Art. 12(2), EDPB 01/2022: a representative without an email address is written to by post")
	void aRepresentativeWithoutAnAddressIsWrittenToByPost() {
		DsrRequest request = madeBy(new Representative("Björn Öberg", " ", RepresentativeAuthority.GUARDIAN));
		assertThat(request.correspondentEmail()).isNull();
	}

	@Test
	@DisplayName("EDPB 01/2022: the authority must be checked before data is disclosed; the check says what was seen")
	void theAuthorityIsCheckedOnceWithANote() {
		DsrRequest request = madeBy(parent());
		assertThat(request.awaitsAuthorityCheck()).isTrue();
		assertThat(request.allows(RequestAction.AUTHORITY_VERIFIED)).isTrue();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> request.verifyAuthority(" ", DsrRequestTest.STAFF, NOW.plusSeconds(60)));
		request.verifyAuthority("Personbevis showing custody", DsrRequestTest.STAFF, NOW.plusSeconds(60));
		assertThat(request.awaitsAuthorityCheck()).isFalse();
		assertThat(request.getAuthorityVerifiedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(request.getAuthorityVerifiedBy()).isEqualTo(7L);
		assertThat(request.getAuthorityNote()).isEqualTo("Personbevis showing custody");
		assertThat(request.allows(RequestAction.AUTHORITY_VERIFIED)).isFalse();
		assertThatThrownBy(() -> request.verifyAuthority("Again", DsrRequestTest.STAFF, NOW))
			.isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	@DisplayName("Art. 12(2): a request the person made themselves has no authority to check")
	void noRepresentativeNoAuthorityCheck() {
		DsrRequest request = madeBy(null);
		assertThat(request.awaitsAuthorityCheck()).isFalse();
		assertThat(request.allows(RequestAction.AUTHORITY_VERIFIED)).isFalse();
		assertThatThrownBy(() -> request.verifyAuthority("Power of attorney", DsrRequestTest.STAFF, NOW))
			.isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	@DisplayName("EDPB 01/2022: a representative is named and says on what authority they act")
	void aRepresentativeHasANameAndAnAuthority() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Representative(" ", "a@example.se", RepresentativeAuthority.OTHER));
		assertThatIllegalArgumentException().isThrownBy(() -> new Representative("Björn", "a@example.se", null));
	}

	@Test
	@DisplayName("Art. 15-21 with Art. 12(2): requests made together lead with the first; a request made alone leads itself")
	void requestsMadeTogetherLeadWithTheFirst() {
		DsrRequest alone = madeBy(null);
		assertThat(alone.leadsThoseMadeTogether()).isTrue();
		assertThat(alone.getMadeWith()).isNull();
	}

	@Nested
	class AuthorityPause {

		private DsrRequest started(Representative representative) {
			DsrRequest request = madeBy(representative);
			request.startWork(DsrRequestTest.STAFF, NOW);
			return request;
		}

		@Test
		@DisplayName("Art. 12(2), 12(6), EDPB 01/2022: waiting for proof of a representative's authority stops the "
				+ "clock and moves the last day to extend, like identity")
		void anAuthorityPauseStopsTheClock() {
			DsrRequest request = started(parent());
			request.pause(PauseGround.AUTHORITY, "The personbevis showing custody", null, false,
					LocalDate.of(2026, 3, 10), DsrRequestTest.STAFF, NOW);
			assertThat(request.getStatus()).isEqualTo(RequestStatus.AWAITING_SUBJECT);
			request.resume(LocalDate.of(2026, 3, 20), DsrRequestTest.POLICY, DsrRequestTest.STAFF, NOW);
			assertThat(request.getPauses()).singleElement().satisfies((pause) -> {
				assertThat(pause.getGround()).isEqualTo(PauseGround.AUTHORITY);
				assertThat(pause.stopsClock()).isTrue();
			});
			// 3 April 2026 (Good Friday) + 10 days paused = Monday 13 April, for both.
			assertThat(request.getEffectiveDeadline()).isEqualTo(LocalDate.of(2026, 4, 13));
			assertThat(request.getOneMonthDeadline()).isEqualTo(LocalDate.of(2026, 4, 13));
		}

		@Test
		@DisplayName("Art. 12(2): a request the person made themselves cannot wait for a representative's authority")
		void notWithoutARepresentative() {
			DsrRequest request = started(null);
			assertThatThrownBy(() -> request.pause(PauseGround.AUTHORITY, "A power of attorney", null, false,
					LocalDate.of(2026, 3, 10), DsrRequestTest.STAFF, NOW))
				.isInstanceOfSatisfying(PauseRefusedException.class, (refused) -> {
					assertThat(refused.reason()).isEqualTo("no-representative");
					assertThat(refused.messageCode()).isEqualTo("requestPage.pause.refused.noRepresentative");
				});
			assertThat(request.getPauses()).isEmpty();
		}

		@Test
		@DisplayName("Art. 12(6), EDPB 01/2022: once the authority is checked, waiting for proof of it is refused")
		void notOnceTheAuthorityIsChecked() {
			DsrRequest request = started(parent());
			request.verifyAuthority("Personbevis showing custody", DsrRequestTest.STAFF, NOW.plusSeconds(60));
			assertThatThrownBy(() -> request.pause(PauseGround.AUTHORITY, "A power of attorney", null, false,
					LocalDate.of(2026, 3, 10), DsrRequestTest.STAFF, NOW))
				.isInstanceOfSatisfying(PauseRefusedException.class,
						(refused) -> assertThat(refused.reason()).isEqualTo("authority-verified"));
			assertThat(request.getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
		}

		@Test
		@DisplayName("Art. 12(3): no pause for authority once the deadline has passed")
		void notAfterTheDeadline() {
			DsrRequest request = started(parent());
			assertThatThrownBy(() -> request.pause(PauseGround.AUTHORITY, "A power of attorney", null, false,
					LocalDate.of(2026, 4, 8), DsrRequestTest.STAFF, NOW))
				.isInstanceOfSatisfying(PauseRefusedException.class,
						(refused) -> assertThat(refused.reason()).isEqualTo("deadline-passed"));
		}

	}

}
