package se.dsrdesk.location;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GDPR Art. 18(3): a restriction stands until it is lifted, and the person is told before
 * it is lifted.
 */
class RestrictionHoldTest {

	static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	static RestrictionHold inForce() {
		return new RestrictionHold(1L, null, 2L, " When the address is checked. ", null, NOW);
	}

	@Nested
	class Creating {

		@Test
		@DisplayName("Art. 18(3): a restriction carried out needs the condition on which it will be lifted")
		void aRestrictionNeedsItsCondition() {
			assertThat(OutcomeRecord.restricted("Flagged in the CRM.", " ", null)
				.violations(RequestType.RESTRICTION, TODAY))
				.containsExactly(new OutcomeRecord.Violation("liftCondition", "restriction.liftCondition.required"));
			assertThat(OutcomeRecord.restricted("Flagged in the CRM.", "When the address is checked.", null)
				.violations(RequestType.RESTRICTION, TODAY)).isEmpty();
			assertThat(OutcomeRecord.restricted("Flagged.", "When the address is checked.", TODAY)
				.violations(RequestType.RESTRICTION, TODAY))
				.containsExactly(new OutcomeRecord.Violation("liftOn", "restriction.liftOn.future"));
		}

		@Test
		@DisplayName("Art. 18(3): only a restriction carried out is held; a rectification done needs no condition")
		void onlyARestrictionIsHeld() {
			assertThat(TaskOutcome.DONE.restricts(RequestType.RESTRICTION)).isTrue();
			assertThat(TaskOutcome.NOT_POSSIBLE.restricts(RequestType.RESTRICTION)).isFalse();
			assertThat(TaskOutcome.DONE.restricts(RequestType.RECTIFICATION)).isFalse();
			assertThat(new OutcomeRecord(TaskOutcome.DONE, "Corrected.", null, null, null, null)
				.violations(RequestType.RECTIFICATION, TODAY)).isEmpty();
		}

		@Test
		@DisplayName("Art. 18(3): a new restriction is in force and the person has not been told")
		void newIsInForce() {
			RestrictionHold hold = inForce();
			assertThat(hold.isActive()).isTrue();
			assertThat(hold.isPersonTold()).isFalse();
			assertThat(hold.getLiftCondition()).isEqualTo("When the address is checked.");
		}

	}

	@Nested
	class Lifting {

		@Test
		@DisplayName("Art. 18(3): a restriction cannot be lifted before the person is told")
		void notBeforeThePersonIsTold() {
			RestrictionHold hold = inForce();
			assertThatThrownBy(() -> hold.lift(Actor.SYSTEM, NOW)).isInstanceOf(RestrictionRefusedException.class)
				.satisfies((ex) -> assertThat(((RestrictionRefusedException) ex).messageCode())
					.isEqualTo("restriction.lift.notTold"));
			assertThat(hold.isActive()).isTrue();
		}

		@Test
		@DisplayName("Art. 18(3): once the letter is queued by mail, the restriction can be lifted")
		void afterAMail() {
			RestrictionHold hold = inForce();
			hold.toldByMail("The address was checked.", 42L, Actor.SYSTEM, NOW);
			assertThat(hold.isPersonTold()).isTrue();
			hold.lift(Actor.SYSTEM, NOW.plusSeconds(60));
			assertThat(hold.isActive()).isFalse();
			assertThat(hold.getLiftedAt()).isEqualTo(NOW.plusSeconds(60));
		}

		@Test
		@DisplayName("Art. 18(3): once the letter is recorded as posted, not in the future, the restriction can be lifted")
		void afterALetterPosted() {
			RestrictionHold hold = inForce();
			assertThatThrownBy(() -> hold.toldByPost("Checked.", TODAY.plusDays(1), TODAY, Actor.SYSTEM))
				.isInstanceOf(RestrictionRefusedException.class);
			assertThatThrownBy(() -> hold.toldByPost("Checked.", null, TODAY, Actor.SYSTEM))
				.isInstanceOf(RestrictionRefusedException.class);
			assertThat(hold.isPersonTold()).isFalse();
			hold.toldByPost("Checked.", TODAY, TODAY, Actor.SYSTEM);
			hold.lift(Actor.SYSTEM, NOW);
			assertThat(hold.isActive()).isFalse();
		}

		@Test
		@DisplayName("Art. 18(3): a letter written to post does not tell the person until it is recorded as posted")
		void aLetterToPostTellsOnceItIsPosted() {
			RestrictionHold hold = inForce();
			hold.letterWritten("Checked.", 42L, Actor.SYSTEM);
			assertThat(hold.isPersonTold()).isFalse();
			assertThat(hold.getNoticeCorrespondenceId()).isEqualTo(42L);
			assertThatThrownBy(() -> hold.lift(Actor.SYSTEM, NOW)).isInstanceOf(RestrictionRefusedException.class);
			hold.toldByPost(hold.getLiftReason(), TODAY, TODAY, Actor.SYSTEM);
			hold.lift(Actor.SYSTEM, NOW);
			assertThat(hold.isActive()).isFalse();
		}

