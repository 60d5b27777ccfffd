package se.dsrdesk.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A closed pause of the response period. The pause adds {@link #days()} calendar days,
 * i.e. {@code ChronoUnit.DAYS.between(pausedOn, resumedOn)}, to the end of the first
 * month. Only a pause for information needed to confirm the data subject's identity (GDPR
 * Art. 12(6); EDPB Guidelines 01/2022) also moves the last day on which the period may be
 * extended; a pause to clarify the scope of the request (Recital 63) moves only the
 * answer deadline.
 *
 * @param pausedOn the date the clock was stopped
 * @param resumedOn the date the clock started again; not before {@code pausedOn}
 * @param identity whether the pause waited for information needed to confirm identity
 */
public record PausePeriod(LocalDate pausedOn, LocalDate resumedOn, boolean identity) {

	/**
	 * A pause for information needed to confirm identity (Art. 12(6)).
	 * @param pausedOn the date the clock was stopped
	 * @param resumedOn the date the clock started again
	 */
	public PausePeriod(LocalDate pausedOn, LocalDate resumedOn) {
		this(pausedOn, resumedOn, true);
	}

	/**
	 * Validates the period.
	 * @throws NullPointerException if a date is null
	 * @throws IllegalArgumentException if {@code resumedOn} is before {@code pausedOn}
	 */
	public PausePeriod {
		Objects.requireNonNull(pausedOn, "pausedOn");
		Objects.requireNonNull(resumedOn, "resumedOn");
		if (resumedOn.isBefore(pausedOn)) {
			throw new IllegalArgumentException(
					"Pause resumed on " + resumedOn + " before it was paused on " + pausedOn);
		}
	}

	/**
	 * The number of calendar days this pause adds:
	 * {@code DAYS.between(pausedOn, resumedOn)} (0 when paused and resumed on the same
	 * day).
	 * @return the days, never negative
	 */
	public long days() {
		return ChronoUnit.DAYS.between(this.pausedOn, this.resumedOn);
	}

	/**
	 * Whether this pause and {@code other} overlap, treating each as the half-open range
	 * {@code [pausedOn, resumedOn)}; a pause that starts on the day another resumes does
	 * not overlap it, and a zero-day pause overlaps nothing.
	 */
	boolean overlaps(PausePeriod other) {
		if (days() == 0 || other.days() == 0) {
			return false;
		}
		return this.pausedOn.isBefore(other.resumedOn) && other.pausedOn.isBefore(this.resumedOn);
	}

}
