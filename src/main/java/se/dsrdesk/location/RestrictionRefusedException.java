package se.dsrdesk.location;

import java.util.List;

import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;

/**
 * A step on a restriction hold that the rules refuse: lifting it before the person was
 * told (Art. 18(3)), lifting it twice, or a letter without its reason or date.
 */
public class RestrictionRefusedException extends RefusedException {

	/**
	 * Refused input.
	 * @param messageCode what is wrong
	 * @param field the field at fault
	 */
	RestrictionRefusedException(String messageCode, String field) {
		super(List.of(new Invalid(field, messageCode)));
	}

	private RestrictionRefusedException(String problemType, String messageCode, boolean conflict) {
		super(HttpStatus.CONFLICT, problemType, messageCode);
	}

	/** Art. 18(3): the person is told before the restriction is lifted. */
	static RestrictionRefusedException notTold() {
		return new RestrictionRefusedException("restriction-person-not-told", "restriction.lift.notTold", true);
	}

	/**
	 * Art. 18(3): a letter the mail server gave up on told nobody; the person must be
	 * told again.
	 */
	static RestrictionRefusedException noticeGivenUp() {
		return new RestrictionRefusedException("restriction-person-not-told", "restriction.lift.noticeGivenUp", true);
	}

	static RestrictionRefusedException alreadyLifted() {
		return new RestrictionRefusedException("restriction-lifted", "restriction.lifted.already", true);
	}

}