		@Test
		@DisplayName("Art. 18(3): the letter says why the restriction is lifted")
		void theLetterNeedsItsReason() {
			RestrictionHold hold = inForce();
			assertThatThrownBy(() -> hold.toldByMail(" ", 42L, Actor.SYSTEM, NOW))
				.isInstanceOf(RestrictionRefusedException.class);
			assertThat(hold.isPersonTold()).isFalse();
		}

		@Test
		@DisplayName("Art. 18(3): a restriction is lifted once; no letter follows a lift")
		void liftedOnce() {
			RestrictionHold hold = inForce();
			hold.toldByMail("Checked.", 42L, Actor.SYSTEM, NOW);
			hold.lift(Actor.SYSTEM, NOW);
			assertThatThrownBy(() -> hold.lift(Actor.SYSTEM, NOW)).isInstanceOf(RestrictionRefusedException.class)
				.satisfies((ex) -> assertThat(((RestrictionRefusedException) ex).messageCode())
					.isEqualTo("restriction.lifted.already"));
			assertThatThrownBy(() -> hold.toldByPost("Again.", TODAY, TODAY, Actor.SYSTEM))
				.isInstanceOf(RestrictionRefusedException.class);
		}

	}

	@Nested
	class NoticeGivenUp {

		@Test
		@DisplayName("Art. 18(3): a letter the mail server gave up on does not count as telling the person; lifting stays refused")
		void aMailGivenUpIsNotTelling() {
			RestrictionHold hold = inForce();
			hold.toldByMail("The address was checked.", 42L, Actor.SYSTEM, NOW);
			assertThat(hold.noticeGivenUp(42L, NOW.plusSeconds(3600))).isTrue();
			assertThat(hold.isPersonTold()).isFalse();
			assertThat(hold.isNoticeGivenUp()).isTrue();
			assertThatThrownBy(() -> hold.lift(Actor.SYSTEM, NOW.plusSeconds(7200)))
				.isInstanceOf(RestrictionRefusedException.class)
				.satisfies((ex) -> assertThat(((RestrictionRefusedException) ex).messageCode())
					.isEqualTo("restriction.lift.noticeGivenUp"));
			assertThat(hold.isActive()).isTrue();
		}

		@Test
		@DisplayName("Art. 18(3): another mail given up leaves the notice as it is")
		void anotherMailIsIgnored() {
			RestrictionHold hold = inForce();
			hold.toldByMail("Checked.", 42L, Actor.SYSTEM, NOW);
			assertThat(hold.noticeGivenUp(43L, NOW)).isFalse();
			assertThat(hold.isPersonTold()).isTrue();
		}

		@Test
		@DisplayName("Art. 18(3): after a mail given up, a new mail or a letter posted tells the person, and it can be lifted")
		void toldAgain() {
			RestrictionHold byMail = inForce();
			byMail.toldByMail("Checked.", 42L, Actor.SYSTEM, NOW);
			byMail.noticeGivenUp(42L, NOW);
			byMail.toldByMail("Checked.", 44L, Actor.SYSTEM, NOW.plusSeconds(60));
			assertThat(byMail.isPersonTold()).isTrue();
			assertThat(byMail.isNoticeGivenUp()).isFalse();
			byMail.lift(Actor.SYSTEM, NOW.plusSeconds(120));
			assertThat(byMail.isActive()).isFalse();

			RestrictionHold byPost = inForce();
			byPost.toldByMail("Checked.", 42L, Actor.SYSTEM, NOW);
			byPost.noticeGivenUp(42L, NOW);
			byPost.toldByPost("Checked.", TODAY, TODAY, Actor.SYSTEM);
			assertThat(byPost.isPersonTold()).isTrue();
			byPost.lift(Actor.SYSTEM, NOW);
			assertThat(byPost.isActive()).isFalse();
		}

		@Test
		@DisplayName("Art. 18(3): a mail given up after the lift leaves it lifted and shows that the person was not told")
		void givenUpAfterTheLift() {
			RestrictionHold hold = inForce();
			hold.toldByMail("Checked.", 42L, Actor.SYSTEM, NOW);
			hold.lift(Actor.SYSTEM, NOW.plusSeconds(60));
			assertThat(hold.noticeGivenUp(42L, NOW.plusSeconds(3600))).isTrue();
			assertThat(hold.isActive()).isFalse();
			assertThat(hold.isNoticeGivenUp()).isTrue();
		}

	}

}
