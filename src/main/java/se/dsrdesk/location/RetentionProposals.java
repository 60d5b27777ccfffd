package se.dsrdesk.location;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.dsrdesk.deadline.DeadlineCalculator;

/**
 * The date a case handler is offered when recording today that data is retained at a
 * location: computed by the location's {@link RetentionRule}, editable on the form.
 */
@Component
public class RetentionProposals {

	private final RetentionRuleProperties properties;

	private final DeadlineCalculator calendar;

	private final Clock clock;

	RetentionProposals(RetentionRuleProperties properties, DeadlineCalculator calendar, Clock clock) {
		this.properties = properties;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * The date until which data retained today at a location is kept, by its rule.
	 * @param location the location
	 * @return the date, or empty where the location has no rule (or no months for
	 * {@link RetentionRule#MONTHS})
	 */
	public Optional<LocalDate> holdUntil(DataLocation location) {
		return location.getRetentionRule()
			.holdUntil(this.calendar.today(this.clock), location.getRetentionMonths(),
					this.properties.financialYearEndMonth());
	}

}
