package se.dsrdesk.location;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The retention rules' settings.
 *
 * @param financialYearEndMonth the month (1–12) whose last day ends the company's
 * financial year; 12, the calendar year, by default. The bookkeeping rule counts seven
 * years after the end of the calendar year in which the financial year ended.
 */
@Validated
@ConfigurationProperties("dsr.locations.retention")
public record RetentionRuleProperties(@DefaultValue("12") @Min(1) @Max(12) int financialYearEndMonth) {

}
