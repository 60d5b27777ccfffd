package se.dsrdesk.location;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Optional;

/**
 * How a location computes the date until which retained data is kept, proposed (and
 * editable) when a case handler records today that data is retained despite an erasure
 * request.
 */
public enum RetentionRule {

	/** No rule: the date is typed by hand. */
	NONE,

	/** Today plus the location's fixed retention period in months. */
	MONTHS,

	/**
	 * Accounting information: kept until the end of the seventh year after the end of the
	 * calendar year in which the financial year ended (bokföringslagen (1999:1078) 7 kap.
	 * 2 §, in the wording in force since 1 July 2024). Data recorded today belongs to the
	 * financial year in progress today.
	 */
	BOOKKEEPING;

	/**
	 * The years after the calendar year in which the financial year ended (7 kap. 2 §).
	 */
	static final int BOOKKEEPING_YEARS = 7;

	/**
	 * The date until which data recorded today is kept under this rule.
	 * @param today the day the outcome is recorded, in the controller's time zone
	 * @param retentionMonths the location's fixed retention period, or {@code null}
	 * @param financialYearEndMonth the month in which the financial year ends (12 for the
	 * calendar year); it ends on that month's last day
	 * @return the last day the data is kept, or empty where the rule computes none
	 */
	public Optional<LocalDate> holdUntil(LocalDate today, Integer retentionMonths, int financialYearEndMonth) {
		return switch (this) {
			case NONE -> Optional.empty();
			case MONTHS -> Optional.ofNullable(retentionMonths).map(today::plusMonths);
			case BOOKKEEPING -> Optional.of(bookkeeping(today, financialYearEndMonth));
		};
	}

	/**
	 * The end of the seventh year after the end of the calendar year in which the
	 * financial year in progress on {@code today} ends.
	 */
	static LocalDate bookkeeping(LocalDate today, int financialYearEndMonth) {
		Month endMonth = Month.of(financialYearEndMonth);
		int endYear = (today.getMonthValue() <= endMonth.getValue()) ? today.getYear() : today.getYear() + 1;
		LocalDate financialYearEnd = YearMonth.of(endYear, endMonth).atEndOfMonth();
		return LocalDate.of(financialYearEnd.getYear() + BOOKKEEPING_YEARS, Month.DECEMBER, 31);
	}

	/**
	 * The legal ground a retention under this rule rests on, if the rule names one.
	 * @return {@link LegalGround#BOOKKEEPING_ACT} for bookkeeping, otherwise empty
	 */
	public Optional<LegalGround> ground() {
		return (this == BOOKKEEPING) ? Optional.of(LegalGround.BOOKKEEPING_ACT) : Optional.empty();
	}

}
