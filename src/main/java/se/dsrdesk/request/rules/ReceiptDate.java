package se.dsrdesk.request.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Which arrival times a request registered by staff may have (the registration page and
 * the API alike): not in the future, and not before the GDPR applied. A request from
 * before 25 May 2018 is not a request under the Regulation, and a date such as year 0 or
 * 1583 is a typing mistake that would only produce a nonsensical deadline.
 */
public final class ReceiptDate {

	/** GDPR Art. 99(2): the Regulation applies from 25 May 2018. */
	public static final LocalDate GDPR_APPLIES_FROM = LocalDate.of(2018, 5, 25);

	/** The message of a time in the future. */
	public static final String FUTURE = "register.receivedAt.future";

	/** The message of a time before {@link #GDPR_APPLIES_FROM}. */
	public static final String BEFORE_GDPR = "register.receivedAt.beforeGdpr";

	private ReceiptDate() {
	}

	/**
	 * Why an arrival time is refused.
	 * @param receivedAt when the request arrived
	 * @param now the time now
	 * @param zone the controller's time zone, which decides the receipt date
	 * @return the message key of the refusal, empty when the time is accepted
	 */
	public static Optional<String> refusal(Instant receivedAt, Instant now, ZoneId zone) {
		if (receivedAt.isAfter(now)) {
			return Optional.of(FUTURE);
		}
		if (receivedAt.atZone(zone).toLocalDate().isBefore(GDPR_APPLIES_FROM)) {
			return Optional.of(BEFORE_GDPR);
		}
		return Optional.empty();
	}

}
